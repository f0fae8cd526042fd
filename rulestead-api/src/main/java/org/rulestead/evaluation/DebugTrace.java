package org.rulestead.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an evaluation reached its answer (spec §3.3): every rule walked, each condition with its
 * actual value, rollout and experiment buckets, audience steps and warnings. It holds raw
 * attribute values and identities: internal, never for telemetry or unauthenticated callers.
 *
 * @param outcome {@code rule_match}, {@code default} or {@code error}
 */
public record DebugTrace(
        String environment,
        boolean strict,
        String outcome,
        String matchedRule,
        List<RuleTrace> ruleTraces,
        List<Warning> warnings) {

    public DebugTrace {
        ruleTraces = List.copyOf(ruleTraces);
        warnings = List.copyOf(warnings);
    }

    /** Whether a rule answered (the last rule trace is then that rule's). */
    public boolean ruleMatched() {
        return "rule_match".equals(outcome);
    }

    /** The trace of the rule that answered, if one did. */
    public RuleTrace matchedRuleTrace() {
        return ruleMatched() ? ruleTraces.get(ruleTraces.size() - 1) : null;
    }

    /** The trace as the spec's JSON document (snake_case keys, insertion-ordered). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("environment", environment);
        map.put("strict", strict);
        map.put("outcome", outcome);
        if (ruleMatched()) {
            map.put("matched_rule", matchedRule);
            map.put("matched_rule_trace", matchedRuleTrace().toMap());
        }
        map.put("warnings", warnings.stream().map(Warning::toMap).toList());
        map.put("rule_traces", ruleTraces.stream().map(RuleTrace::toMap).toList());
        return map;
    }

    /** One rule: matched, or why it was skipped ({@code conditions_not_met}, {@code rollout_excluded}, …). */
    public record RuleTrace(
            String ruleKey,
            boolean matched,
            String reason,
            List<ConditionTrace> conditions,
            RolloutTrace rollout,
            ExperimentTrace experiment,
            AudienceTrace audience,
            List<Warning> warnings) {

        public RuleTrace {
            conditions = List.copyOf(conditions);
            warnings = List.copyOf(warnings);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("rule_key", ruleKey);
            map.put("matched", matched);
            if (reason != null) {
                map.put("reason", reason);
            }
            map.put("conditions", conditions.stream().map(ConditionTrace::toMap).toList());
            map.put("rollout", rollout == null ? null : rollout.toMap());
            if (experiment != null) {
                map.put("experiment", experiment.toMap());
            }
            if (audience != null) {
                map.put("audience_trace", audience.toMap());
            }
            map.put("warnings", warnings.stream().map(Warning::toMap).toList());
            return map;
        }
    }

    /**
     * One condition: {@code reason} is {@code matched}, {@code missing_attribute} (the attribute
     * resolved to null) or {@code no_match}.
     */
    public record ConditionTrace(
            String attribute,
            String operator,
            Object expected,
            Object actual,
            boolean negated,
            boolean passed,
            String reason) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("attribute", attribute);
            map.put("operator", operator);
            map.put("expected", expected);
            map.put("actual", actual);
            if (negated) {
                map.put("negate", true);
            }
            map.put("passed", passed);
            map.put("reason", reason);
            return map;
        }
    }

    /** A rollout gate: the bucket, and when included the identity, percentage and variant bucket. */
    public record RolloutTrace(
            boolean matched,
            String bucketBy,
            String identity,
            int bucket,
            Number percentage,
            Integer variantBucket,
            String variant) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("matched", matched);
            map.put("bucket_by", bucketBy);
            if (matched) {
                map.put("identity", identity);
            }
            map.put("bucket", bucket);
            if (matched) {
                map.put("percentage", percentage);
                map.put("variant_bucket", variantBucket);
                if (variant != null) {
                    map.put("variant", variant);
                }
            }
            return map;
        }
    }

    /** An experiment gate: {@code holdout} when the experiment bucket fell in the holdout. */
    public record ExperimentTrace(
            String bucketBy,
            String identity,
            int experimentBucket,
            boolean holdout,
            Number holdoutPercentage,
            String iterationSalt,
            int variantBucket,
            String variant) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("matched", true);
            map.put("bucket_by", bucketBy);
            map.put("identity", identity);
            map.put("experiment_bucket", holdout ? "holdout" : experimentBucket);
            map.put("holdout_percentage", holdoutPercentage);
            map.put("iteration_salt", iterationSalt);
            map.put("variant_bucket", variantBucket);
            map.put("variant", variant);
            return map;
        }
    }

    /** An audience step: {@code matched}, {@code missed}, {@code missing} or {@code archived}. */
    public record AudienceTrace(String audienceKey, boolean matched, String reason) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("audience_key", audienceKey);
            map.put("matched", matched);
            map.put("reason", reason);
            return map;
        }
    }

    /**
     * Something the operator should know although the evaluation went on: {@code
     * missing_targeting_key} (with {@code bucket_by}), {@code audience_missing}, {@code audience_archived}.
     */
    public record Warning(String type, String bucketBy, String audienceKey) {

        static Warning missingTargetingKey(String bucketBy) {
            return new Warning("missing_targeting_key", bucketBy, null);
        }

        static Warning audience(String type, String audienceKey) {
            return new Warning(type, null, audienceKey);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", type);
            if (bucketBy != null) {
                map.put("bucket_by", bucketBy);
                map.put("strict", false);
            }
            if (audienceKey != null || !type.equals("missing_targeting_key")) {
                map.put("audience_key", audienceKey);
            }
            return map;
        }
    }
}
