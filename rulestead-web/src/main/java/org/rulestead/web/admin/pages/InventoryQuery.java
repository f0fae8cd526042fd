package org.rulestead.web.admin.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

    private static final Map<String, Comparator<FlagRow>> SORTS = Map.of(
            "key", Comparator.comparing(FlagRow::key),
            "status", Comparator.comparing(FlagRow::status).thenComparing(FlagRow::key),
            "owner", Comparator.comparing(FlagRow::owner).thenComparing(FlagRow::key),
            "lifecycle", Comparator.comparing(FlagRow::lifecycle).thenComparing(FlagRow::key),
            "type", Comparator.comparing(FlagRow::flagType).thenComparing(FlagRow::key));

    public InventoryQuery {
        text = blankToNull(text);
        owner = blankToNull(owner);
        lifecycle = blankToNull(lifecycle);
        status = blankToNull(status);
        tag = blankToNull(tag);
        sort = sort != null && SORTS.containsKey(sort) ? sort : "key";
        page = Math.max(page, 1);
    }

    /** The rows that pass every filter, in the chosen order. */
    public List<FlagRow> apply(List<FlagRow> rows) {
        Comparator<FlagRow> order = SORTS.get(sort);
        Stream<FlagRow> kept = rows.stream()
                .filter(row -> text == null || row.mentions(text))
                .filter(row -> owner == null || owner.equals(row.ownerRef()))
                .filter(row -> lifecycle == null || lifecycle.equals(row.lifecycleMode()))
                .filter(row -> status == null || status.equals(row.status()))
                .filter(row -> tag == null || row.tags().contains(tag));
        return kept.sorted(descending ? order.reversed() : order).toList();
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
