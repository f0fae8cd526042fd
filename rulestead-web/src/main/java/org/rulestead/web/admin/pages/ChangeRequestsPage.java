package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rulestead.changerequests.ChangeRequestService;
import org.rulestead.changerequests.ChangeRequestStatus;
import org.rulestead.changerequests.ChangeRequestView;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;

/**
 * {@code /admin/change-requests?env=…&status=…&action=…&flag=…&scope=all}: the review queue, of
 * the selected environment or of all of them, newest first.
 */
@Named
@RequestScoped
public class ChangeRequestsPage extends EnvironmentPage {

    private EnvironmentCatalog environmentCatalog;
    private ChangeRequestService changeRequests;

    private String status;
    private String action;
    private String flag;
    private String scope;
    private List<ChangeRequestView> rows = List.of();
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
        try {
            rows = changeRequests.list(wanted).stream()
                    .filter(request ->
                            isAllEnvironments() || request.environmentKey().equals(selection.currentKey()))
                    .filter(request -> blank(action) || request.action().equals(action))
                    .filter(request -> blank(flag) || request.resourceKey().contains(flag.trim()))
                    .sorted((a, b) -> Long.compare(b.id(), a.id()))
                    .toList();
        } catch (CommandRejected rejected) {
            message = Refusals.describe(rejected);
        }
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
        return List.of("publish_ruleset", "engage_kill_switch", "release_kill_switch");
    }

    public List<ChangeRequestView> getRows() {
        return rows;
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
}
