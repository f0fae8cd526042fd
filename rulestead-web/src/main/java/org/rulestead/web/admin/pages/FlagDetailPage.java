package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rulestead.audit.AuditEventView;
import org.rulestead.audit.AuditTrail;
import org.rulestead.audit.FlagHistoryQuery;
import org.rulestead.changerequests.ChangeRequestQuery;
import org.rulestead.changerequests.ChangeRequestService;
import org.rulestead.changerequests.ChangeRequestView;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.flags.FlagEnvironmentView;
import org.rulestead.flags.FlagService;
import org.rulestead.flags.FlagView;
import org.rulestead.model.LifecycleMode;
import org.rulestead.runtime.EvidenceStore;
import org.rulestead.runtime.EvidenceSummary;

/**
 * {@code /admin/flags/{key}?env=...}: one flag in the selected environment: its status, the
 * ruleset in force, the kill switch, evaluation evidence and its recent audit events.
 */
@Named
@RequestScoped
public class FlagDetailPage extends FlagPage {

    private static final int RECENT_EVENTS = 15;

    private EnvironmentCatalog environmentCatalog;
    private FlagService flagService;
    private AuditTrail auditTrail;
    private EvidenceStore evidence;
    private ChangeRequestService changeRequests;

    private FlagView flag;
    private FlagEnvironmentView state;
    private EvidenceSummary summary;
    private List<AuditEventView> recentEvents = List.of();
    private List<ChangeRequestView> flagChangeRequests = List.of();
    private String message;

    protected FlagDetailPage() {}

    @Inject
    public FlagDetailPage(
            EnvironmentCatalog environmentCatalog,
            FlagService flagService,
            AuditTrail auditTrail,
            EvidenceStore evidence,
            ChangeRequestService changeRequests) {
        this.environmentCatalog = environmentCatalog;
        this.changeRequests = changeRequests;
        this.flagService = flagService;
        this.auditTrail = auditTrail;
        this.evidence = evidence;
    }

    /** Runs before rendering (f:viewAction). */
    public void load() {
        choose(environmentCatalog);
        try {
            Located located = locate(flagService);
            if (located.problem() != null) {
                message = located.problem();
                return;
            }
            flag = located.flag();
            state = located.state();
            summary = evidence.of(key, selection.currentKey());
            recentEvents = auditTrail
                    .history(FlagHistoryQuery.latest(key, selection.currentKey(), RECENT_EVENTS))
                    .items();
            flagChangeRequests = changeRequests
                    .list(ChangeRequestQuery.aboutFlag(key, RECENT_EVENTS))
                    .items();
        } catch (CommandRejected.Forbidden forbidden) {
            message = "Your role may not read this flag. Ask an administrator for the viewer role.";
        }
    }

    public FlagView getFlag() {
        return flag;
    }

    public FlagEnvironmentView getState() {
        return state;
    }

    public String getStatus() {
        return state == null ? "" : state.status().name().toLowerCase(Locale.ROOT);
    }

    public String getLifecycle() {
        if (flag == null) {
            return "";
        }
        return flag.definition().lifecycle().mode() == LifecycleMode.PERMANENT
                ? "permanent"
                : "review by " + flag.definition().lifecycle().reviewBy();
    }

    public EvidenceSummary getEvidence() {
        return summary;
    }

    public List<Map.Entry<String, Long>> getVariantsServed() {
        return summary == null
                ? List.of()
                : List.copyOf(summary.variantsServed().entrySet());
    }

    /** The flag's state in every environment it lives in, in the catalog's order. */
    public List<EnvironmentState> getEnvironmentStates() {
        if (flag == null) {
            return List.of();
        }
        return EnvironmentState.of(flag, selection);
    }

    /** The change requests about this flag, in every environment, newest first. */
    public List<ChangeRequestView> getChangeRequests() {
        return flagChangeRequests;
    }

    public List<AuditLine> getRecentEvents() {
        return AuditLine.of(recentEvents);
    }

    public String getMessage() {
        return message;
    }
}
