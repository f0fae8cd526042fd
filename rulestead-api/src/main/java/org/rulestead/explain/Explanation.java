package org.rulestead.explain;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.StringJoiner;
import org.rulestead.evaluation.DebugTrace;
import org.rulestead.evaluation.EvaluationResult;

/**
 * The sentences a support engineer pastes into a ticket (spec §4.1, templates kept exactly). They
 * name rules, buckets and audiences, never targeting keys, attribute values or actor data.
 */
public final class Explanation {

    private static final String UNNAMED_RULE = "unnamed-rule";

    private Explanation() {}

    /** Explains a result that was evaluated with its trace. */
    public static String of(EvaluationResult result) {
        if (result.isError()) {
            return "Evaluation failed: " + result.error().message() + ".";
        }
        DebugTrace trace = result.trace();
        if (trace == null) {
            return "No evaluation trace was available.";
        }
        return trace.ruleMatched() ? matched(trace) : defaulted(trace);
    }

    /**
     * Adds where a live answer came from: {@code Environment <env> used snapshot v<n> from source
     * <memory|disk|none> (cache age <ms>ms).} Unknown parts read {@code unknown}.
     */
    public static String withRuntime(
            String explanation, String environment, Long snapshotVersion, String source, Long cacheAgeMs) {
        return explanation + " Environment " + orUnknown(environment) + " used snapshot v"
                + orUnknown(snapshotVersion) + " from source " + orUnknown(source) + " (cache age "
                + (cacheAgeMs == null ? 0 : cacheAgeMs) + "ms).";
    }

    private static String matched(DebugTrace trace) {
        DebugTrace.RuleTrace rule = trace.matchedRuleTrace();
        StringBuilder text = new StringBuilder("Matched rule ")
                .append(trace.matchedRule() == null ? UNNAMED_RULE : trace.matchedRule())
                .append('.');
        if (rule.rollout() != null) {
            text.append(" Bucket ").append(rule.rollout().bucket()).append(" determined the rollout path.");
        }
        Set<String> audiences = new LinkedHashSet<>();
        for (DebugTrace.RuleTrace walked : trace.ruleTraces()) {
            if (walked.audience() != null) {
                audiences.add(audienceSentence(walked.audience()));
            }
        }
        if (!audiences.isEmpty()) {
            text.append(' ').append(String.join(" ", audiences));
        }
        return text.toString();
    }

    private static String defaulted(DebugTrace trace) {
        if (trace.ruleTraces().isEmpty()) {
            return "No rule matched. The evaluator returned the default value.";
        }
        StringJoiner skipped =
                new StringJoiner("; ", "No rule matched. The evaluator returned the default value after ", ".");
        for (DebugTrace.RuleTrace rule : trace.ruleTraces()) {
            skipped.add((rule.ruleKey() == null ? UNNAMED_RULE : rule.ruleKey()) + " skipped ("
                    + (rule.reason() == null ? "no match" : rule.reason()) + ")");
        }
        return skipped.toString();
    }

    private static String audienceSentence(DebugTrace.AudienceTrace audience) {
        String key = audience.audienceKey() == null ? "unknown" : audience.audienceKey();
        return switch (audience.reason()) {
            case "matched" -> "Audience " + key + " matched.";
            case "missing" -> "Audience " + key + " is missing from the snapshot.";
            case "archived" -> "Audience " + key + " is archived.";
            default -> "Audience " + key + " missed.";
        };
    }

    private static String orUnknown(Object value) {
        return value == null ? "unknown" : value.toString();
    }
}
