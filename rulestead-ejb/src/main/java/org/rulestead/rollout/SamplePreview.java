package org.rulestead.rollout;

import java.util.List;

/**
 * Who a new percentage would let in, shown on twenty sample identities ({@code user-001} …
 * {@code user-020}) bucketed exactly as evaluation buckets them: which are in now, which would be.
 */
public record SamplePreview(String ruleKey, Number currentPercentage, Number proposedPercentage, List<Sample> samples) {

    public static final int SIZE = 20;

    public SamplePreview {
        samples = List.copyOf(samples);
    }

    /** One identity: its rollout bucket (0–9999), and whether it is in at each percentage. */
    public record Sample(String identity, int bucket, boolean inNow, boolean inThen) {}

    /** How many of the samples the new percentage adds (negative: removes). */
    public long added() {
        return samples.stream().filter(Sample::inThen).count()
                - samples.stream().filter(Sample::inNow).count();
    }
}
