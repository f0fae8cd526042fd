package org.rulestead.web.admin.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.rulestead.evaluation.BucketBy;
import org.rulestead.evaluation.RuleStrategy;
import org.rulestead.model.WireNamed;
import org.rulestead.ruleset.ExperimentSettings;
import org.rulestead.ruleset.Rollout;
import org.rulestead.ruleset.Rule;
import org.rulestead.ruleset.RulesetCodec;
import org.rulestead.ruleset.ServedValue;
import org.rulestead.ruleset.Variant;

/**
 * One rule as the editor shows it. What the editor does not show (a description, a rollout's
 * guardrails, an audience id) is carried over untouched, so saving never loses it.
 */
public class RuleForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The strategies and bucket-by names the editor offers: the engine's own vocabularies. */
    public static final List<String> STRATEGIES = WireNamed.wireNames(RuleStrategy.class);

    public static final List<String> BUCKET_BY = WireNamed.wireNames(BucketBy.class);

    private static final Set<String> EDITED = Set.of(
            "key", "name", "strategy", "value", "audience_key", "conditions", "variants", "rollout", "experiment");

    private String key;
    private String name;
    private String strategy = "forced_value";
    private String value;
    private String audienceKey;
    private List<ConditionForm> conditions = new ArrayList<>();
    private List<VariantForm> variants = new ArrayList<>();
    private String bucketBy = "subject";
    private String percentage;
    private String rolloutSalt;
    private String iterationSalt;
    private String holdoutPercentage;
    private LinkedHashMap<String, Object> kept = new LinkedHashMap<>();
    private LinkedHashMap<String, Object> keptRollout = new LinkedHashMap<>();

    public static RuleForm blank(int number) {
        RuleForm form = new RuleForm();
        form.key = "rule-" + number;
        return form;
    }

    /** The editor's form of a stored rule, typed by the ruleset model. */
    public static RuleForm from(Rule rule) {
        RuleForm form = new RuleForm();
        // what the editor does not show travels as the codec writes it
        Map<String, Object> written = RulesetCodec.writeRule(rule);
        written.forEach((name, value) -> {
            if (!EDITED.contains(name)) {
                form.kept.put(name, value);
            }
        });
        form.key = rule.key();
        form.name = rule.name();
        form.strategy = rule.strategy().wireName();
        servedValue(rule).ifPresent(served -> form.value = Values.write(served.value()));
        if (rule instanceof Rule.SegmentMatch segment) {
            form.audienceKey = segment.audienceKey();
        }
        rule.conditions().forEach(condition -> form.conditions.add(ConditionForm.from(condition)));
        variants(rule).forEach(variant -> form.variants.add(VariantForm.from(variant)));
        rollout(rule).ifPresent(rollout -> {
            ((Map<?, ?>) written.get("rollout")).forEach((name, value) -> {
                if (!Set.of("bucket_by", "percentage", "salt").contains(String.valueOf(name))) {
                    form.keptRollout.put(String.valueOf(name), value);
                }
            });
            form.bucketBy = rollout.bucketBy().wireName();
            form.percentage = text(rollout.percentage());
            form.rolloutSalt = rollout.salt();
        });
        if (rule instanceof Rule.Experiment experiment) {
            ExperimentSettings settings = experiment.experiment();
            form.iterationSalt = settings.iterationSalt();
            form.holdoutPercentage = text(settings.holdoutPercentage());
            if (settings.bucketBy() != null) {
                form.bucketBy = settings.bucketBy().wireName();
            }
        }
        return form;
    }

    private static Optional<ServedValue> servedValue(Rule rule) {
        if (rule instanceof Rule.ForcedValue forced) {
            return Optional.of(forced.value());
        }
        if (rule instanceof Rule.SegmentMatch segment) {
            return Optional.ofNullable(segment.value());
        }
        if (rule instanceof Rule.PercentageRollout rollout) {
            return Optional.ofNullable(rollout.value());
        }
        return Optional.empty();
    }

    private static List<Variant> variants(Rule rule) {
        if (rule instanceof Rule.VariantSplit split) {
            return split.variants();
        }
        return rule instanceof Rule.Experiment experiment ? experiment.variants() : List.of();
    }

    private static Optional<Rollout> rollout(Rule rule) {
        if (rule instanceof Rule.PercentageRollout rollout) {
            return Optional.of(rollout.rollout());
        }
        return rule instanceof Rule.VariantSplit split ? Optional.of(split.rollout()) : Optional.empty();
    }

    /** The rule in the ruleset document's shape (spec §1.5), with only what its strategy uses. */
    public Map<String, Object> toDocument() {
        Map<String, Object> rule = new LinkedHashMap<>(kept);
        rule.put("key", Values.blankToNull(key));
        if (name != null && !name.isBlank()) {
            rule.put("name", name.trim());
        }
        rule.put("strategy", strategy);
        if (usesValue() && value != null && !value.isBlank()) {
            rule.put("value", Map.of("value", Values.read(value)));
        }
        if (isSegment() && audienceKey != null && !audienceKey.isBlank()) {
            rule.put("audience_key", audienceKey.trim());
        }
        rule.put(
                "conditions", conditions.stream().map(ConditionForm::toDocument).toList());
        if (usesVariants()) {
            rule.put("variants", variants.stream().map(VariantForm::toDocument).toList());
        }
        if (usesRollout()) {
            Map<String, Object> rollout = new LinkedHashMap<>(keptRollout);
            rollout.put("bucket_by", bucketBy);
            rollout.put("percentage", Values.number(percentage));
            if (rolloutSalt != null && !rolloutSalt.isBlank()) {
                rollout.put("salt", rolloutSalt.trim());
            }
            rollout.values().removeIf(Objects::isNull);
            rule.put("rollout", rollout);
        }
        if (isExperiment()) {
            Map<String, Object> experiment = new LinkedHashMap<>();
            experiment.put("iteration_salt", Values.blankToNull(iterationSalt));
            experiment.put("bucket_by", bucketBy);
            experiment.put(
                    "holdout_percentage",
                    holdoutPercentage == null || holdoutPercentage.isBlank() ? 5 : Values.number(holdoutPercentage));
            experiment.values().removeIf(Objects::isNull);
            rule.put("experiment", experiment);
        }
        rule.values().removeIf(Objects::isNull);
        return rule;
    }

    /** Whether the rule serves a value of its own (the strategies without variants do). */
    public boolean usesValue() {
        return strategy().map(known -> !known.usesVariants()).orElse(false);
    }

    public boolean usesVariants() {
        return strategy().map(RuleStrategy::usesVariants).orElse(false);
    }

    public boolean usesRollout() {
        return strategy().map(RuleStrategy::usesRollout).orElse(false);
    }

    public boolean isSegment() {
        return strategy().orElse(null) == RuleStrategy.SEGMENT_MATCH;
    }

    public boolean isExperiment() {
        return strategy().map(RuleStrategy::usesExperiment).orElse(false);
    }

    private java.util.Optional<RuleStrategy> strategy() {
        return WireNamed.parseExactly(RuleStrategy.class, strategy);
    }

    public void addCondition() {
        conditions.add(new ConditionForm());
    }

    public void removeCondition(ConditionForm condition) {
        conditions.remove(condition);
    }

    public void addVariant() {
        variants.add(VariantForm.of("variant-" + (variants.size() + 1), "", variants.isEmpty() ? "100" : "0"));
    }

    public void removeVariant(VariantForm variant) {
        variants.remove(variant);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getStrategy() {
        return strategy;
    }

    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getAudienceKey() {
        return audienceKey;
    }

    public void setAudienceKey(String audienceKey) {
        this.audienceKey = audienceKey;
    }

    public List<ConditionForm> getConditions() {
        return conditions;
    }

    public List<VariantForm> getVariants() {
        return variants;
    }

    public String getBucketBy() {
        return bucketBy;
    }

    public void setBucketBy(String bucketBy) {
        this.bucketBy = bucketBy;
    }

    public String getPercentage() {
        return percentage;
    }

    public void setPercentage(String percentage) {
        this.percentage = percentage;
    }

    public String getRolloutSalt() {
        return rolloutSalt;
    }

    public void setRolloutSalt(String rolloutSalt) {
        this.rolloutSalt = rolloutSalt;
    }

    public String getIterationSalt() {
        return iterationSalt;
    }

    public void setIterationSalt(String iterationSalt) {
        this.iterationSalt = iterationSalt;
    }

    public String getHoldoutPercentage() {
        return holdoutPercentage;
    }

    public void setHoldoutPercentage(String holdoutPercentage) {
        this.holdoutPercentage = holdoutPercentage;
    }
}
