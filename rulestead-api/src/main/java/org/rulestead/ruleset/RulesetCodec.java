package org.rulestead.ruleset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.rulestead.evaluation.ConditionOperator;
import org.rulestead.evaluation.RuleStrategy;
import org.rulestead.model.WireNamed;

/**
 * The one translation between the typed ruleset model and its JSON-shaped trees (maps, lists,
 * strings, numbers, booleans, null), in the spec's snake_case shape (§1.4–§1.6).
 *
 * <p><b>Reading</b> takes the shape, not the meaning: it needs the fields each record requires,
 * of the right JSON types, and names from their vocabularies; it does not check weights,
 * ranges, value types, patterns or audiences. That is {@code RulesetValidator}'s business: validate
 * a draft first; a ruleset it accepts always reads. A tree that does not fit throws {@link
 * MalformedRulesetException} naming the field.
 *
 * <p><b>Writing</b> gives fresh {@link LinkedHashMap}s and lists, fields in the spec's order, then
 * the {@link Extras}. Numbers and JSON values are written as read, so {@code write(read(tree))}
 * equals {@code tree}, except that a vocabulary name read with surrounding blanks is written bare
 * and a ruleset without {@code rules} is written with an empty list.
 */
public final class RulesetCodec {

    private RulesetCodec() {}

    /** The ruleset of a tree {@code {"salt", "rules": [...]}} (a stored row's other fields kept as extras). */
    public static Ruleset read(Object tree) {
        TreeReader in = TreeReader.of(tree, "");
        String salt = in.optionalText("salt");
        List<Rule> rules = in.has("rules") ? in.requiredList("rules", RulesetCodec::rule) : List.of();
        return new Ruleset(salt, rules, in.extras());
    }

    public static Map<String, Object> write(Ruleset ruleset) {
        Map<String, Object> document = new LinkedHashMap<>();
        put(document, "salt", ruleset.salt());
        document.put("rules", list(ruleset.rules(), RulesetCodec::writeRule));
        ruleset.extras().writeInto(document);
        return document;
    }

    /** One rule, as {@link #read} reads each of a ruleset's. */
    public static Rule readRule(Object tree) {
        return rule(TreeReader.of(tree, ""));
    }

