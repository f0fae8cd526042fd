package org.rulestead.killswitch;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditOutcome;
import org.rulestead.audit.AuditRecord;
import org.rulestead.command.CommandContext;
import org.rulestead.flags.FlagEnvironment;
import org.rulestead.flags.FlagEnvironmentView;
import org.rulestead.flags.FlagStore;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.Attempt;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.ResourceRef;
import org.rulestead.runtime.SnapshotWriter;
import org.rulestead.time.Now;

/**
 * Engages and releases kill switches (spec §2.11). Deliberately fast: a plain authorization, no
 * change request, in any environment; a reason is always required and the change is audited with
 * its before and after state. Repeating a switch is a success that changes nothing, still audited.
 */
@Stateless
public class KillSwitchService {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    @Inject
    private FlagStore flags;

    @Inject
    private AuditLog auditLog;

    @Inject
    private Now now;

    @Inject
    private SnapshotWriter snapshots;

    public FlagEnvironmentView engage(String flagKey, String environmentKey, CommandContext context) {
        Actor actor = authorization.require(
                Action.ENGAGE_KILL_SWITCH,
                ResourceRef.flag(flagKey),
                environmentKey,
                new Attempt("kill_switch.engage", context));
        return engageAs(actor, flagKey, environmentKey, context, Map.of());
    }

    public FlagEnvironmentView release(String flagKey, String environmentKey, CommandContext context) {
        Actor actor = authorization.require(
                Action.RELEASE_KILL_SWITCH,
                ResourceRef.flag(flagKey),
                environmentKey,
                new Attempt("kill_switch.release", context));
        return releaseAs(actor, flagKey, environmentKey, context, Map.of());
    }

    /** Engages as {@code actor}, already authorized (directly or by an approved change request). */
    public FlagEnvironmentView engageAs(
            Actor actor,
            String flagKey,
            String environmentKey,
            CommandContext context,
            Map<String, Object> governance) {
        return toggle(actor, flagKey, environmentKey, context, governance, true);
    }

    public FlagEnvironmentView releaseAs(
            Actor actor,
            String flagKey,
            String environmentKey,
            CommandContext context,
            Map<String, Object> governance) {
        return toggle(actor, flagKey, environmentKey, context, governance, false);
    }

    private FlagEnvironmentView toggle(
            Actor actor,
            String flagKey,
            String environmentKey,
            CommandContext context,
            Map<String, Object> governance,
            boolean engage) {
        FlagStore.requireReason(context.reason());
        snapshots.lock(environmentKey);
        FlagEnvironment state = flags.in(flags.changeableFlag(flagKey), environmentKey);
        FlagEnvironmentView before = state.view();
        boolean changed = engage ? state.engageKillSwitch(now.instant()) : state.releaseKillSwitch(now.instant());
        entityManager.flush();
        long snapshot = snapshots.write(environmentKey);
        FlagEnvironmentView after = state.view();

        Map<String, Object> metadata = new LinkedHashMap<>(governance);
        metadata.put("before", switchState(before));
        metadata.put("after", switchState(after));
        metadata.put("changed", changed);
        metadata.put("snapshot_version", snapshot);
        metadata.put("context", context.auditContext());
        auditLog.record(new AuditRecord(
                engage ? "kill_switch.engage" : "kill_switch.release",
                "flag",
                flagKey,
                environmentKey,
                actor,
                context.reason(),
                AuditOutcome.OK,
                metadata,
                context.correlationId()));
        return after;
    }

    private static Map<String, Object> switchState(FlagEnvironmentView view) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", view.status().name().toLowerCase(java.util.Locale.ROOT));
        state.put("kill_switch_variant_key", view.killSwitchEngaged() ? "default" : null);
        return state;
    }
}
