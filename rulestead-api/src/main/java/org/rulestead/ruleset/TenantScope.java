package org.rulestead.ruleset;

import org.rulestead.evaluation.WireVocabulary;

/** Whether a guardrail's signal is measured per tenant (spec §1.5, §5.3). */
public enum TenantScope implements WireVocabulary {
    REQUIRED,
    NOT_APPLICABLE
}
