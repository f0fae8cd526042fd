package org.rulestead.rollout;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.rulestead.command.CommandContext;
import org.rulestead.flags.FlagEnvironment;
import org.rulestead.flags.FlagStore;
import org.rulestead.governance.Action;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.GovernanceGate;
import org.rulestead.governance.GovernedCommand;
import org.rulestead.governance.ResourceRef;
import org.rulestead.ruleset.Rule;
import org.rulestead.ruleset.RulesetCodec;

/**
 * Guarded rollouts of a flag in an environment (spec §5): what each rollout rule stands at, and
 * advancing one to a stage through the governance gate, as the signed-in operator.
 */
@Stateless
public class RolloutService {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    @Inject
    private FlagStore flags;

    @Inject
    private GovernanceGate gate;

    @Inject
    private AdvanceRollout advanceRollout;

    /**
     * Advances a rollout rule (spec §5.2): {@code command} holds {@code rule_key} (optional when
     * the ruleset has one rollout rule), {@code stage}, {@code percentage}, the monitoring window
     * and signal facts. In a protected environment, 403 {@code change_request_required}.
     */
    public RolloutAdvanced advance(
            String flagKey, String environmentKey, Map<String, Object> command, CommandContext context) {
        return gate.direct(
                advanceRollout,
                GovernedCommand.onFlag(Action.ADVANCE_ROLLOUT, flagKey, environmentKey, command),
                context);
    }

    /** Each rollout rule of the ruleset in force here, with its latest decision; none before a publish. */
    public List<RolloutStatus> rollouts(String flagKey, String environmentKey) {
        authorization.require(Action.READ_ROLLOUTS, ResourceRef.flag(flagKey), environmentKey);
        FlagEnvironment state = flags.in(flags.flag(flagKey), environmentKey);
        Integer active = state.view().activeRulesetVersion();
        if (active == null) {
            return List.of();
        }
        return flags.ruleset(state, active)
                .map(ruleset -> RolloutRules.of(ruleset.authored()).stream()
                        .map(rule -> status(flagKey, environmentKey, rule))
                        .toList())
                .orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private RolloutStatus status(String flagKey, String environmentKey, Rule rule) {
        GuardrailDecisionRecord latest = entityManager
                .createNamedQuery("GuardrailDecisionRecord.latestOfRule", GuardrailDecisionRecord.class)
                .setParameter("flag", flagKey)
                .setParameter("environment", environmentKey)
                .setParameter("rule", rule.key())
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .orElse(null);
        Map<String, Object> rollout =
                (Map<String, Object>) RulesetCodec.writeRule(rule).get("rollout");
        List<Map<String, Object>> guardrails =
                rollout.get("guardrails") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        return new RolloutStatus(
                rule.key(),
                latest == null ? null : latest.stage(),
                RolloutRules.rolloutOf(rule).orElseThrow().percentage(),
                guardrails,
                latest == null ? null : latest.toMap());
    }
}
