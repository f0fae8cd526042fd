package org.rulestead.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rulestead.model.WireNamed;

/** The closed vocabularies of authored rules, with the spec's wire names (§1.5, decisions 2). */
class VocabulariesTest {

    @Test
    void theStrategiesAreTheSpecs() {
        assertThat(WireNamed.wireNames(RuleStrategy.class))
                .containsExactly("forced_value", "percentage_rollout", "variant_split", "segment_match", "experiment");
    }

    @Test
    void theBucketByNamesAreTheSpecs() {
        assertThat(WireNamed.wireNames(BucketBy.class)).containsExactly("subject", "account", "tenant", "session");
    }

    @Test
    void authoringOperatorsAreEveryOperatorButTheAudienceForms() {
        assertThat(Operands.AUTHORING_OPERATORS)
                .hasSize(19)
                .contains("equals", "not_in", "regex", "exists", "starts_with", "before", "semver_lte")
                .doesNotContain("eq", "neq");
        assertThat(Operators.KNOWN).containsAll(Operands.AUTHORING_OPERATORS).contains("eq", "neq");
    }

    @Test
    void everyOperatorCompilesToATest() {
        for (ConditionOperator operator : ConditionOperator.values()) {
            Map<String, Object> operand = Map.of(operator.wireName(), "x", "pattern", "x");
            assertThat(Operators.compile(operator.wireName(), operand))
                    .as(operator.wireName())
                    .isNotNull();
        }
    }

    @Test
    void theEvaluatorReadsStrategyNamesExactlyAndBucketByNamesTrimmed() {
        assertThat(WireNamed.parseExactly(RuleStrategy.class, " forced_value")).isEmpty();
        assertThat(WireNamed.parseExactly(RuleStrategy.class, "forced_value")).contains(RuleStrategy.FORCED_VALUE);
        assertThat(WireNamed.parse(BucketBy.class, " tenant ")).contains(BucketBy.TENANT);
        assertThat(Identity.of(" tenant ")).isEqualTo(Identity.TENANT);
        assertThat(Identity.of("device")).isEqualTo(Identity.SUBJECT);
        assertThat(Identity.of((Object) null)).isEqualTo(Identity.SUBJECT);
        assertThat(List.of(Identity.of("account"), Identity.of("session")))
                .containsExactly(Identity.ACCOUNT, Identity.SESSION);
    }
}
