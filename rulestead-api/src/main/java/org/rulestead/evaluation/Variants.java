package org.rulestead.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The variants of a split or experiment as bucket ranges (spec §2.9): variant i owns the buckets
 * from 100·(weights before it) to 100·(weights up to it) − 1, so zero weights own nothing.
 */
final class Variants {

    record Variant(String key, Object value, double upperBound) {}

    private final Variant[] variants;
    private final String malformed;

    private Variants(Variant[] variants, String malformed) {
        this.variants = variants;
        this.malformed = malformed;
    }

    static Variants of(Object raw) {
        List<Variant> compiled = new ArrayList<>();
        if (!(raw instanceof List<?> list)) {
            return new Variants(new Variant[0], null);
        }
        double accumulated = 0;
        for (Object entry : list) {
            Map<?, ?> variant = entry instanceof Map<?, ?> map ? map : null;
            if (variant == null) {
                return new Variants(new Variant[0], "a variant is not an object");
            }
            Object weight = variant.get("weight");
            if (weight != null && !Values.isNumber(weight)) {
                return new Variants(new Variant[0], "a variant weight is not a number");
            }
            accumulated += weight == null ? 0 : ((Number) weight).doubleValue() * 100;
            compiled.add(new Variant(key(variant.get("key")), Values.extract(variant.get("value")), accumulated));
        }
        return new Variants(compiled.toArray(Variant[]::new), null);
    }

    /** The first variant (an experiment's control), or an error when there is none. */
    Outcome first() {
        if (malformed != null) {
            return new Outcome.Fail(EvaluationError.malformed(malformed));
        }
        return variants.length == 0
                ? new Outcome.Fail(EvaluationError.malformed("the rule has no variants"))
                : new Outcome.Match(variants[0].value(), variants[0].key());
    }

    /** The variant owning {@code variantBucket}; weights that leave it uncovered are an error. */
    Outcome choose(int variantBucket) {
        if (malformed != null) {
            return new Outcome.Fail(EvaluationError.malformed(malformed));
        }
        int target = variantBucket + 1;
        for (Variant variant : variants) {
            if (target <= variant.upperBound()) {
                return new Outcome.Match(variant.value(), variant.key());
            }
        }
        return new Outcome.Fail(EvaluationError.malformed("the variant weights do not cover bucket " + variantBucket));
    }

    private static String key(Object raw) {
        String text = Values.text(raw);
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
