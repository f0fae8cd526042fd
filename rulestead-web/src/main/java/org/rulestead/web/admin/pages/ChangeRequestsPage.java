package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rulestead.changerequests.ChangeRequestList;
import org.rulestead.changerequests.ChangeRequestQuery;
import org.rulestead.changerequests.ChangeRequestService;
import org.rulestead.changerequests.ChangeRequestStatus;
import org.rulestead.changerequests.ChangeRequestView;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;

/**
 * {@code /admin/change-requests?env=…&status=…&action=…&flag=…&scope=all&before=…}: the review
 * queue, of the selected environment or of all of them, newest first, filtered and paged by the
 * database ({@code flag} matches keys that start with it).
 */
@Named
@RequestScoped
public class ChangeRequestsPage extends EnvironmentPage {

    private static final int PAGE = 50;

    private EnvironmentCatalog environmentCatalog;
    private ChangeRequestService changeRequests;

    private String status;
    private String action;
    private String flag;
    private String scope;
    private String before;
    private List<ChangeRequestView> rows = List.of();
    private Long next;
    private String message;

    protected ChangeRequestsPage() {}

    @Inject
    public ChangeRequestsPage(EnvironmentCatalog environmentCatalog, ChangeRequestService changeRequests) {
        this.environmentCatalog = environmentCatalog;
        this.changeRequests = changeRequests;
    }

    public void load() {
        choose(environmentCatalog);
        Optional<ChangeRequestStatus> wanted = Arrays.stream(ChangeRequestStatus.values())
                .filter(candidate -> candidate.name().toLowerCase(Locale.ROOT).equals(status))
                .findFirst();
        Long cursor = before != null && before.matches("[0-9]{1,18}") ? Long.valueOf(before) : null;
        try {
            ChangeRequestList page = changeRequests.list(new ChangeRequestQuery(
                    isAllEnvironments() ? null : selection.currentKey(),
                    wanted.orElse(null),
                    blank(action) ? null : action,
                    blank(flag) ? null : flag.trim(),
                    true,
                    cursor,
                    PAGE));
            rows = page.items();
            next = page.next();
        } catch (CommandRejected rejected) {
            message = Refusals.describe(rejected);
        }
    }

    /** The link to the next (older) page with the same filters. */
    public String getNextLink() {
        return link(next);
    }

    /** The link to the newest page with the same filters. */
    public String getFirstLink() {
        return link(null);
    }

    private String link(Long cursor) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("env", selection.currentKey());
        parameters.put("status", status);
        parameters.put("action", action);
        parameters.put("flag", flag);
        parameters.put("scope", scope);
        parameters.put("before", cursor == null ? null : cursor.toString());
        return QueryStrings.of(parameters);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public boolean isAllEnvironments() {
        return "all".equals(scope);
    }

    public List<String> getStatuses() {
        return Arrays.stream(ChangeRequestStatus.values())
                .map(value -> value.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    public List<String> getActions() {
        return List.of("publish_ruleset", "advance_rollout", "engage_kill_switch", "release_kill_switch");
    }

    public List<ChangeRequestView> getRows() {
        return rows;
    }

    public int getPageSize() {
        return PAGE;
    }

    public Long getNext() {
        return next;
    }

    public String getMessage() {
        return message;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getFlag() {
        return flag;
    }

    public void setFlag(String flag) {
        this.flag = flag;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }
}
