package org.rulestead.web.admin.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rulestead.flags.FlagInventoryQuery;
import org.rulestead.flags.InventorySort;

/**
 * The inventory's filters, sort and page as they stand in its URL ({@code ?env=staging&owner=team-a&sort=status&page=2}),
 * so a filtered list can be bookmarked and shared.
 */
public record InventoryQuery(
        String text,
        String owner,
        String lifecycle,
        String status,
        String tag,
        String sort,
        boolean descending,
        int page) {

    public static final int PAGE_SIZE = 25;

    public InventoryQuery {
        text = blankToNull(text);
        owner = blankToNull(owner);
        lifecycle = blankToNull(lifecycle);
        status = blankToNull(status);
        tag = blankToNull(tag);
        sort = InventorySort.fromWireName(sort).wireName();
        page = Math.max(page, 1);
    }

    /** What the page asks the flag service for: this query's filters, sort and page in {@code environmentKey}. */
    public FlagInventoryQuery within(String environmentKey) {
        return new FlagInventoryQuery(
                environmentKey,
                text,
                owner,
                lifecycle,
                status,
                tag,
                InventorySort.fromWireName(sort),
                descending,
                page,
                PAGE_SIZE);
    }

    /** This query's URL parameters with {@code changes} applied (a null value drops the parameter). */
    public String link(String env, Map<String, String> changes) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("env", env);
        parameters.put("q", text);
        parameters.put("owner", owner);
        parameters.put("lifecycle", lifecycle);
        parameters.put("status", status);
        parameters.put("tag", tag);
        parameters.put("sort", sort.equals("key") ? null : sort);
        parameters.put("dir", descending ? "desc" : null);
        parameters.put("page", page == 1 ? null : String.valueOf(page));
        parameters.putAll(changes);
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                query.append(query.length() == 0 ? '?' : '&')
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
