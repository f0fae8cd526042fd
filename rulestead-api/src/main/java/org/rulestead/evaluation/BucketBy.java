package org.rulestead.evaluation;

import org.rulestead.model.WireNamed;

/**
 * Whose identity a rollout or an experiment buckets (spec §1.5, §2.8). The evaluator reads a
 * missing or unknown name as {@link #SUBJECT}; authoring refuses unknown names.
 */
public enum BucketBy implements WireNamed {
    SUBJECT,
    ACCOUNT,
    TENANT,
    SESSION
}
