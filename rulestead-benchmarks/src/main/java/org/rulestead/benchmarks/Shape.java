package org.rulestead.benchmarks;

/**
 * The four flags every SDK evaluates, defined equivalently for each (same answers for the same
 * users, not the same buckets: each SDK has its own hash).
 */
public enum Shape {
    /** Everybody gets {@code true}. */
    FORCED,
    /**
     * Ten rules of three string conditions ({@code country}, {@code plan}, {@code segment}); every
     * benchmark user passes the first two conditions of every rule, and only the tenth rule's third.
     */
    TARGETING,
    /** {@code true} for 50% of users by their key. */
    ROLLOUT,
    /** Variants a/b/c weighted 33/33/34 by the user's key. */
    SPLIT;

    static final int RULES = 10;
    static final String FLAG_KEY = "bench-flag";

    /** The segment every benchmark user is in: only the tenth rule asks for it. */
    static final String USER_SEGMENT = "segment-" + (RULES - 1);

    static String segmentOfRule(int rule) {
        return "segment-" + rule;
    }
}
