package org.rulestead.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The variants of a split or experiment as bucket ranges (spec §2.9): variant i owns the buckets
 * from 100·(weights before it) to 100·(weights up to it) − 1, so zero weights own nothing. Each
 * variant's answer is made once, when the flag is compiled.
 */
final class Variants {

    private final String[] keys;
    private final Object[] values;
    private final double[] upperBounds;
    private final EvaluationResult[] answers;
    private final EvaluationResult whole;
    private final String malformed;
    private final Answers flag;

    private Variants(List<Object[]> variants, String malformed, Answers flag, String ruleKey) {
        this.keys = new String[variants.size()];
        this.values = new Object[variants.size()];
        this.upperBounds = new double[variants.size()];
        this.answers = new EvaluationResult[variants.size()];
        for (int i = 0; i < variants.size(); i++) {
            keys[i] = (String) variants.get(i)[0];
            values[i] = variants.get(i)[1];
            upperBounds[i] = (Double) variants.get(i)[2];
            answers[i] = flag.match(ruleKey, values[i], keys[i]);
        }
        this.malformed = malformed;
        this.flag = flag;
        this.whole = coveringAll();
    }

    static Variants of(Object raw, Answers flag, String ruleKey) {
        List<Object[]> compiled = new ArrayList<>();
        if (!(raw instanceof List<?> list)) {
            return new Variants(compiled, null, flag, ruleKey);
        }
        double accumulated = 0;
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> variant)) {
                return new Variants(List.of(), "a variant is not an object", flag, ruleKey);
            }
            Object weight = variant.get("weight");
            if (weight != null && !Values.isNumber(weight)) {
                return new Variants(List.of(), "a variant weight is not a number", flag, ruleKey);
            }
            accumulated += weight == null ? 0 : ((Number) weight).doubleValue() * 100;
            compiled.add(new Object[] {key(variant.get("key")), Values.extract(variant.get("value")), accumulated});
        }
        return new Variants(compiled, null, flag, ruleKey);
    }

    /** The variant owning every bucket, if one does: the hot path then needs no variant hash. */
    private EvaluationResult coveringAll() {
        if (malformed != null) {
            return null;
        }
        for (int i = 0; i < upperBounds.length; i++) {
            if (upperBounds[i] >= 1) {
                return upperBounds[i] >= Bucketing.BUCKET_COUNT ? answers[i] : null;
            }
        }
        return null;
    }

    boolean decidedWithoutBucket() {
        return whole != null;
    }

    /** Hot path: the answer of the first variant (an experiment's control), or the error. */
    EvaluationResult firstAnswer() {
        if (malformed != null || answers.length == 0) {
            return flag.failure(EvaluationError.malformed(malformed != null ? malformed : "the rule has no variants"));
        }
        return answers[0];
    }

    /** Hot path: the answer of the variant owning {@code variantBucket}, or the error. */
    EvaluationResult answer(int variantBucket) {
        if (whole != null) {
            return whole;
        }
        int index = indexOf(variantBucket);
        return index >= 0 ? answers[index] : flag.failure(uncovered(variantBucket));
    }

    /** The first variant (an experiment's control), or an error when there is none. */
    Outcome first() {
        if (malformed != null || keys.length == 0) {
            return new Outcome.Fail(
                    EvaluationError.malformed(malformed != null ? malformed : "the rule has no variants"));
        }
        return new Outcome.Match(values[0], keys[0]);
    }

    /** The variant owning {@code variantBucket}; weights that leave it uncovered are an error. */
    Outcome choose(int variantBucket) {
        int index = indexOf(variantBucket);
        return index >= 0 ? new Outcome.Match(values[index], keys[index]) : new Outcome.Fail(uncovered(variantBucket));
    }

    private int indexOf(int variantBucket) {
        if (malformed != null) {
            return -1;
        }
        int target = variantBucket + 1;
        for (int i = 0; i < upperBounds.length; i++) {
            if (target <= upperBounds[i]) {
                return i;
            }
        }
        return -1;
    }

    private EvaluationError uncovered(int variantBucket) {
        return EvaluationError.malformed(
                malformed != null ? malformed : "the variant weights do not cover bucket " + variantBucket);
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
