package org.rulestead.web.admin.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rulestead.changerequests.ChangeRequestService;
import org.rulestead.changerequests.ChangeRequestState;
import org.rulestead.changerequests.ChangeRequestView;
import org.rulestead.changerequests.Transition;
import org.rulestead.changerequests.TransitionRefusal;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.governance.Capabilities;
import org.rulestead.governance.GovernedPreview;
import org.rulestead.governance.Permission;
import org.rulestead.governance.ResourceRef;
import org.rulestead.web.admin.rules.RulesetText;

/**
 * {@code /admin/change-requests/{id}?env=...}: one change request under review: the proposal and
 * its diff against what is in force, who may approve and who did, its audit trail; approve,
 * reject, cancel or execute, each confirmed with a reason.
 */
@Named
@ViewScoped
public class ChangeRequestPage extends EnvironmentPage {

    private static final long serialVersionUID = 1L;

    /** A decision an operator can take here, with the request's transition behind it. */
    public enum Decision {
        APPROVE("Approve", Transition.APPROVE),
        REJECT("Reject", Transition.REJECT),
        CANCEL("Cancel the request", Transition.CANCEL),
        EXECUTE("Execute", Transition.EXECUTE);

        private final String label;
        private final Transition transition;

        Decision(String label, Transition transition) {
            this.label = label;
            this.transition = transition;
        }

        public String label() {
            return label;
        }
    }

    private EnvironmentCatalog environmentCatalog;
    private ChangeRequestService changeRequests;
    private Capabilities capabilities;
    private SecurityContext security;

    private String id;
    private ChangeRequestView request;
    private List<RulesetText.DiffLine> diff = List.of();
    private Decision deciding;
    private String reason;
    private String message;
    private String notice;

    private final FieldErrors errors = new FieldErrors();

    protected ChangeRequestPage() {}

    @Inject
    public ChangeRequestPage(
            EnvironmentCatalog environmentCatalog,
            ChangeRequestService changeRequests,
            Capabilities capabilities,
            SecurityContext security) {
        this.environmentCatalog = environmentCatalog;
        this.changeRequests = changeRequests;
        this.capabilities = capabilities;
        this.security = security;
    }

    public void load() {
        choose(environmentCatalog);
        if (request == null) {
            read();
        }
    }

    private void read() {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            message = "There is no change request “" + id + "”.";
            return;
        }
        try {
            request = changeRequests.get(Long.parseLong(id));
            diff = proposedDiff();
        } catch (CommandRejected rejected) {
            message = rejected instanceof CommandRejected.NotFound
                    ? "There is no change request #" + id + "."
                    : Refusals.describe(rejected);
        }
    }

    /**
     * The proposal against what is in force, as the governed action previews it: for a publish,
     * the proposed rules against those in force in that environment; nothing for a kill switch.
     */
    private List<RulesetText.DiffLine> proposedDiff() {
        GovernedPreview preview = changeRequests.preview(request.id());
        if (!preview.before().containsKey("rules") && !preview.after().containsKey("rules")) {
            return List.of();
        }
        return RulesetText.diff(
                RulesetText.lines(preview.before().getOrDefault("rules", List.of())),
                RulesetText.lines(preview.after().getOrDefault("rules", List.of())));
    }

    /**
     * Whether the current operator may take {@code decision} now, and if not, why: the request
     * says whether it allows the step, governance whether the operator holds its capability.
     */
    public Permission permission(Decision decision) {
        if (request == null) {
            return Permission.refused("");
        }
        String user = currentUser();
        ChangeRequestState state = request.state();
        Optional<TransitionRefusal> refusal = state.refusal(decision.transition, user);
        if (refusal.isPresent()) {
            return Permission.refused(explain(refusal.get(), decision));
        }
        return capabilities.direct(
                decision.transition.capability(state.submittedBy(user)),
                ResourceRef.flag(request.resourceKey()),
                request.environmentKey());
    }

    private String explain(TransitionRefusal refusal, Decision decision) {
        return switch (refusal) {
            case NOT_SUBMITTED -> "Only a submitted request can be "
                    + decision.name().toLowerCase(Locale.ROOT) + "d.";
            case NOT_OPEN -> "Only an open request can be cancelled.";
            case NOT_APPROVED -> "It can be executed once it has " + request.requiredApprovals() + " approval(s).";
            case ALREADY_DECIDED -> "You have already decided on this version of the request.";
            case SELF_APPROVAL_FORBIDDEN -> "You submitted this request: another admin must approve it.";
            case NOT_THE_SUBMITTER -> "Only its submitter can revise this request.";
        };
    }

    private String currentUser() {
        return security.getCallerPrincipal() == null
                ? null
                : security.getCallerPrincipal().getName();
    }

    public void choose(Decision decision) {
        message = null;
        notice = null;
        errors.clear();
        deciding = decision;
    }

    public void cancelDecision() {
        deciding = null;
        reason = null;
    }

    public void confirm() {
        message = null;
        errors.clear();
        CommandContext context = CommandContext.of(reason, "admin_ui");
        long number = request.id();
        try {
            switch (deciding) {
                case APPROVE -> changeRequests.approve(number, context);
                case REJECT -> changeRequests.reject(number, context);
                case CANCEL -> changeRequests.cancel(number, context);
                case EXECUTE -> changeRequests.execute(number, context);
            }
            notice = switch (deciding) {
                case APPROVE -> "Approved.";
                case REJECT -> "Rejected.";
                case CANCEL -> "Cancelled.";
                case EXECUTE -> "Executed: the change is in force in " + request.environmentKey() + ".";
            };
            deciding = null;
            reason = null;
            request = null;
            read();
        } catch (CommandRejected rejected) {
            errors.addAll(rejected.details());
            message = Refusals.describe(rejected);
        }
    }

    /** Who may approve, in words. */
    public String getApprovalPolicy() {
        if (request == null) {
            return "";
        }
        return request.requiredApprovals() + " approval(s) from an admin"
                + (request.selfApprovalAllowed() ? "" : " other than the submitter, " + request.submitterDisplay())
                + "; then an admin executes it.";
    }

    public List<Decision> getDecisions() {
        return List.of(Decision.values());
    }

    public List<AuditLine> getAuditLines() {
        return request == null ? List.of() : AuditLine.of(request.auditEvents());
    }

    public String getStatus() {
        return request == null ? "" : request.status().name().toLowerCase(Locale.ROOT);
    }

    public ChangeRequestView getRequest() {
        return request;
    }

    public List<RulesetText.DiffLine> getDiff() {
        return diff;
    }

    public Decision getDeciding() {
        return deciding;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public String getMessage() {
        return message;
    }

    public String getNotice() {
        return notice;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
