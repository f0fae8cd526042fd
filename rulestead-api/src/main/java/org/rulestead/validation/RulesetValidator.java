package org.rulestead.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.rulestead.evaluation.BucketBy;
import org.rulestead.evaluation.ConditionOperator;
import org.rulestead.evaluation.Operands;
import org.rulestead.evaluation.RuleStrategy;
import org.rulestead.model.ValueType;
import org.rulestead.model.WireNamed;
import org.rulestead.ruleset.EnvironmentScope;
import org.rulestead.ruleset.TenantScope;
import org.rulestead.ruleset.ThresholdOperator;

/**
 * Validates a draft ruleset ({@code {"salt", "rules": [...]}}, spec §1.4–§1.5) before it is saved:
 * rule keys unique, strategies with exactly their blocks, conditions with valid attributes,
 * operators and operands (patterns compile on RE2/J), values of the flag's value type, variant
 * weights summing to 100, rollouts and experiments in range, referenced audiences existing, and no
 * field the spec does not define (a typo is refused, not ignored). Every
 * problem is one finding at its field path, e.g. {@code rules[2].variants[1].weight}.
 */
public final class RulesetValidator {

    // the closed vocabularies have one definition each: the enums; findings name their wire names
    static final List<String> STRATEGIES = WireNamed.wireNames(RuleStrategy.class);
    static final List<String> BUCKET_BY = WireNamed.wireNames(BucketBy.class);
    private static final List<String> THRESHOLD_OPERATORS = WireNamed.wireNames(ThresholdOperator.class);
    private static final List<String> ENVIRONMENT_SCOPES = WireNamed.wireNames(EnvironmentScope.class);
    private static final List<String> TENANT_SCOPES = WireNamed.wireNames(TenantScope.class);
    private static final List<String> OPERATORS = ConditionOperator.authoringOperators().stream()
            .map(ConditionOperator::wireName)
            .sorted()
            .toList();
    private static final Pattern FORBIDDEN_IN_ATTRIBUTE = Pattern.compile("\\[|\\*|\\(|\\)|&&|\\|\\|");
    static final List<String> RULESET_FIELDS = List.of("salt", "rules");
    static final List<String> RULE_FIELDS = List.of(
            "key",
            "name",
            "description",
            "strategy",
            "value",
            "audience_id",
            "audience_key",
            "conditions",
            "variants",
            "rollout",
            "experiment");
    static final List<String> CONDITION_FIELDS = List.of("attribute", "operator", "value", "negate");
    static final List<String> VARIANT_FIELDS = List.of("key", "value", "weight");
    static final List<String> ROLLOUT_FIELDS = List.of("bucket_by", "percentage", "salt", "guardrails");
    static final List<String> GUARDRAIL_FIELDS = List.of(
            "signal_key",
            "threshold_operator",
            "threshold_value",
            "freshness_window_seconds",
            "min_sample_size",
            "environment_scope",
            "tenant_scope");
    static final List<String> EXPERIMENT_FIELDS = List.of("iteration_salt", "bucket_by", "holdout_percentage");
    private static final int KEY_LENGTH = 128;
    private static final int TEXT_LENGTH = 255;

    private final ValueType valueType;
    private final Set<String> audienceKeys;
    private boolean weightsInvalid;

    private RulesetValidator(ValueType valueType, Set<String> audienceKeys) {
        this.valueType = valueType;
        this.audienceKeys = audienceKeys;
    }

    /**
     * @param valueType the flag's value type, which every rule and variant value must have
     * @param audienceKeys the audiences that exist (active ones), for {@code segment_match} rules
     */
    public static RulesetValidation validate(Map<String, ?> draft, ValueType valueType, Set<String> audienceKeys) {
        RulesetValidator validator = new RulesetValidator(valueType, Set.copyOf(audienceKeys));
        DocumentReader ruleset = DocumentReader.of(draft);
        ruleset.onlyFields(RULESET_FIELDS);
        ruleset.text("salt", TEXT_LENGTH);
        if (ruleset.has("rules") && !(ruleset.raw("rules") instanceof List<?>)) {
            ruleset.reject("rules", "must be a list of rules");
        }
        Map<String, String> seenKeys = new HashMap<>();
        for (DocumentReader rule : ruleset.objects("rules")) {
            validator.rule(rule, seenKeys);
        }
        return new RulesetValidation(ruleset.findings(), validator.weightsInvalid);
    }

