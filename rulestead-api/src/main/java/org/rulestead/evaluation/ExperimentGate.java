package org.rulestead.evaluation;

import java.util.Map;

/**
 * An experiment (spec §2.10): identities whose experiment bucket falls in the holdout get the first
 * variant (the control); the others get the variant their variant bucket falls in. Both salt slots
 * are the experiment's iteration salt, so a new iteration reshuffles everybody.
 */
final class ExperimentGate {

    private final Identity identity;
    private final String bucketBy;
    private final String iterationSalt;
    private final Number holdoutPercentage;
    private final double holdoutThreshold;
    private final Bucketing.Hasher experimentHasher;
    private final Bucketing.Hasher variantHasher;
    private final Variants variants;

    ExperimentGate(String flagKey, String ruleKey, Map<?, ?> experiment, Variants variants) {
        Object by = experiment.get("bucket_by");
        Object salt = experiment.get("iteration_salt");
        this.identity = Identity.of(by);
        this.bucketBy = Identity.displayName(by);
        this.iterationSalt = Values.text(salt);
        Object holdout = experiment.get("holdout_percentage");
        this.holdoutPercentage = Values.isNumber(holdout) ? (Number) holdout : 0L;
        this.holdoutThreshold = holdoutPercentage.doubleValue() * 100;
        this.experimentHasher = Bucketing.Hasher.of(
                flagKey, ruleKey, Bucketing.effectiveSalt(salt, salt, by, Bucketing.EXPERIMENT), Bucketing.EXPERIMENT);
        this.variantHasher = Bucketing.Hasher.of(
                flagKey, ruleKey, Bucketing.effectiveSalt(salt, salt, by, Bucketing.VARIANT), Bucketing.VARIANT);
        this.variants = variants;
    }

    /** Hot path: hashes only what the answer needs (no experiment hash without a holdout). */
    EvaluationResult answer(EvaluationContext context, Answers flag) {
        String id = identity.of(context);
        if (id == null) {
            return flag.missingIdentity(context, bucketBy);
        }
        boolean holdout = holdoutThreshold >= Bucketing.BUCKET_COUNT
                || holdoutThreshold > 0 && identity.bucket(experimentHasher, context, id) < holdoutThreshold;
        if (holdout) {
            return variants.firstAnswer();
        }
        return variants.decidedWithoutBucket()
                ? variants.answer(0)
                : variants.answer(identity.bucket(variantHasher, context, id));
    }

    Outcome decide(Walk walk) {
        String id = identity.of(walk.context());
        if (id == null) {
            return walk.missingIdentity(bucketBy);
        }
        int experimentBucket = experimentHasher.bucket(id);
        int variantBucket = variantHasher.bucket(id);
        boolean holdout = experimentBucket < holdoutThreshold;
        Outcome outcome = holdout ? variants.first() : variants.choose(variantBucket);
        if (walk.tracing()) {
            String variant = outcome instanceof Outcome.Match match ? match.variant() : null;
            walk.recorder().experiment = new DebugTrace.ExperimentTrace(
                    bucketBy, id, experimentBucket, holdout, holdoutPercentage, iterationSalt, variantBucket, variant);
        }
        return outcome;
    }
}
