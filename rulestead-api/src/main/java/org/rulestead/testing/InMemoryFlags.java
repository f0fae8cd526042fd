package org.rulestead.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rulestead.evaluation.CompiledFlag;
import org.rulestead.evaluation.EvaluationListener;
import org.rulestead.evaluation.FlagCompiler;
import org.rulestead.evaluation.FlagEvaluator;
import org.rulestead.evaluation.FlagSource;
import org.rulestead.evaluation.Reason;

/**
 * Flags for a host application's tests (spec §13), served by the real evaluator from memory:
 *
 * <pre>{@code
 * InMemoryFlags flags = new InMemoryFlags();
 * FlagEvaluator evaluator = flags.evaluator();      // inject it where production injects its own
 * flags.putFlag("new-checkout", true);
 * flags.pinVariant("button-color", "user-1", "green");
 * flags.assertFlagEvaluated("new-checkout", () -> checkout.render(user));
 * flags.clearFlags();                                // between tests
 * }</pre>
 *
 * Flags live in the environment {@code test} unless another one is named. Thread-safe, so a test
 * may exercise concurrent code.
 */
public final class InMemoryFlags implements FlagSource {

    public static final String TEST_ENVIRONMENT = "test";

    private final Map<String, Map<String, Object>> payloads = new ConcurrentHashMap<>();
    private final Map<String, CompiledFlag> compiled = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> pins = new ConcurrentHashMap<>();
    private final List<Evaluation> evaluations = new CopyOnWriteArrayList<>();

    /** One evaluation the code under test made: which flag, and why it answered what it did. */
    public record Evaluation(String flagKey, Reason reason) {}

    @Override
    public Optional<CompiledFlag> flag(String environment, String flagKey) {
        return Optional.ofNullable(compiled.get(id(environment, flagKey)));
    }

    /** An evaluator of the {@code test} environment that records what it evaluates. */
    public FlagEvaluator evaluator() {
        return evaluator(TEST_ENVIRONMENT);
    }

    public FlagEvaluator evaluator(String environment) {
        EvaluationListener recorder = (flagKey, reason) -> evaluations.add(new Evaluation(flagKey, reason));
        return new FlagEvaluator(this, environment, recorder);
    }

    /** Serves {@code value} to everybody in {@code test}: a flag with one forced-value rule. */
    public InMemoryFlags putFlag(String flagKey, Object value) {
        return putFlag(flagKey, value, TEST_ENVIRONMENT);
    }

    public InMemoryFlags putFlag(String flagKey, Object value, String environment) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("key", "forced-value");
        rule.put("strategy", "forced_value");
        rule.put("value", wrapped(value));
        return putPayload(payload(flagKey, environment, value, List.of(rule)));
    }

    /**
     * Makes {@code targetingKey} get {@code variant} of the flag (in {@code test}); other keys get
     * no variant. Pins add up: pin several keys of one flag to test each branch.
     */
    public InMemoryFlags pinVariant(String flagKey, String targetingKey, String variant) {
        Map<String, String> pinned = pins.computeIfAbsent(flagKey, key -> new ConcurrentHashMap<>());
        pinned.put(targetingKey, variant);
        List<Map<String, Object>> rules = new ArrayList<>();
        pinned.forEach((key, chosen) -> rules.add(Map.of(
                "key",
                "seeded-variant:" + key,
                "strategy",
                "variant_split",
                "conditions",
                List.of(Map.of("attribute", "targeting_key", "operator", "equals", "value", Map.of("equals", key))),
                "rollout",
                Map.of("bucket_by", "subject", "percentage", 100L, "salt", "seeded"),
                "variants",
                List.of(Map.of("key", chosen, "value", wrapped(chosen), "weight", 100L)))));
        return putPayload(payload(flagKey, TEST_ENVIRONMENT, null, rules));
    }

    /** Serves a hand-built runtime payload (spec §2.2) as it is: rules, splits, audiences. */
    public InMemoryFlags putPayload(Map<String, Object> payload) {
        CompiledFlag flag = FlagCompiler.compile(payload);
        String environment = flag.environment() == null ? TEST_ENVIRONMENT : flag.environment();
        String id = id(environment, flag.key());
        payloads.put(id, payload);
        compiled.put(id, flag);
        return this;
    }

    /** Runs {@code block} with the flag put, then puts back what was there before. */
    public void withFlag(String flagKey, Object value, Runnable block) {
        Map<String, Map<String, Object>> saved = new LinkedHashMap<>(payloads);
        putFlag(flagKey, value);
        try {
            block.run();
        } finally {
            payloads.clear();
            compiled.clear();
            saved.values().forEach(this::putPayload);
        }
    }

    /** Forgets every flag, pin and recorded evaluation. */
    public void clearFlags() {
        payloads.clear();
        compiled.clear();
        pins.clear();
        evaluations.clear();
    }

    public List<Evaluation> evaluations() {
        return List.copyOf(evaluations);
    }

    /**
     * Runs {@code block} and fails unless it evaluated {@code flagKey}; answers the evaluations of
     * that flag it made.
     */
    public List<Evaluation> assertFlagEvaluated(String flagKey, Runnable block) {
        int before = evaluations.size();
        block.run();
        List<Evaluation> made = evaluations.subList(before, evaluations.size()).stream()
                .filter(evaluation -> evaluation.flagKey().equals(flagKey))
                .toList();
        if (made.isEmpty()) {
            throw new AssertionError("expected the code to evaluate flag \"" + flagKey + "\", but it evaluated "
                    + evaluations.subList(before, evaluations.size()).stream()
                            .map(Evaluation::flagKey)
                            .distinct()
                            .toList());
        }
        return made;
    }

    private static Map<String, Object> payload(String flagKey, String environment, Object value, List<?> rules) {
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("key", flagKey);
        flag.put("flag_type", "release");
        flag.put("value_type", valueType(value));
        flag.put("default_value", wrapped(null));
        flag.put("ownership", Map.of("owner_ref", "test-suite", "owner_kind", "team"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("flag", flag);
        payload.put("environment", Map.of("key", environment));
        payload.put("flag_environment", Map.of("environment_key", environment, "status", "active"));
        payload.put(
                "active_ruleset",
                Map.of("version", 1L, "status", "published", "salt", flagKey + ":" + environment, "rules", rules));
        return payload;
    }

    private static String valueType(Object value) {
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return "float";
        }
        if (value instanceof Number) {
            return "integer";
        }
        return "json";
    }

    private static Map<String, Object> wrapped(Object value) {
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("value", value);
        return wrapped;
    }

    private static String id(String environment, String flagKey) {
        return environment + "\u0000" + flagKey;
    }
}