    public static Map<String, Object> writeRule(Rule rule) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("key", rule.key());
        put(document, "name", rule.name());
        put(document, "description", rule.description());
        document.put("strategy", rule.strategy().wireName());
        // the strategy's own fields, in the spec's order: value, audience, variants, blocks
        if (rule instanceof Rule.ForcedValue forced) {
            document.put("value", served(forced.value()));
            putList(document, "conditions", rule.conditions(), RulesetCodec::writeCondition);
        } else if (rule instanceof Rule.SegmentMatch segment) {
            put(document, "value", served(segment.value()));
            put(document, "audience_id", segment.audienceId());
            document.put("audience_key", segment.audienceKey());
            putList(document, "conditions", rule.conditions(), RulesetCodec::writeCondition);
        } else if (rule instanceof Rule.PercentageRollout rollout) {
            put(document, "value", served(rollout.value()));
            putList(document, "conditions", rule.conditions(), RulesetCodec::writeCondition);
            document.put("rollout", writeRollout(rollout.rollout()));
        } else if (rule instanceof Rule.VariantSplit split) {
            putList(document, "conditions", rule.conditions(), RulesetCodec::writeCondition);
            document.put("variants", variants(split.variants()));
            document.put("rollout", writeRollout(split.rollout()));
        } else if (rule instanceof Rule.Experiment experiment) {
            putList(document, "conditions", rule.conditions(), RulesetCodec::writeCondition);
            document.put("variants", variants(experiment.variants()));
            document.put("experiment", writeExperiment(experiment.experiment()));
        }
        rule.extras().writeInto(document);
        return document;
    }

    /** An audience {@code {"key", "description", "definition"}}; {@code archived_at} and others kept as extras. */
    public static Audience readAudience(Object tree) {
        TreeReader in = TreeReader.of(tree, "");
        String key = in.requiredText("key");
        String description = in.optionalText("description");
        AudienceDefinition definition = in.requiredBlock("definition", RulesetCodec::definition);
        return new Audience(key, description, definition, in.extras());
    }

    public static Map<String, Object> writeAudience(Audience audience) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("key", audience.key());
        put(document, "description", audience.description());
        document.put("definition", writeAudienceDefinition(audience.definition()));
        audience.extras().writeInto(document);
        return document;
    }

    /** An audience definition {@code {"conditions": [...], "clauses": [...]}}, as snapshots embed it. */
    public static AudienceDefinition readAudienceDefinition(Object tree) {
        return definition(TreeReader.of(tree, ""));
    }

    public static Map<String, Object> writeAudienceDefinition(AudienceDefinition definition) {
        Map<String, Object> document = new LinkedHashMap<>();
        putList(document, "conditions", definition.conditions(), RulesetCodec::writeClause);
        putList(document, "clauses", definition.clauses(), RulesetCodec::writeClause);
        definition.extras().writeInto(document);
        return document;
    }

    private static Rule rule(TreeReader in) {
        String key = in.requiredText("key");
        String name = in.optionalText("name");
        String description = in.optionalText("description");
        RuleStrategy strategy = in.requiredName("strategy", RuleStrategy.class);
        List<Condition> conditions = in.optionalList("conditions", RulesetCodec::condition);
        return switch (strategy) {
            case FORCED_VALUE -> new Rule.ForcedValue(
                    key,
                    name,
                    description,
                    conditions,
                    in.requiredBlock("value", TreeReader::servedValue),
                    in.extras());
            case SEGMENT_MATCH -> new Rule.SegmentMatch(
                    key,
                    name,
                    description,
                    conditions,
                    in.optionalText("audience_id"),
                    in.requiredText("audience_key"),
                    in.optionalBlock("value", TreeReader::servedValue),
                    in.extras());
            case PERCENTAGE_ROLLOUT -> new Rule.PercentageRollout(
                    key,
                    name,
                    description,
                    conditions,
                    in.optionalBlock("value", TreeReader::servedValue),
                    in.requiredBlock("rollout", RulesetCodec::rollout),
                    in.extras());
            case VARIANT_SPLIT -> new Rule.VariantSplit(
                    key,
                    name,
                    description,
                    conditions,
                    in.requiredList("variants", RulesetCodec::variant),
                    in.requiredBlock("rollout", RulesetCodec::rollout),
                    in.extras());
            case EXPERIMENT -> new Rule.Experiment(
                    key,
                    name,
                    description,
                    conditions,
                    in.requiredList("variants", RulesetCodec::variant),
                    in.requiredBlock("experiment", RulesetCodec::experiment),
                    in.extras());
        };
    }

    private static Condition condition(TreeReader in) {
        return new Condition(
                in.requiredText("attribute"),
                in.requiredName("operator", ConditionOperator.class),
                in.requiredObject("value"),
                in.optionalBoolean("negate"),
                in.extras());
    }

    private static Map<String, Object> writeCondition(Condition condition) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("attribute", condition.attribute());
        document.put("operator", condition.operator().wireName());
        document.put("value", JsonValues.thaw(condition.value()));
        put(document, "negate", condition.negate());
        condition.extras().writeInto(document);
        return document;
    }

    private static Variant variant(TreeReader in) {
        return new Variant(
                in.requiredText("key"),
                in.requiredBlock("value", TreeReader::servedValue),
                in.requiredNumber("weight"),
                in.extras());
    }

    private static List<Map<String, Object>> variants(List<Variant> variants) {
        return list(variants, variant -> {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("key", variant.key());
            document.put("value", served(variant.value()));
            document.put("weight", variant.weight());
            variant.extras().writeInto(document);
            return document;
        });
    }

    private static Rollout rollout(TreeReader in) {
        return new Rollout(
                in.requiredName("bucket_by", org.rulestead.evaluation.BucketBy.class),
                in.requiredNumber("percentage"),
                in.optionalText("salt"),
                in.optionalList("guardrails", RulesetCodec::guardrail),
                in.extras());
    }

    private static Map<String, Object> writeRollout(Rollout rollout) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("bucket_by", rollout.bucketBy().wireName());
        document.put("percentage", rollout.percentage());
        put(document, "salt", rollout.salt());
        putList(document, "guardrails", rollout.guardrails(), RulesetCodec::writeGuardrail);
        rollout.extras().writeInto(document);
        return document;
    }

    private static Guardrail guardrail(TreeReader in) {
        return new Guardrail(
                in.requiredText("signal_key"),
                in.requiredName("threshold_operator", ThresholdOperator.class),
                in.requiredNumber("threshold_value"),
                in.requiredNumber("freshness_window_seconds"),
                in.requiredNumber("min_sample_size"),
                in.optionalName("environment_scope", EnvironmentScope.class),
                in.optionalName("tenant_scope", TenantScope.class),
                in.extras());
    }

    private static Map<String, Object> writeGuardrail(Guardrail guardrail) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("signal_key", guardrail.signalKey());
        document.put("threshold_operator", guardrail.thresholdOperator().wireName());
        document.put("threshold_value", guardrail.thresholdValue());
        document.put("freshness_window_seconds", guardrail.freshnessWindowSeconds());
        document.put("min_sample_size", guardrail.minSampleSize());
        put(document, "environment_scope", wireName(guardrail.environmentScope()));
        put(document, "tenant_scope", wireName(guardrail.tenantScope()));
        guardrail.extras().writeInto(document);
        return document;
    }

    private static ExperimentSettings experiment(TreeReader in) {
        return new ExperimentSettings(
                in.requiredText("iteration_salt"),
                in.optionalName("bucket_by", org.rulestead.evaluation.BucketBy.class),
                in.optionalNumber("holdout_percentage"),
                in.extras());
    }

    private static Map<String, Object> writeExperiment(ExperimentSettings experiment) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("iteration_salt", experiment.iterationSalt());
        put(document, "bucket_by", wireName(experiment.bucketBy()));
        put(document, "holdout_percentage", experiment.holdoutPercentage());
        experiment.extras().writeInto(document);
        return document;
    }

    private static AudienceDefinition definition(TreeReader in) {
        return new AudienceDefinition(
                in.optionalList("conditions", RulesetCodec::clause),
                in.optionalList("clauses", RulesetCodec::clause),
                in.extras());
    }

    private static AudienceClause clause(TreeReader in) {
        String attribute = in.requiredText("attribute");
        // the evaluator reads "operator" first, then "op" (spec §2.7)
        AudienceClause.OperatorField field = in.has("operator") || !in.has("op")
                ? AudienceClause.OperatorField.OPERATOR
                : AudienceClause.OperatorField.OP;
        return new AudienceClause(
                attribute,
                in.requiredName(field.field(), ConditionOperator.class),
                field,
                in.optionalValue("value"),
                in.optionalBoolean("negate"),
                in.extras());
    }

    private static Map<String, Object> writeClause(AudienceClause clause) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("attribute", clause.attribute());
        document.put(clause.operatorField().field(), clause.operator().wireName());
        put(document, "value", JsonValues.thaw(clause.value()));
        put(document, "negate", clause.negate());
        clause.extras().writeInto(document);
        return document;
    }

    private static Map<String, Object> served(ServedValue value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("value", JsonValues.thaw(value.value()));
        return document;
    }

    private static String wireName(WireNamed name) {
        return name == null ? null : name.wireName();
    }

    /** An optional field: written when it carries a value (an explicit null is kept in the extras). */
    private static void put(Map<String, Object> document, String field, Object value) {
        if (value != null) {
            document.put(field, value);
        }
    }

    /** An optional list: written when it has elements (an empty list as spelt is kept in the extras). */
    private static <T> void putList(
            Map<String, Object> document, String field, List<T> elements, Function<T, Map<String, Object>> write) {
        if (!elements.isEmpty()) {
            document.put(field, list(elements, write));
        }
    }

    /** A fresh, modifiable list: callers may edit what they were given. */
    private static <T> List<Map<String, Object>> list(List<T> elements, Function<T, Map<String, Object>> write) {
        List<Map<String, Object>> written = new java.util.ArrayList<>(elements.size());
        elements.forEach(element -> written.add(write.apply(element)));
        return written;
    }
}
