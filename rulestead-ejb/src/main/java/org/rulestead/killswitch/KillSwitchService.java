package org.rulestead.killswitch;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;
import org.rulestead.command.CommandContext;
import org.rulestead.flags.FlagEnvironmentView;
import org.rulestead.governance.Action;
import org.rulestead.governance.GovernanceGate;
import org.rulestead.governance.GovernedCommand;

/**
 * Engages and releases kill switches (spec §2.11) for the signed-in operator, through the
 * governance gate: a plain capability check, no change request, in any environment.
 */
@Stateless
public class KillSwitchService {

    @Inject
    private GovernanceGate gate;

    @Inject
    private EngageKillSwitch engage;

    @Inject
    private ReleaseKillSwitch release;

    public FlagEnvironmentView engage(String flagKey, String environmentKey, CommandContext context) {
        return gate.direct(
                engage, GovernedCommand.onFlag(Action.ENGAGE_KILL_SWITCH, flagKey, environmentKey, Map.of()), context);
    }

    public FlagEnvironmentView release(String flagKey, String environmentKey, CommandContext context) {
        return gate.direct(
                release,
                GovernedCommand.onFlag(Action.RELEASE_KILL_SWITCH, flagKey, environmentKey, Map.of()),
                context);
    }
}
