package org.rulestead.killswitch;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditRecord;
import org.rulestead.flags.FlagEnvironment;
import org.rulestead.flags.FlagEnvironmentView;
import org.rulestead.flags.FlagStore;
import org.rulestead.flags.SnapshotWriter;
import org.rulestead.governance.GovernedAction;
import org.rulestead.governance.GovernedCommand;
import org.rulestead.governance.GovernedExecution;
import org.rulestead.governance.GovernedPreview;
import org.rulestead.governance.ResourceRef;
import org.rulestead.time.Now;
import org.rulestead.validation.Finding;

/**
 * Engaging or releasing a flag's kill switch in one environment (spec §2.11): deliberately fast,
 * so a direct request needs only the capability, in any environment. The command takes no fields;
 * a reason is always required, and the change is audited with its before and after state, with a
 * new runtime snapshot. Repeating a switch is a success that changes nothing, still audited.
 */
abstract class KillSwitchToggle implements GovernedAction<FlagEnvironmentView> {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    private final FlagStore flags;
    private final AuditLog auditLog;
    private final Now now;
    private final SnapshotWriter snapshots;
    private final boolean engage;

    KillSwitchToggle(FlagStore flags, AuditLog auditLog, Now now, SnapshotWriter snapshots, boolean engage) {
        this.flags = flags;
        this.auditLog = auditLog;
        this.now = now;
        this.snapshots = snapshots;
        this.engage = engage;
    }

    @Override
    public String eventType() {
        return engage ? "kill_switch.engage" : "kill_switch.release";
    }

    @Override
    public DirectAuthorization directAuthorization() {
        return DirectAuthorization.CAPABILITY;
    }

    @Override
    public List<Finding> validate(GovernedCommand command) {
        List<Finding> findings = new ArrayList<>();
        command.fields().keySet().stream()
                .sorted()
                .forEach(field -> findings.add(
                        new Finding(field, "is not a field of a " + action().wireName() + " command (it takes none)")));
        return findings;
    }

    @Override
    public GovernedPreview preview(GovernedCommand command) {
        FlagEnvironmentView now = flags.in(flags.flag(command.resource().key()), command.environmentKey())
                .view();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kill_switch_variant_key", engage ? "default" : null);
        return new GovernedPreview(
                (engage ? "engage" : "release") + " kill switch"
                        + (now.killSwitchEngaged() == engage
                                ? " (it is " + (engage ? "engaged" : "released") + " already)"
                                : ""),
                switchState(now),
                after);
    }

    @Override
    public FlagEnvironmentView apply(GovernedExecution execution) {
        execution.context().requireReason();
        String environmentKey = execution.environmentKey();
        snapshots.lock(environmentKey);
        FlagEnvironment state = flags.in(flags.changeableFlag(execution.flagKey()), environmentKey);
        FlagEnvironmentView before = state.view();
        boolean changed = engage ? state.engageKillSwitch(now.instant()) : state.releaseKillSwitch(now.instant());
        entityManager.flush();
        long snapshot = snapshots.write(environmentKey);
        FlagEnvironmentView after = state.view();

        Map<String, Object> metadata = new LinkedHashMap<>(execution.governance());
        metadata.put("before", switchState(before));
        metadata.put("after", switchState(after));
        metadata.put("changed", changed);
        metadata.put("snapshot_version", snapshot);
        metadata.put("context", execution.context().auditContext());
        auditLog.record(AuditRecord.ofChange(
                eventType(),
                ResourceRef.flag(execution.flagKey()),
                environmentKey,
                execution.actor(),
                execution.context(),
                metadata));
        return after;
    }

    private static Map<String, Object> switchState(FlagEnvironmentView view) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", view.status().name().toLowerCase(Locale.ROOT));
        state.put("kill_switch_variant_key", view.killSwitchEngaged() ? "default" : null);
        return state;
    }
}
