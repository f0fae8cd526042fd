package org.rulestead.web.admin.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.governance.Action;
import org.rulestead.governance.Capabilities;
import org.rulestead.governance.Permission;
import org.rulestead.governance.ResourceRef;
import org.rulestead.schedule.ScheduledExecutionService;
import org.rulestead.schedule.ScheduledExecutionView;

/**
 * {@code /admin/schedule/{id}?env=…}: one scheduled execution with every attempt at it and what
 * it did; cancel one that has not run, or requeue one in quarantine, each confirmed with a reason.
 */
@Named
@ViewScoped
public class ScheduledExecutionPage extends EnvironmentPage {

    private static final long serialVersionUID = 1L;

    /** What an operator can do to an execution here. */
    public enum Step {
        CANCEL("Cancel", Action.CANCEL_SCHEDULE),
        REQUEUE("Requeue", Action.REQUEUE_SCHEDULE);

        private final String label;
        private final Action capability;

        Step(String label, Action capability) {
            this.label = label;
            this.capability = capability;
        }

        public String label() {
            return label;
        }
    }

    private EnvironmentCatalog environmentCatalog;
    private ScheduledExecutionService executions;
    private Capabilities capabilities;

    private String id;
    private ScheduledExecutionView execution;
    private Step taking;
    private String reason;
    private String message;
    private String notice;

    private final FieldErrors errors = new FieldErrors();

    protected ScheduledExecutionPage() {}

    @Inject
    public ScheduledExecutionPage(
            EnvironmentCatalog environmentCatalog, ScheduledExecutionService executions, Capabilities capabilities) {
        this.environmentCatalog = environmentCatalog;
        this.executions = executions;
        this.capabilities = capabilities;
    }

    public void load() {
        choose(environmentCatalog);
        if (execution == null) {
            read();
        }
    }

    private void read() {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            message = "There is no scheduled execution “" + id + "”.";
            return;
        }
        try {
            execution = executions.get(Long.parseLong(id));
        } catch (CommandRejected rejected) {
            message = rejected instanceof CommandRejected.NotFound
                    ? "There is no scheduled execution #" + id + "."
                    : Refusals.describe(rejected);
        }
    }

    /** Whether the operator may take {@code step} now, and if not, why. */
    public Permission permission(Step step) {
        if (execution == null) {
            return Permission.refused("");
        }
        if (step == Step.CANCEL && !execution.cancellable()) {
            return Permission.refused("Only an execution that has not run can be cancelled.");
        }
        if (step == Step.REQUEUE && !execution.requeueable()) {
            return Permission.refused("Only a quarantined execution can be requeued.");
        }
        return capabilities.of(
                step.capability,
                new ResourceRef(execution.resourceType(), execution.resourceKey()),
                execution.environmentKey());
    }

    public void choose(Step step) {
        message = null;
        notice = null;
        errors.clear();
        taking = step;
    }

    public void back() {
        taking = null;
        reason = null;
    }

    public void confirm() {
        message = null;
        errors.clear();
        CommandContext context = CommandContext.of(reason, "admin_ui");
        try {
            execution = taking == Step.CANCEL
                    ? executions.cancel(execution.id(), context)
                    : executions.requeue(execution.id(), context);
            notice = taking == Step.CANCEL
                    ? "Cancelled: it will not run."
                    : "Requeued: it runs again now, once more before it is quarantined again.";
            taking = null;
            reason = null;
        } catch (CommandRejected rejected) {
            errors.addAll(rejected.details());
            message = Refusals.describe(rejected);
        }
    }

    public String getDescription() {
        return execution == null ? "" : ScheduleWords.describe(execution);
    }

    public String getOutcome() {
        return execution == null ? null : ScheduleWords.outcome(execution);
    }

    public String getCommandText() {
        return execution == null ? "" : JsonText.write(execution.command());
    }

    public List<Map<String, Object>> getAttempts() {
        return execution == null || execution.attempts() == null ? List.of() : execution.attempts();
    }

    public List<Step> getSteps() {
        return List.of(Step.values());
    }

    public ScheduledExecutionView getExecution() {
        return execution;
    }

    public Step getTaking() {
        return taking;
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
