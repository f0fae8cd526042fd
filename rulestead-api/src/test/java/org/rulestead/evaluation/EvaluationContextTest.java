package org.rulestead.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Context normalization (spec §2.1) and attribute resolution (spec §2.4). */
class EvaluationContextTest {

    private static EvaluationContext context(String json) {
        return EvaluationContext.from(JsonDocuments.parse(json));
    }

    @Test
    void subjectIsAnAliasOfActorAndGivesTheTargetingKey() {
        EvaluationContext context = context("{\"subject\": {\"id\": 42, \"email\": \"a@b.c\"}}");
        assertThat(context.actor()).containsEntry("id", 42L);
        assertThat(context.targetingKey()).isEqualTo("42");
    }

    @Test
    void aScalarActorBecomesItsKey() {
        EvaluationContext context = context("{\"actor\": \"user-7\"}");
        assertThat(context.actor()).isEqualTo(Map.of("key", "user-7"));
        assertThat(context.targetingKey()).isEqualTo("user-7");
    }

    @Test
    void anExplicitTargetingKeyWinsOverTheActor() {
        assertThat(context("{\"actor\": {\"key\": \"a\"}, \"targeting_key\": \" b \"}")
                        .targetingKey())
                .isEqualTo("b");
    }

    @ParameterizedTest(name = "targeting_key {0} with an actor -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "absent  | a",
                "null    | a",
                "\"\"    | none",
                "\"   \" | none",
                "{}      | none",
                "false   | false",
            })
    void onlyAnAbsentOrNullTargetingKeyFallsBackToTheActor(String json, String expected) {
        String field = json.equals("absent") ? "" : ", \"targeting_key\": " + json;
        assertThat(context("{\"actor\": {\"key\": \"a\", \"id\": \"b\"}" + field + "}")
                        .targetingKey())
                .isEqualTo(expected);
    }

    @Test
    void theActorsIdServesOnlyWhenItHasNoKey() {
        assertThat(context("{\"actor\": {\"key\": null, \"id\": \"b\"}}").targetingKey())
                .isEqualTo("b");
        assertThat(context("{\"actor\": {\"key\": \" \", \"id\": \"b\"}}").targetingKey())
                .isNull();
    }

    @Test
    void aContextWithoutIdentityKeepsItsActorAndReadsBackWithoutIdentity() {
        EvaluationContext once = context("{\"targeting_key\": \"\", \"actor\": {\"key\": \"a\"}}");
        assertThat(once.actor()).containsEntry("key", "a");
        assertThat(once.targetingKey()).isNull();
        assertThat(EvaluationContext.from(once.toMap()).targetingKey()).isNull();
    }

    @Test
    void traitsMergeIntoAttributesAndExplicitAttributesWin() {
        EvaluationContext context =
                context("{\"traits\": {\"plan\": \"free\", \"age\": 30}, \"attributes\": {\"plan\": \"pro\"}}");
        assertThat(context.attributes()).containsEntry("plan", "pro").containsEntry("age", 30L);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "\"  acme  \" | acme",
                "\"   \"      | null",
                "17           | 17",
                "true         | true",
                "1.5          | null",
                "{\"a\": 1}   | null",
                "[1]          | null",
            })
    void identityFieldsAreCoerced(String json, String expected) {
        assertThat(context("{\"tenant_key\": " + json + "}").tenantKey()).isEqualTo(expected);
    }

    @Test
    void attributesMayBeAListOfPairs() {
        assertThat(context("{\"attributes\": [[\"plan\", \"pro\"], [\"seats\", 5]]}")
                        .attributes())
                .containsEntry("plan", "pro")
                .containsEntry("seats", 5L);
        assertThat(context("{\"attributes\": \"plan=pro\"}").attributes()).isEmpty();
    }

    @ParameterizedTest(name = "strict {0} -> {1}")
    @CsvSource({"true, true", "'\"true\"', true", "'\"false\"', false", "'\"yes\"', false", "1, false"})
    void strictAcceptsBooleansAndTheirNames(String json, boolean expected) {
        assertThat(context("{\"strict\": " + json + "}").strict()).isEqualTo(expected);
    }

    @Test
    void anythingButAnObjectIsTheEmptyContext() {
        assertThat(EvaluationContext.from(JsonDocuments.parse("[1, 2]"))).isEqualTo(EvaluationContext.empty());
        assertThat(EvaluationContext.from(null)).isEqualTo(EvaluationContext.empty());
    }

    @Property(tries = 200)
    void normalizationIsIdempotent(@ForAll("contexts") Map<String, Object> raw) {
        EvaluationContext once = EvaluationContext.from(raw);
        assertThat(EvaluationContext.from(once.toMap())).isEqualTo(once);
    }

    @Provide
    Arbitrary<Map<String, Object>> contexts() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(s -> (Object) s),
                Arbitraries.longs().between(-5, 5).map(l -> (Object) l),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        Arbitrary<String> fields = Arbitraries.of(
                "actor",
                "subject",
                "targeting_key",
                "tenant_key",
                "environment",
                "request_id",
                "session_id",
                "strict",
                "traits",
                "attributes");
        Arbitrary<Object> values = Arbitraries.oneOf(
                scalars,
                Arbitraries.maps(Arbitraries.of("key", "id", "plan"), scalars)
                        .ofMaxSize(3)
                        .map(m -> (Object) m));
        return Arbitraries.maps(fields, values).ofMaxSize(6);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "plan                   | \"pro\"",
                "attributes.plan        | \"pro\"",
                "attributes.org.tier    | \"gold\"",
                "attributes.plan.x      | null",
                "actor.email            | \"a@b.c\"",
                "actor                  | {\"key\": \"u1\", \"email\": \"a@b.c\"}",
                "targeting_key          | \"u1\"",
                "tenant_key             | null",
                "session_id.            | \"from-attributes\"",
                "account.tier           | null",
                "..plan..               | \"pro\"",
                "attributes.nothing     | null",
            })
    void attributePathsResolveAsTheSpecSays(String path, String expectedJson) {
        EvaluationContext context = context("{\"actor\": {\"key\": \"u1\", \"email\": \"a@b.c\"}, \"attributes\": "
                + "{\"plan\": \"pro\", \"org\": {\"tier\": \"gold\"}, \"session_id\": \"from-attributes\","
                + " \"tenant_key\": \"from-attributes\"}}");
        Object expected = expectedJson == null ? null : JsonDocuments.parse(expectedJson);
        assertThat(AttributePath.of(path).resolve(context)).isEqualTo(expected);
    }
}
