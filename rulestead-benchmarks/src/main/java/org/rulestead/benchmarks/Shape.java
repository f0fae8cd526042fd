package org.rulestead.benchmarks;

import java.util.Map;

/**
 * The flags every SDK evaluates, defined equivalently for each (same answers for the same users,
 * not the same buckets: each SDK has its own hash).
 */
public enum Shape {
    /** Everybody gets {@code true}. */
    FORCED,
    /** {@link Targeting#SHARED}: ten rules repeating two of their three conditions. */
    TARGETING_SHARED,
    /** {@link Targeting#DISTINCT}: ten rules of three conditions, thirty distinct ones. */
    TARGETING_DISTINCT,
    /** {@code true} for 50% of users by their key. */
    ROLLOUT,
    /** Variants a/b/c weighted 33/33/34 by the user's key. */
    SPLIT;

    static final String FLAG_KEY = "bench-flag";

    /** The rules of a targeting shape, null for the others. */
    Targeting targeting() {
        return switch (this) {
            case TARGETING_SHARED -> Targeting.SHARED;
            case TARGETING_DISTINCT -> Targeting.DISTINCT;
            default -> null;
        };
    }

    /**
     * The attributes every benchmark user carries: those its targeting shape reads, and the shared
     * shape's for the shapes that read none (as they always had).
     */
    Map<String, String> userAttributes() {
        return (this == TARGETING_DISTINCT ? Targeting.DISTINCT : Targeting.SHARED).userAttributes();
    }
}