    private void rule(DocumentReader rule, Map<String, String> seenKeys) {
        rule.onlyFields(RULE_FIELDS);
        rule.requiredText("key", KEY_LENGTH).ifPresent(key -> {
            String earlier = seenKeys.putIfAbsent(key, rule.pathOf("key"));
            if (earlier != null) {
                rule.reject("key", "duplicates " + earlier + " (\"" + key + "\"): rule keys must be unique");
            }
        });
        rule.text("name", TEXT_LENGTH);
        rule.text("description", 2000);
        RuleStrategy strategy = rule.oneOf("strategy", STRATEGIES, true)
                .flatMap(name -> WireNamed.parse(RuleStrategy.class, name))
                .orElse(null);
        for (DocumentReader condition : rule.objects("conditions")) {
            condition(condition);
        }
        value(rule, "value", strategy != null && strategy.requiresValue());
        variants(rule, strategy != null && strategy.usesVariants());
        block(rule, "rollout", strategy, strategy != null && strategy.usesRollout())
                .ifPresent(this::rollout);
        block(rule, "experiment", strategy, strategy != null && strategy.usesExperiment())
                .ifPresent(this::experiment);
        if (strategy == RuleStrategy.SEGMENT_MATCH) {
            audience(rule);
        }
    }

    /** A strategy's block: required for the strategies that use it, refused for the others. */
    private static Optional<DocumentReader> block(
            DocumentReader rule, String field, RuleStrategy strategy, boolean needed) {
        if (strategy == null) {
            return rule.object(field);
        }
        if (needed && !rule.has(field)) {
            rule.reject(field, "is required for strategy " + strategy.wireName());
            return Optional.empty();
        }
        if (!needed && rule.has(field)) {
            rule.reject(field, "must not be set for strategy " + strategy.wireName());
            return Optional.empty();
        }
        return rule.object(field);
    }

    /** A served value: {@code {"value": v}} with {@code v} of the flag's value type. */
    private void value(DocumentReader owner, String field, boolean required) {
        Object raw = owner.raw(field);
        if (raw == null) {
            if (required) {
                owner.reject(field, "is required: {\"value\": …}");
            }
            return;
        }
        if (!(raw instanceof Map<?, ?> wrapped) || !wrapped.containsKey("value")) {
            owner.reject(field, "must be an object {\"value\": …}");
            return;
        }
        wrapped.keySet().stream()
                .map(String::valueOf)
                .filter(key -> !key.equals("value"))
                .forEach(key -> owner.reject(field + "." + key, "is not a field here: a value is {\"value\": …}"));
        Object value = wrapped.get("value");
        if (required && value == null && valueType != ValueType.VARIANT) {
            owner.reject(field + ".value", "is required");
        } else if (valueType != null && !valueType.accepts(value)) {
            owner.reject(field + ".value", "must be a " + valueType.wireName() + " value, like the flag's");
        }
    }

    private void variants(DocumentReader rule, boolean required) {
        List<DocumentReader> variants = rule.objects("variants");
        if (required && variants.isEmpty() && !rule.has("variants")) {
            rule.reject("variants", "is required for this strategy");
            return;
        }
        if (required && variants.isEmpty() && rule.raw("variants") instanceof List<?> list && list.isEmpty()) {
            rule.reject("variants", "must not be empty");
            return;
        }
        if (variants.isEmpty()) {
            return;
        }
        long total = 0;
        boolean weighed = true;
        Map<String, String> seen = new HashMap<>();
        for (DocumentReader variant : variants) {
            variant.onlyFields(VARIANT_FIELDS);
            variant.requiredText("key", KEY_LENGTH).ifPresent(key -> {
                String earlier = seen.putIfAbsent(key, variant.pathOf("key"));
                if (earlier != null) {
                    variant.reject("key", "duplicates " + earlier + " (\"" + key + "\"): variant keys must be unique");
                }
            });
            value(variant, "value", true);
            Optional<Long> weight = variant.requiredInteger("weight", 0, 100);
            weighed &= weight.isPresent();
            total += weight.orElse(0L);
        }
        if (weighed && total != 100) {
            weightsInvalid = true;
            rule.reject("variants", "variant weights must sum to 100% (they sum to " + total + ")");
        }
    }

    private void rollout(DocumentReader rollout) {
        rollout.onlyFields(ROLLOUT_FIELDS);
        rollout.oneOf("bucket_by", BUCKET_BY, true);
        rollout.requiredInteger("percentage", 0, 100);
        rollout.text("salt", TEXT_LENGTH);
        for (DocumentReader guardrail : rollout.objects("guardrails")) {
            guardrail.onlyFields(GUARDRAIL_FIELDS);
            guardrail.requiredText("signal_key", TEXT_LENGTH);
            guardrail.oneOf("threshold_operator", THRESHOLD_OPERATORS, true);
            required(guardrail, "threshold_value").ifPresent(field -> guardrail.number(field, 0));
            guardrail.requiredInteger("freshness_window_seconds", 0, Integer.MAX_VALUE);
            guardrail.requiredInteger("min_sample_size", 0, Integer.MAX_VALUE);
            guardrail.oneOf("environment_scope", ENVIRONMENT_SCOPES, false);
            guardrail.oneOf("tenant_scope", TENANT_SCOPES, false);
        }
    }

