package org.rulestead.ruleset;

import java.util.Objects;
import org.rulestead.evaluation.BucketBy;

/**
 * The {@code experiment} block of an experiment rule (spec §1.5, §2.10): the iteration salt (a new
 * iteration reshuffles everybody), whose identity it buckets and the holdout percentage served
 * the control; both null when the document leaves them to their defaults.
 */
public record ExperimentSettings(String iterationSalt, BucketBy bucketBy, Number holdoutPercentage, Extras extras) {

    public ExperimentSettings {
        Objects.requireNonNull(iterationSalt, "iteration_salt is required");
        extras = Extras.orNone(extras);
    }
}
