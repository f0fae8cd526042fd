package org.rulestead.killswitch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.rulestead.audit.AuditLog;
import org.rulestead.flags.FlagStore;
import org.rulestead.flags.SnapshotWriter;
import org.rulestead.governance.Action;
import org.rulestead.time.Now;

/** {@code release_kill_switch}: see {@link KillSwitchToggle}. */
@Dependent
public class ReleaseKillSwitch extends KillSwitchToggle {

    @Inject
    public ReleaseKillSwitch(FlagStore flags, AuditLog auditLog, Now now, SnapshotWriter snapshots) {
        super(flags, auditLog, now, snapshots, false);
    }

    @Override
    public Action action() {
        return Action.RELEASE_KILL_SWITCH;
    }
}
