package org.rulestead.web.admin.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;
import org.rulestead.audit.AuditEventView;
import org.rulestead.audit.AuditTrail;
import org.rulestead.audit.FlagHistoryQuery;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.flags.FlagEnvironmentView;
import org.rulestead.flags.FlagService;
import org.rulestead.flags.FlagView;
import org.rulestead.governance.Action;
import org.rulestead.governance.Capabilities;
import org.rulestead.governance.Permission;
import org.rulestead.governance.ResourceRef;
import org.rulestead.killswitch.KillSwitchService;
import org.rulestead.validation.Finding;

/**
 * {@code /admin/flags/{key}/kill?env=...}: the kill-switch runbook. Evidence first (the switch in
 * every environment, the value served while engaged, its recent history), then engage or release:
 * preview, confirm with a reason (and, in a protected environment, the flag key typed again),
 * audited.
 */
@Named
@ViewScoped
public class KillSwitchPage extends FlagPage {

    private static final long serialVersionUID = 1L;

    private static final Set<String> SWITCH_EVENTS = Set.of("kill_switch.engage", "kill_switch.release");
    private static final int HISTORY = 10;

    private EnvironmentCatalog environmentCatalog;
    private FlagService flagService;
    private KillSwitchService killSwitch;
    private AuditTrail auditTrail;
    private Capabilities capabilities;

    private FlagView flag;
    private FlagEnvironmentView state;
    private List<AuditEventView> history = List.of();
    private Permission engage;
    private Permission release;
    private boolean previewing;
    private String reason;
    private String typedKey;
    private String message;
    private String notice;
    private final FieldErrors errors = new FieldErrors();

    protected KillSwitchPage() {}

    @Inject
    public KillSwitchPage(
            EnvironmentCatalog environmentCatalog,
            FlagService flagService,
            KillSwitchService killSwitch,
            AuditTrail auditTrail,
            Capabilities capabilities) {
        this.environmentCatalog = environmentCatalog;
        this.flagService = flagService;
        this.killSwitch = killSwitch;
        this.auditTrail = auditTrail;
        this.capabilities = capabilities;
    }

    public void load() {
        choose(environmentCatalog);
        if (flag == null) {
            read();
        }
    }

    private void read() {
        try {
            Located located = locate(flagService);
            if (located.problem() != null) {
                message = located.problem();
                return;
            }
            flag = located.flag();
            state = located.state();
            ResourceRef resource = ResourceRef.flag(key);
            engage = capabilities.direct(Action.ENGAGE_KILL_SWITCH, resource, selection.currentKey());
            release = capabilities.direct(Action.RELEASE_KILL_SWITCH, resource, selection.currentKey());
            history = auditTrail
                    .history(FlagHistoryQuery.latest(key, selection.currentKey(), SWITCH_EVENTS, HISTORY))
                    .items();
        } catch (CommandRejected.Forbidden forbidden) {
            message = "Your role may not read this flag.";
            flag = null;
        }
    }

    /** Step two: what will happen, and the reason to give. */
    public void preview() {
        message = null;
        notice = null;
        errors.clear();
        previewing = true;
    }

    public void cancel() {
        previewing = false;
        reason = null;
        typedKey = null;
    }

    /** Step three: engages or releases, audited with the reason. */
    public void confirm() {
        message = null;
        errors.clear();
        if (selection.current().protectedEnvironment() && !key.equals(typedKey == null ? null : typedKey.trim())) {
            errors.addAll(List.of(
                    new Finding("typed_key", "type the flag key " + key + " to confirm in a protected environment")));
            return;
        }
        boolean engaging = !state.killSwitchEngaged();
        try {
            CommandContext context = CommandContext.of(reason, "admin_ui");
            if (engaging) {
                killSwitch.engage(key, selection.currentKey(), context);
            } else {
                killSwitch.release(key, selection.currentKey(), context);
            }
            previewing = false;
            reason = null;
            typedKey = null;
            flag = null;
            read();
            notice = engaging
                    ? "Kill switch engaged in " + selection.current().name()
                            + ": every evaluation now gets the default value."
                    : "Kill switch released in " + selection.current().name() + ": the published rules apply again.";
        } catch (CommandRejected rejected) {
            errors.addAll(rejected.details());
            message = Refusals.describe(rejected);
        }
    }

    public List<EnvironmentState> getEnvironmentStates() {
        return flag == null ? List.of() : EnvironmentState.of(flag, selection);
    }

    /** The permission of the action the button would take now. */
    public Permission getAction() {
        return state != null && state.killSwitchEngaged() ? release : engage;
    }

    public String getDefaultValue() {
        return flag == null ? "" : JsonText.write(flag.definition().defaultValue());
    }

    public FlagView getFlag() {
        return flag;
    }

    public FlagEnvironmentView getState() {
        return state;
    }

    public List<AuditLine> getHistory() {
        return AuditLine.of(history);
    }

    public boolean isPreviewing() {
        return previewing;
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getTypedKey() {
        return typedKey;
    }

    public void setTypedKey(String typedKey) {
        this.typedKey = typedKey;
    }

    public String getMessage() {
        return message;
    }

    public String getNotice() {
        return notice;
    }
}
