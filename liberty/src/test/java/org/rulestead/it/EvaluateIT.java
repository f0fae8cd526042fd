package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/v1/evaluate}: the engine over REST, payload-first. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EvaluateIT {

    /** Spec §2.12 example A: a 10% rollout of checkout-redesign. */
    static final String TEN_PERCENT =
            """
            {"flag": {"key": "checkout-redesign", "value_type": "boolean", "default_value": {"value": false}},
             "environment": {"key": "production"},
             "active_ruleset": {"version": 3, "salt": "checkout:v1", "rules": [
               {"key": "rollout-10", "strategy": "percentage_rollout", "value": {"value": true},
                "rollout": {"bucket_by": "subject", "percentage": 10, "salt": "r1"}}]}}
            """;

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    private static Api.Reply evaluate(String query, String user, String body) {
        return Api.post("/api/v1/evaluate" + query, user, body);
    }

    @Test
    void aUserInTheRolloutGetsTheRuleValueWithItsExplanation() {
        Api.Reply reply = evaluate(
                "?explain=true",
                "viewer",
                "{\"flag_payload\": " + TEN_PERCENT + ", \"context\": {\"targeting_key\": \"user-123\"}}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject result = reply.json();
        assertThat(result.getBoolean("value")).isTrue();
        assertThat(result.getBoolean("enabled")).isTrue();
        assertThat(result.isNull("variant")).isTrue();
        assertThat(result.getString("reason")).isEqualTo("rule_match");
        assertThat(result.getString("matched_rule")).isEqualTo("rollout-10");
        assertThat(result.getString("flag_key")).isEqualTo("checkout-redesign");
        assertThat(result.getInt("flag_version")).isEqualTo(3);
        assertThat(result.getString("explanation"))
                .isEqualTo("Matched rule rollout-10. Bucket 369 determined the rollout path.");
        JsonObject rollout = result.getJsonObject("trace")
                .getJsonObject("matched_rule_trace")
                .getJsonObject("rollout");
        assertThat(rollout.getInt("bucket")).isEqualTo(369);
        assertThat(rollout.getInt("variant_bucket")).isEqualTo(7511);
    }

    @Test
    void aUserOutsideTheRolloutGetsTheDefaultWithoutATraceUnlessAsked() {
        Api.Reply reply = evaluate(
                "",
                "editor",
                "{\"flag_payload\": " + TEN_PERCENT + ", \"context\": {\"targeting_key\": \"user-456\"}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getString("reason")).isEqualTo("default");
        assertThat(reply.json().getBoolean("value")).isFalse();
        assertThat(reply.json().containsKey("trace")).isFalse();
    }

    @Test
    void strictEvaluationWithoutATargetingKeyAnswersTheError() {
        Api.Reply reply = evaluate("?strict=true", "admin", "{\"flag_payload\": " + TEN_PERCENT + "}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getString("reason")).isEqualTo("error");
        assertThat(reply.json().getString("error_type")).isEqualTo("missing_targeting_key");
        assertThat(reply.json().getJsonObject("error").getString("message"))
                .isEqualTo("targeting_key is required for sticky evaluation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"viewer", "editor", "admin", "admin2", "auditor"})
    void everySignedInRoleMayEvaluate(String user) {
        assertThat(evaluate("", user, "{\"flag_payload\": " + TEN_PERCENT + "}").status())
                .isEqualTo(200);
    }

    @Test
    void withoutCredentialsItIs401() {
        Api.Reply reply = evaluate("", null, "{\"flag_payload\": " + TEN_PERCENT + "}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aPayloadWithoutAnActiveRulesetIsAMalformedRequest() {
        Api.Reply reply = evaluate(
                "",
                "viewer",
                "{\"flag_payload\": {\"flag\": {\"key\": \"draft-only\", \"default_value\": {\"value\": false}}}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("error_type")).isEqualTo("malformed_runtime_data");
        assertThat(reply.json().getString("detail")).contains("active_ruleset");
    }

    @Test
    void aMissingPayloadOrAContextThatIsNotAnObjectIsNamed() {
        Api.Reply noPayload = evaluate("", "viewer", "{\"context\": {}}");
        assertThat(noPayload.status()).isEqualTo(400);
        assertThat(noPayload.json().getString("detail")).contains("flag_payload");

        Api.Reply badContext = evaluate("", "viewer", "{\"flag_payload\": " + TEN_PERCENT + ", \"context\": [1]}");
        assertThat(badContext.status()).isEqualTo(400);
        assertThat(badContext.json().getString("detail")).contains("context");

        Api.Reply notJson = evaluate("", "viewer", "{\"flag_payload\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        assertThat(notJson.body()).doesNotContain("Exception");
    }

    @Test
    void aBodyNestedFiveThousandDeepIsA400Problem() {
        Api.Reply reply = evaluate(
                "",
                "viewer",
                "{\"flag_payload\": " + TEN_PERCENT + ", \"context\": " + Api.nested("attributes", 5000) + "}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("detail")).contains("nested deeper than 64");
        assertThat(reply.json().getString("instance")).isEqualTo("/api/v1/evaluate");
    }

    @Test
    void aFlagParameterThatIsNotTrueOrFalseIsA400NamingIt() {
        Api.Reply reply = evaluate("?explain=maybe", "viewer", "{\"flag_payload\": " + TEN_PERCENT + "}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().getJsonObject("metadata").getString("parameter"))
                .isEqualTo("explain");
        assertThat(evaluate("?explain=TRUE", "viewer", "{\"flag_payload\": " + TEN_PERCENT + "}")
                        .status())
                .isEqualTo(200);
    }
}
