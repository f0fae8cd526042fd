package org.rulestead.ruleset;

import org.rulestead.evaluation.WireVocabulary;

/** Where a guardrail's signal is measured (spec §1.5): the rollout's environment. */
public enum EnvironmentScope implements WireVocabulary {
    ENVIRONMENT
}
