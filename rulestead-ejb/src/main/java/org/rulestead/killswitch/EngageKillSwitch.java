package org.rulestead.killswitch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.rulestead.audit.AuditLog;
import org.rulestead.flags.FlagStore;
import org.rulestead.flags.SnapshotWriter;
import org.rulestead.governance.Action;
import org.rulestead.time.Now;

/** {@code engage_kill_switch}: see {@link KillSwitchToggle}. */
@Dependent
public class EngageKillSwitch extends KillSwitchToggle {

    @Inject
    public EngageKillSwitch(FlagStore flags, AuditLog auditLog, Now now, SnapshotWriter snapshots) {
        super(flags, auditLog, now, snapshots, true);
    }

    @Override
    public Action action() {
        return Action.ENGAGE_KILL_SWITCH;
    }
}
