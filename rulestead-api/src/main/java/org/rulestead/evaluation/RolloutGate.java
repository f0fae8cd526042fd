package org.rulestead.evaluation;

import java.util.Map;

/**
 * A rule's percentage gate (spec §2.8): the identity is included when its rollout bucket is below
 * percentage × 100. The variant bucket, in its own namespace, comes with every inclusion, so raising
 * the percentage only ever adds identities and never reshuffles their variants.
 */
final class RolloutGate {

    private final Identity identity;
    private final String bucketBy;
    private final Number percentage;
    private final double threshold;
    private final Bucketing.Hasher rolloutHasher;
    private final Bucketing.Hasher variantHasher;

    RolloutGate(String flagKey, String ruleKey, Object rulesetSalt, Map<?, ?> rollout) {
        Object by = rollout.get("bucket_by");
        Object salt = rollout.get("salt");
        this.identity = Identity.of(by);
        this.bucketBy = Identity.displayName(by);
        this.percentage = Values.isNumber(rollout.get("percentage")) ? (Number) rollout.get("percentage") : null;
        this.threshold = percentage == null ? 0 : percentage.doubleValue() * 100;
        this.rolloutHasher = Bucketing.Hasher.of(
                flagKey, ruleKey, Bucketing.effectiveSalt(rulesetSalt, salt, by, Bucketing.ROLLOUT), Bucketing.ROLLOUT);
        this.variantHasher = Bucketing.Hasher.of(
                flagKey, ruleKey, Bucketing.effectiveSalt(rulesetSalt, salt, by, Bucketing.VARIANT), Bucketing.VARIANT);
    }

    String bucketBy() {
        return bucketBy;
    }

    /** The identity this gate buckets, or null when the context has none. */
    String identityOf(EvaluationContext context) {
        return identity.of(context);
    }

    /** On the hot path: whether the identity is in, without hashing when the percentage alone decides. */
    boolean includes(EvaluationContext context, String id) {
        if (threshold >= Bucketing.BUCKET_COUNT) {
            return true;
        }
        return threshold > 0 && identity.bucket(rolloutHasher, context, id) < threshold;
    }

    int variantBucket(EvaluationContext context, String id) {
        return identity.bucket(variantHasher, context, id);
    }

    /** {@link Outcome.Included} with the buckets, or the skip or error that ends the rule here. */
    Outcome admit(Walk walk) {
        String id = identity.of(walk.context());
        if (id == null) {
            return walk.missingIdentity(bucketBy);
        }
        int bucket = rolloutHasher.bucket(id);
        if (bucket >= threshold) {
            if (walk.tracing()) {
                walk.recorder().rollout = new DebugTrace.RolloutTrace(false, bucketBy, null, bucket, null, null, null);
            }
            return Outcome.ROLLOUT_EXCLUDED;
        }
        int variantBucket = variantHasher.bucket(id);
        if (walk.tracing()) {
            walk.recorder().rollout = new DebugTrace.RolloutTrace(
                    true, bucketBy, id, bucket, percentage == null ? 0 : percentage, variantBucket, null);
        }
        return new Outcome.Included(id, bucket, variantBucket);
    }
}
