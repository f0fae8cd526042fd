package org.rulestead.rollout;

import java.util.List;
import java.util.Optional;
import org.rulestead.ruleset.Rollout;
import org.rulestead.ruleset.Rule;
import org.rulestead.ruleset.Ruleset;

/** The rules of a ruleset that roll out by percentage, and a ruleset with one rule's percentage moved. */
final class RolloutRules {

    private RolloutRules() {}

    /** The rollout of {@code rule}, if its strategy has one. */
    static Optional<Rollout> rolloutOf(Rule rule) {
        if (rule instanceof Rule.PercentageRollout rollout) {
            return Optional.of(rollout.rollout());
        }
        return rule instanceof Rule.VariantSplit split ? Optional.of(split.rollout()) : Optional.empty();
    }

    /** The rules that have a rollout, in order. */
    static List<Rule> of(Ruleset ruleset) {
        return ruleset.rules().stream()
                .filter(rule -> rolloutOf(rule).isPresent())
                .toList();
    }

    /**
     * The rollout rule a command names (spec §5.2 step 3): the rule with {@code ruleKey} if it has
     * a rollout, or, without a key, the only rule that has one.
     */
    static Optional<Rule> resolve(Ruleset ruleset, String ruleKey) {
        List<Rule> rollouts = of(ruleset);
        if (ruleKey == null) {
            return rollouts.size() == 1 ? Optional.of(rollouts.get(0)) : Optional.empty();
        }
        return rollouts.stream().filter(rule -> rule.key().equals(ruleKey)).findFirst();
    }

    /** The same ruleset with {@code ruleKey}'s rollout at {@code percentage}: salt, guardrails and all else kept. */
    static Ruleset withPercentage(Ruleset ruleset, String ruleKey, int percentage) {
        List<Rule> rules = ruleset.rules().stream()
                .map(rule -> rule.key().equals(ruleKey) ? withPercentage(rule, percentage) : rule)
                .toList();
        return new Ruleset(ruleset.salt(), rules, ruleset.extras());
    }

    /**
     * 409 {@code rollout_stage_conflict} (spec §5.2): nothing in force here, no such rollout rule
     * in it, or no such stage advanced to.
     */
    static org.rulestead.command.CommandRejected conflict(String flagKey, String environmentKey, String ruleKey) {
        java.util.Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        metadata.put("flag_key", flagKey);
        metadata.put("environment_key", environmentKey);
        if (ruleKey != null) {
            metadata.put("rule_key", ruleKey);
        }
        return org.rulestead.command.CommandRejected.conflict("rollout_stage_conflict", metadata);
    }

    /** A ruleset as a decision keeps it: {@code {"version", "salt", "rules"}}, enough to publish it again. */
    static java.util.Map<String, Object> snapshotOf(org.rulestead.flags.Ruleset ruleset) {
        java.util.Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
        snapshot.put("version", ruleset.rulesetVersion());
        snapshot.put("salt", ruleset.view().salt());
        snapshot.put("rules", ruleset.view().rules());
        return snapshot;
    }

    private static Rule withPercentage(Rule rule, int percentage) {
        if (rule instanceof Rule.PercentageRollout rollout) {
            return new Rule.PercentageRollout(
                    rollout.key(),
                    rollout.name(),
                    rollout.description(),
                    rollout.conditions(),
                    rollout.value(),
                    at(rollout.rollout(), percentage),
                    rollout.extras());
        }
        Rule.VariantSplit split = (Rule.VariantSplit) rule;
        return new Rule.VariantSplit(
                split.key(),
                split.name(),
                split.description(),
                split.conditions(),
                split.variants(),
                at(split.rollout(), percentage),
                split.extras());
    }

    private static Rollout at(Rollout rollout, int percentage) {
        return new Rollout(rollout.bucketBy(), percentage, rollout.salt(), rollout.guardrails(), rollout.extras());
    }
}
