package org.rulestead.evaluation;

import org.rulestead.model.WireNamed;

/**
 * How a rule whose conditions passed produces its answer (spec §1.5, §2.6): the one list of
 * strategies, with the blocks each one needs. The evaluator, the validator and the authored
 * model all read it from here.
 */
public enum RuleStrategy implements WireNamed {
    FORCED_VALUE,
    PERCENTAGE_ROLLOUT,
    VARIANT_SPLIT,
    SEGMENT_MATCH,
    EXPERIMENT;

    /** Whether the rule must carry its own served value ({@code {"value": v}}). */
    public boolean requiresValue() {
        return this == FORCED_VALUE;
    }

    /** Whether the rule needs a {@code rollout} block (and may carry no other). */
    public boolean usesRollout() {
        return this == PERCENTAGE_ROLLOUT || this == VARIANT_SPLIT;
    }

    /** Whether the rule needs an {@code experiment} block. */
    public boolean usesExperiment() {
        return this == EXPERIMENT;
    }

    /** Whether the rule serves one of its weighted variants. */
    public boolean usesVariants() {
        return this == VARIANT_SPLIT || this == EXPERIMENT;
    }
}
