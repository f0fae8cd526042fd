package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rulestead.audit.AuditTrail;
import org.rulestead.changerequests.ChangeRequestQuery;
import org.rulestead.changerequests.ChangeRequestService;
import org.rulestead.changerequests.ChangeRequestStatus;
import org.rulestead.changerequests.ChangeRequestView;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.flags.FlagService;
import org.rulestead.flags.FlagView;
import org.rulestead.governance.Action;
import org.rulestead.governance.Capabilities;
import org.rulestead.governance.Permission;
import org.rulestead.governance.ResourceRef;

/**
 * {@code /admin?env=...}: what is happening in one environment: kill switches engaged, change
 * requests awaiting review, recent high-impact changes, and where to go next. Each part is a count
 * and the first few rows, asked of the database as such. A part that cannot be read says so and
 * the rest still shows.
 */
@Named
@RequestScoped
public class OverviewPage extends EnvironmentPage {

    private static final Logger LOG = Logger.getLogger(OverviewPage.class.getName());
    /** Rows shown in each part; the counts say how many there are in all. */
    private static final int SHOWN = 10;

    private static final Set<String> HIGH_IMPACT = Set.of(
            "ruleset.publish", "kill_switch.engage", "kill_switch.release", "change_request.merged", "flag.archive");

    private EnvironmentCatalog environmentCatalog;
    private FlagService flagService;
    private ChangeRequestService changeRequests;
    private AuditTrail auditTrail;
    private Capabilities capabilities;

    private List<FlagView> killed = List.of();
    private long killedCount;
    private List<ChangeRequestView> awaiting = List.of();
    private long awaitingCount;
    private List<AuditLine> recent = List.of();
    private Permission create;
    private String unavailable;

    protected OverviewPage() {}

    @Inject
    public OverviewPage(
            EnvironmentCatalog environmentCatalog,
            FlagService flagService,
            ChangeRequestService changeRequests,
            AuditTrail auditTrail,
            Capabilities capabilities) {
        this.environmentCatalog = environmentCatalog;
        this.flagService = flagService;
        this.changeRequests = changeRequests;
        this.auditTrail = auditTrail;
        this.capabilities = capabilities;
    }

    public void load() {
        choose(environmentCatalog);
        String here = selection.currentKey();
        create = capabilities.of(Action.CREATE_FLAG, ResourceRef.flag(null), null);
        try {
            killed = flagService.killSwitched(here, SHOWN);
            killedCount = flagService.countKillSwitched(here);
            ChangeRequestQuery submitted = ChangeRequestQuery.of(here, ChangeRequestStatus.SUBMITTED, SHOWN);
            awaiting = changeRequests.list(submitted).items();
            awaitingCount = changeRequests.count(submitted);
            recent = AuditLine.of(auditTrail.latest(here, HIGH_IMPACT, SHOWN));
        } catch (CommandRejected rejected) {
            unavailable = Refusals.describe(rejected);
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "the overview could not read what is happening in " + here, failure);
            unavailable = "What is happening in " + selection.current().name()
                    + " cannot be read right now; the pages below still work.";
        }
    }

    public List<FlagView> getKilled() {
        return killed;
    }

    public long getKilledCount() {
        return killedCount;
    }

    public List<ChangeRequestView> getAwaiting() {
        return awaiting;
    }

    public long getAwaitingCount() {
        return awaitingCount;
    }

    public List<AuditLine> getRecent() {
        return recent;
    }

    public Permission getCreate() {
        return create;
    }

    public String getUnavailable() {
        return unavailable;
    }
}
