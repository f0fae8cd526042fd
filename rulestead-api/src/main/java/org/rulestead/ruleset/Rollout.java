package org.rulestead.ruleset;

import java.util.List;
import java.util.Objects;
import org.rulestead.evaluation.BucketBy;

/**
 * The rollout of a {@code percentage_rollout} or {@code variant_split} rule (spec §1.5, §2.8):
 * whose identity it buckets, the percentage let in, its own salt (null when none) and its
 * guardrails. Stages are not authored here: an advance (spec §5.2) names its stage and publishes a
 * ruleset with a new percentage.
 */
public record Rollout(BucketBy bucketBy, Number percentage, String salt, List<Guardrail> guardrails, Extras extras) {

    public Rollout {
        Objects.requireNonNull(bucketBy, "bucket_by is required");
        Objects.requireNonNull(percentage, "percentage is required");
        guardrails = List.copyOf(guardrails);
        extras = Extras.orNone(extras);
    }
}