    private void experiment(DocumentReader experiment) {
        experiment.onlyFields(EXPERIMENT_FIELDS);
        experiment.requiredText("iteration_salt", TEXT_LENGTH);
        experiment.oneOf("bucket_by", BUCKET_BY, false);
        experiment.integer("holdout_percentage", 0, 100);
    }

    private void audience(DocumentReader rule) {
        Optional<String> key = rule.text("audience_key", KEY_LENGTH);
        if (key.isEmpty()) {
            if (!rule.has("audience_key")) {
                rule.reject("audience_key", "is required for strategy segment_match");
            }
            return;
        }
        if (!audienceKeys.contains(key.get())) {
            rule.reject(
                    "audience_key", "refers to audience \"" + key.get() + "\", which does not exist or is archived");
        }
    }

    private static void condition(DocumentReader condition) {
        condition.onlyFields(CONDITION_FIELDS);
        condition.requiredText("attribute", TEXT_LENGTH).ifPresent(attribute -> {
            if (FORBIDDEN_IN_ATTRIBUTE.matcher(attribute).find()
                    || attribute.startsWith(".")
                    || attribute.endsWith(".")
                    || attribute.contains("..")) {
                condition.reject(
                        "attribute",
                        "must be a dotted path of names (no empty segments, indexes, wildcards or expressions)");
            }
        });
        condition.bool("negate");
        condition
                .oneOf("operator", OPERATORS, true)
                .flatMap(name -> WireNamed.parse(ConditionOperator.class, name))
                .ifPresent(operator -> operand(condition, operator));
    }

    /** The operand shapes of spec §1.5 (and decisions 2–3 for our operators). */
    private static void operand(DocumentReader condition, ConditionOperator operator) {
        Object raw = condition.raw("value");
        Map<?, ?> value = raw instanceof Map<?, ?> map ? map : null;
        if (value == null) {
            condition.reject("value", "must be an object, e.g. " + example(operator));
            return;
        }
        String at = "value." + operator.wireName();
        Object operand = value.get(operator.wireName());
        switch (operator) {
            case EQUALS -> {
                if (!(operand instanceof String || operand instanceof Number || operand instanceof Boolean)) {
                    condition.reject(at, "must be a string, number or boolean");
                }
            }
            case IN, NOT_IN -> {
                if (!(operand instanceof List<?> list) || list.isEmpty()) {
                    condition.reject(at, "must be a non-empty list");
                } else if (!homogeneous(list)) {
                    condition.reject(
                            at, "must hold values of one kind: all strings, whole numbers, decimals or booleans");
                }
            }
            case GT, LT, GTE, LTE -> {
                if (!(operand instanceof Number)) {
                    condition.reject(at, "must be a number");
                }
            }
            case REGEX -> {
                Object pattern = value.get("pattern");
                Object options = value.get("options");
                if (!(pattern instanceof String text) || text.isBlank()) {
                    condition.reject("value.pattern", "must be a non-blank pattern");
                } else if (!Operands.validRegexOptions(options)) {
                    condition.reject("value.options", "may only hold the options i, m, s and u");
                } else if (!Operands.validPattern(pattern, options)) {
                    condition.reject("value.pattern", "is not a valid regular expression (RE2 syntax)");
                }
            }
            case EXISTS -> {
                if (!value.isEmpty()) {
                    condition.reject("value", "must be empty: {}");
                }
            }
            case CONTAINS, STARTS_WITH, ENDS_WITH -> {
                if (!(operand instanceof String text) || text.isEmpty()) {
                    condition.reject(at, "must be a non-empty string");
                }
            }
            case BEFORE, AFTER -> {
                if (!Operands.isInstant(operand)) {
                    condition.reject(
                            at, "must be an ISO-8601 date or instant, e.g. 2026-03-31 or 2026-03-31T12:00:00Z");
                }
            }
            default -> {
                if (!Operands.isVersion(operand)) {
                    condition.reject(at, "must be a semantic version, e.g. 2.4.0");
                }
            }
        }
    }

    private static boolean homogeneous(List<?> list) {
        List<String> kinds = new ArrayList<>();
        for (Object element : list) {
            String kind = element instanceof String
                    ? "string"
                    : element instanceof Boolean
                            ? "boolean"
                            : element instanceof java.math.BigDecimal || element instanceof Double
                                    ? "decimal"
                                    : element instanceof Number ? "whole" : "other";
            if (kind.equals("other")) {
                return false;
            }
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds.size() == 1;
    }

    private static Optional<String> required(DocumentReader reader, String field) {
        if (!reader.has(field)) {
            reader.reject(field, "is required");
            return Optional.empty();
        }
        return Optional.of(field);
    }

    private static String example(ConditionOperator operator) {
        return switch (operator) {
            case IN, NOT_IN -> "{\"" + operator.wireName() + "\": [\"a\", \"b\"]}";
            case REGEX -> "{\"pattern\": \"^beta-\", \"options\": \"i\"}";
            case EXISTS -> "{}";
            default -> "{\"" + operator.wireName() + "\": …}";
        };
    }
}
