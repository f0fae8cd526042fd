package org.rulestead.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rulestead.evaluation.BucketBy;
import org.rulestead.evaluation.ConditionOperator;
import org.rulestead.evaluation.RuleStrategy;

/** The ruleset codec: one record per strategy, extras kept, numbers as read, shape problems named. */
class RulesetCodecTest {

    private static Rule rule(String json) {
        Map<String, Object> tree = Trees.parse(json);
        Rule rule = RulesetCodec.readRule(tree);
        assertThat(RulesetCodec.writeRule(rule)).as("written back").isEqualTo(tree);
        return rule;
    }

    @Test
    void aForcedValueWithConditions() {
        Rule rule = rule(
                """
                {"key": "enterprise", "name": "Enterprise first", "strategy": "forced_value", "value": {"value": true},
                 "conditions": [{"attribute": "attributes.plan", "operator": "equals", "value": {"equals": "enterprise"}},
                                {"attribute": "country", "operator": "in", "value": {"in": ["RU", "BY"]}, "negate": true}]}
                """);

        assertThat(rule).isInstanceOf(Rule.ForcedValue.class);
        Rule.ForcedValue forced = (Rule.ForcedValue) rule;
        assertThat(forced.strategy()).isEqualTo(RuleStrategy.FORCED_VALUE);
        assertThat(forced.name()).isEqualTo("Enterprise first");
        assertThat(forced.description()).isNull();
        assertThat(forced.value().value()).isEqualTo(true);
        assertThat(forced.conditions())
                .extracting(Condition::attribute, Condition::operator, Condition::operand, Condition::negated)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "attributes.plan", ConditionOperator.EQUALS, "enterprise", false),
                        org.assertj.core.groups.Tuple.tuple(
                                "country", ConditionOperator.IN, List.of("RU", "BY"), true));
        assertThat(forced.extras().isEmpty()).isTrue();
    }

    @Test
    void aSegmentMatch() {
        Rule.SegmentMatch rule = (Rule.SegmentMatch)
                rule(
                        """
                {"key": "vip-only", "strategy": "segment_match", "audience_id": "8f0c", "audience_key": "vip-users",
                 "value": {"value": "gold"}}
                """);

        assertThat(rule.audienceKey()).isEqualTo("vip-users");
        assertThat(rule.audienceId()).isEqualTo("8f0c");
        assertThat(rule.value()).isEqualTo(new ServedValue("gold"));
        assertThat(rule.conditions()).isEmpty();
    }

    @Test
    void aPercentageRolloutWithGuardrails() {
        Rule.PercentageRollout rule = (Rule.PercentageRollout)
                rule(
                        """
                {"key": "ten-percent", "strategy": "percentage_rollout", "value": {"value": true},
                 "rollout": {"bucket_by": "account", "percentage": 10, "salt": "r1",
                             "guardrails": [{"signal_key": "error_rate", "threshold_operator": "gte", "threshold_value": 0.05,
                                             "freshness_window_seconds": 300, "min_sample_size": 100,
                                             "environment_scope": "environment", "tenant_scope": "not_applicable"}]}}
                """);

        Rollout rollout = rule.rollout();
        assertThat(rollout.bucketBy()).isEqualTo(BucketBy.ACCOUNT);
        assertThat(rollout.percentage()).isEqualTo(10L);
        assertThat(rollout.salt()).isEqualTo("r1");
        Guardrail guardrail = rollout.guardrails().get(0);
        assertThat(guardrail.signalKey()).isEqualTo("error_rate");
        assertThat(guardrail.thresholdOperator()).isEqualTo(ThresholdOperator.GTE);
        assertThat(guardrail.thresholdValue()).isEqualTo(new BigDecimal("0.05"));
        assertThat(guardrail.freshnessWindowSeconds()).isEqualTo(300L);
        assertThat(guardrail.minSampleSize()).isEqualTo(100L);
        assertThat(guardrail.environmentScope()).isEqualTo(EnvironmentScope.ENVIRONMENT);
        assertThat(guardrail.tenantScope()).isEqualTo(TenantScope.NOT_APPLICABLE);
    }

    @Test
    void aPercentageRolloutWithoutAValueServesTheDefault() {
        Rule.PercentageRollout rule = (Rule.PercentageRollout)
                rule(
                        """
                {"key": "everyone", "strategy": "percentage_rollout", "rollout": {"bucket_by": "subject", "percentage": 100}}
                """);

        assertThat(rule.value()).isNull();
        assertThat(rule.rollout().salt()).isNull();
        assertThat(rule.rollout().guardrails()).isEmpty();
    }

    @Test
    void aVariantSplit() {
        Rule.VariantSplit rule = (Rule.VariantSplit)
                rule(
                        """
                {"key": "color-split", "strategy": "variant_split",
                 "rollout": {"bucket_by": "subject", "percentage": 100, "salt": "all"},
                 "variants": [{"key": "blue", "value": {"value": "blue"}, "weight": 50},
                              {"key": "green", "value": {"value": "green"}, "weight": 50}]}
                """);

        assertThat(rule.variants())
                .containsExactly(
                        new Variant("blue", new ServedValue("blue"), 50L, Extras.NONE),
                        new Variant("green", new ServedValue("green"), 50L, Extras.NONE));
        assertThat(rule.rollout().percentage()).isEqualTo(100L);
    }

    @Test
    void anExperiment() {
        Rule.Experiment rule = (Rule.Experiment)
                rule(
                        """
                {"key": "exp-rule", "strategy": "experiment",
                 "experiment": {"iteration_salt": "iter-1", "bucket_by": "subject", "holdout_percentage": 5},
                 "variants": [{"key": "control", "value": {"value": "control"}, "weight": 50},
                              {"key": "treatment", "value": {"value": "treatment"}, "weight": 50}]}
                """);

        assertThat(rule.experiment()).isEqualTo(new ExperimentSettings("iter-1", BucketBy.SUBJECT, 5L, Extras.NONE));
        assertThat(rule.variants()).extracting(Variant::key).containsExactly("control", "treatment");
    }

    @Test
    void anExperimentLeavesItsDefaultsUnset() {
        Rule.Experiment rule = (Rule.Experiment)
                rule(
                        """
                {"key": "exp", "strategy": "experiment", "experiment": {"iteration_salt": "i"},
                 "variants": [{"key": "only", "value": {"value": null}, "weight": 100}]}
                """);

        assertThat(rule.experiment().bucketBy()).isNull();
        assertThat(rule.experiment().holdoutPercentage()).isNull();
        assertThat(rule.variants().get(0).value().value()).isNull();
    }

    @Test
    void fieldsTheModelDoesNotKnowAreKeptWhereTheyWere() {
        Rule.PercentageRollout rule = (Rule.PercentageRollout)
                rule(
                        """
                {"key": "r", "description": "why this rule exists", "owner_note": {"team": "growth"},
                 "strategy": "percentage_rollout", "value": {"value": true},
                 "conditions": [{"attribute": "plan", "operator": "exists", "value": {}, "comment": "beta only"}],
                 "rollout": {"bucket_by": "subject", "percentage": 5, "stage": "canary",
                             "guardrails": [{"signal_key": "errors", "threshold_operator": "gt", "threshold_value": 1,
                                             "freshness_window_seconds": 60, "min_sample_size": 10,
                                             "dashboard_url": "https://grafana.example/d/1"}]}}
                """);

        assertThat(rule.description()).isEqualTo("why this rule exists");
        assertThat(rule.extras().fields()).containsOnlyKeys("owner_note");
        assertThat(rule.conditions().get(0).extras().fields()).containsEntry("comment", "beta only");
        assertThat(rule.rollout().extras().fields()).containsEntry("stage", "canary");
        assertThat(rule.rollout().guardrails().get(0).extras().fields())
                .containsEntry("dashboard_url", "https://grafana.example/d/1");
    }

    @Test
    void explicitNullsAndEmptyListsAreWrittenAsSpelt() {
        Rule.ForcedValue rule = (Rule.ForcedValue)
                rule(
                        """
                {"key": "r", "name": null, "description": null, "strategy": "forced_value", "value": {"value": 0},
                 "conditions": [], "audience_id": null}
                """);

        assertThat(rule.name()).isNull();
        assertThat(rule.conditions()).isEmpty();
        assertThat(rule.value().value()).isEqualTo(0L);
    }

    @Test
    void aStoredRulesetKeepsItsRowFields() {
        Map<String, Object> stored = Trees.parse(
                """
                {"version": 7, "status": "published", "salt": "checkout:v1", "metadata": {"source": "admin_ui"},
                 "rules": [{"key": "on", "strategy": "forced_value", "value": {"value": true}}]}
                """);

        Ruleset ruleset = RulesetCodec.read(stored);

        assertThat(ruleset.salt()).isEqualTo("checkout:v1");
        assertThat(ruleset.rule("on")).containsInstanceOf(Rule.ForcedValue.class);
        assertThat(ruleset.extras().fields()).containsOnlyKeys("version", "status", "metadata");
        assertThat(RulesetCodec.write(ruleset)).isEqualTo(stored);
    }

    @Test
    void numbersKeepTheirJavaTypes() {
        Map<String, Object> rollout = new LinkedHashMap<>();
        rollout.put("bucket_by", "subject");
        rollout.put("percentage", 25);
        Map<String, Object> guardrail = new LinkedHashMap<>();
        guardrail.put("signal_key", "latency");
        guardrail.put("threshold_operator", "gt");
        guardrail.put("threshold_value", 0.5d);
        guardrail.put("freshness_window_seconds", 60);
        guardrail.put("min_sample_size", 10L);
        rollout.put("guardrails", List.of(guardrail));
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("key", "r");
        rule.put("strategy", "percentage_rollout");
        rule.put("rollout", rollout);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("salt", "s");
        tree.put("rules", List.of(rule));

        Map<String, Object> written = RulesetCodec.write(RulesetCodec.read(tree));

        assertThat(written).isEqualTo(tree);
        Map<?, ?> writtenRollout = (Map<?, ?>) ((Map<?, ?>) ((List<?>) written.get("rules")).get(0)).get("rollout");
        assertThat(writtenRollout.get("percentage")).isInstanceOf(Integer.class);
        Map<?, ?> writtenGuardrail = (Map<?, ?>) ((List<?>) writtenRollout.get("guardrails")).get(0);
        assertThat(writtenGuardrail.get("threshold_value")).isInstanceOf(Double.class);
        assertThat(writtenGuardrail.get("freshness_window_seconds")).isInstanceOf(Integer.class);
        assertThat(writtenGuardrail.get("min_sample_size")).isInstanceOf(Long.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWrittenTreeIsFreshAndModifiable() {
        Ruleset ruleset = RulesetCodec.read(Trees.parse(
                "{\"rules\": [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": 1}}]}"));

        Map<String, Object> written = RulesetCodec.write(ruleset);
        assertThat(written).isInstanceOf(LinkedHashMap.class);
        assertThat(written.get("rules")).isInstanceOf(ArrayList.class);
        ((List<Object>) written.get("rules")).clear();

        assertThat((List<?>) RulesetCodec.write(ruleset).get("rules")).hasSize(1);
        assertThat(written).containsOnlyKeys("rules");
    }

    @Test
    void fieldsAreWrittenInTheSpecsOrder() {
        Map<String, Object> written = RulesetCodec.writeRule(new Rule.SegmentMatch(
                "vip",
                "VIPs",
                null,
                List.of(new Condition("plan", ConditionOperator.EXISTS, Map.of(), null, null)),
                "id-1",
                "vip-users",
                new ServedValue("gold"),
                new Extras(Map.of("zz_custom", 1))));

        assertThat(written.keySet())
                .containsExactly(
                        "key", "name", "strategy", "value", "audience_id", "audience_key", "conditions", "zz_custom");
    }

    @Test
    void theModelsValueWinsOverAKeptNull() {
        Rule.ForcedValue read = (Rule.ForcedValue) RulesetCodec.readRule(Trees.parse(
                "{\"key\": \"r\", \"name\": null, \"strategy\": \"forced_value\", \"value\": {\"value\": 1}}"));
        Rule.ForcedValue renamed = new Rule.ForcedValue(
                read.key(), "Named now", read.description(), read.conditions(), read.value(), read.extras());

        assertThat(RulesetCodec.writeRule(renamed)).containsEntry("name", "Named now");
    }

    @Test
    void vocabularyNamesAreWrittenBare() {
        Rule rule = RulesetCodec.readRule(
                Trees.parse("{\"key\": \"r\", \"strategy\": \" forced_value \", \"value\": {\"value\": 1}}"));

        assertThat(RulesetCodec.writeRule(rule)).containsEntry("strategy", "forced_value");
    }

    @Test
    void anAudienceWithItsDefinition() {
        Map<String, Object> tree = Trees.parse(
                """
                {"key": "vip-users", "description": "Paying customers", "archived_at": null,
                 "definition": {"clauses": [{"attribute": "plan", "op": "eq", "value": "enterprise"}],
                                "conditions": [{"attribute": "country", "operator": "not_in", "value": {"not_in": ["RU"]}, "negate": false}]}}
                """);

        Audience audience = RulesetCodec.readAudience(tree);

        assertThat(audience.key()).isEqualTo("vip-users");
        assertThat(audience.definition().allClauses())
                .extracting(AudienceClause::operator, AudienceClause::operatorField)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ConditionOperator.EQ, AudienceClause.OperatorField.OP),
                        org.assertj.core.groups.Tuple.tuple(
                                ConditionOperator.NOT_IN, AudienceClause.OperatorField.OPERATOR));
        assertThat(audience.extras().fields()).containsOnlyKeys("archived_at");
        assertThat(RulesetCodec.writeAudience(audience)).isEqualTo(tree);
    }

    @Test
    void anEmptyDefinitionMatchesEverybody() {
        AudienceDefinition definition = RulesetCodec.readAudienceDefinition(Map.of());

        assertThat(definition.allClauses()).isEmpty();
        assertThat(RulesetCodec.writeAudienceDefinition(definition)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "rules not a list | {\"rules\": {\"key\": \"a\"}} | rules",
                "a rule not an object | {\"rules\": [\"a\"]} | rules[0]",
                "a rule without key | {\"rules\": [{\"strategy\": \"forced_value\", \"value\": {\"value\": 1}}]} | rules[0].key",
                "an unknown strategy | {\"rules\": [{\"key\": \"a\", \"strategy\": \"time_of_day\"}]} | rules[0].strategy",
                "a forced value without value | {\"rules\": [{\"key\": \"a\", \"strategy\": \"forced_value\"}]} | rules[0].value",
                "a bare value | {\"rules\": [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": true}]} | rules[0].value",
                "a value with more than its value | {\"rules\": [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": 1, \"variant\": \"b\"}}]} | rules[0].value.variant",
                "a rollout strategy without rollout | {\"rules\": [{\"key\": \"a\", \"strategy\": \"percentage_rollout\"}]} | rules[0].rollout",
                "a rollout without bucket_by | {\"rules\": [{\"key\": \"a\", \"strategy\": \"percentage_rollout\", \"rollout\": {\"percentage\": 5}}]} | rules[0].rollout.bucket_by",
                "a text percentage | {\"rules\": [{\"key\": \"a\", \"strategy\": \"percentage_rollout\", \"rollout\": {\"bucket_by\": \"subject\", \"percentage\": \"5\"}}]} | rules[0].rollout.percentage",
                "a split without variants | {\"rules\": [{\"key\": \"a\", \"strategy\": \"variant_split\", \"rollout\": {\"bucket_by\": \"subject\", \"percentage\": 5}}]} | rules[0].variants",
                "a variant without weight | {\"rules\": [{\"key\": \"a\", \"strategy\": \"variant_split\", \"rollout\": {\"bucket_by\": \"subject\", \"percentage\": 5}, \"variants\": [{\"key\": \"x\", \"value\": {\"value\": 1}}]}]} | rules[0].variants[0].weight",
                "an experiment without its block | {\"rules\": [{\"key\": \"a\", \"strategy\": \"experiment\", \"variants\": []}]} | rules[0].experiment",
                "a segment match without audience | {\"rules\": [{\"key\": \"a\", \"strategy\": \"segment_match\"}]} | rules[0].audience_key",
                "a rule operator outside the vocabulary | {\"rules\": [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": 1}, \"conditions\": [{\"attribute\": \"p\", \"operator\": \"like\", \"value\": {}}]}]} | rules[0].conditions[0].operator",
                "a raw condition value | {\"rules\": [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": 1}, \"conditions\": [{\"attribute\": \"p\", \"operator\": \"equals\", \"value\": 1}]}]} | rules[0].conditions[0].value",
                "a text negate | {\"rules\": [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": 1}, \"conditions\": [{\"attribute\": \"p\", \"operator\": \"exists\", \"value\": {}, \"negate\": \"yes\"}]}]} | rules[0].conditions[0].negate",
                "a guardrail without threshold | {\"rules\": [{\"key\": \"a\", \"strategy\": \"percentage_rollout\", \"rollout\": {\"bucket_by\": \"subject\", \"percentage\": 5, \"guardrails\": [{\"signal_key\": \"e\", \"threshold_operator\": \"gt\", \"freshness_window_seconds\": 1, \"min_sample_size\": 1}]}}]} | rules[0].rollout.guardrails[0].threshold_value",
            })
    void aTreeOfTheWrongShapeNamesTheField(String problem, String json, String field) {
        Map<String, Object> tree = Trees.parse(json);

        assertThatThrownBy(() -> RulesetCodec.read(tree))
                .isInstanceOf(MalformedRulesetException.class)
                .extracting(thrown -> ((MalformedRulesetException) thrown).field())
                .isEqualTo(field);
    }

    @Test
    void aTreeThatIsNotAnObjectIsNotARuleset() {
        assertThatThrownBy(() -> RulesetCodec.read(List.of()))
                .isInstanceOf(MalformedRulesetException.class)
                .hasMessage("the ruleset must be an object");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theModelIsImmutable() {
        Map<String, Object> operand = new LinkedHashMap<>();
        operand.put("in", new ArrayList<>(List.of("PT")));
        Condition condition = new Condition("country", ConditionOperator.IN, operand, null, null);

        ((List<Object>) operand.get("in")).add("ES");

        assertThat(condition.operand()).isEqualTo(List.of("PT"));
        assertThatThrownBy(() -> condition.value().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
