package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.openfeature.contrib.providers.ofrep.OfrepProvider;
import dev.openfeature.contrib.providers.ofrep.OfrepProviderOptions;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import java.net.http.HttpRequest;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** OFREP v1, through the real OpenFeature Java SDK and its OFREP provider, and over raw HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OfrepIT {

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    static String stagingKey() {
        Api.Reply created = Api.post("/api/v1/admin/environments/staging/api-keys", "admin", "{\"name\": \"ofrep\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().getString("key");
    }

    @Test
    void anOpenFeatureClientSeesPublishesAndKillSwitches() {
        String key = LiveEvaluationIT.published("ofrep");
        String secret = stagingKey();
        OfrepProvider provider = OfrepProvider.constructProvider(OfrepProviderOptions.builder()
                .baseUrl(Api.BASE)
                .headers(ImmutableMap.of("Authorization", ImmutableList.of("Bearer " + secret)))
                .build());
        OpenFeatureAPI openFeature = OpenFeatureAPI.getInstance();
        openFeature.setProviderAndWait(key, provider);
        Client client = openFeature.getClient(key);
        ImmutableContext pro = new ImmutableContext("u1", Map.of("plan", new Value("pro")));

        FlagEvaluationDetails<Boolean> on = client.getBooleanDetails(key, false, pro);
        assertThat(on.getValue()).isTrue();
        assertThat(on.getReason()).isEqualTo("TARGETING_MATCH");
        assertThat(on.getFlagMetadata().getString("matched_rule")).isEqualTo("pro-users");

        String killSwitch = GovernanceIT.env(key, "staging") + "/kill-switch";
        assertThat(Api.post(killSwitch, "admin", "{\"reason\": \"incident\"}").status())
                .isEqualTo(200);
        FlagEvaluationDetails<Boolean> killed = client.getBooleanDetails(key, true, pro);
        assertThat(killed.getValue()).isFalse();
        assertThat(killed.getReason()).isEqualTo("DISABLED");

        FlagEvaluationDetails<Boolean> missing = client.getBooleanDetails("no-such-flag", true, pro);
        assertThat(missing.getValue()).isTrue();
        assertThat(missing.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
    }

    @Test
    void bulkEvaluationCarriesAnEtagThatSavesUnchangedAnswers() {
        String key = LiveEvaluationIT.published("ofrep-bulk");
        String secret = stagingKey();
        String body = "{\"context\": {\"targetingKey\": \"u1\", \"plan\": \"pro\"}}";

        Api.Reply first = bulk(secret, body, null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"key\":\"" + key + "\"");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(bulk(secret, body, etag).status()).isEqualTo(304);

        assertThat(Api.post(GovernanceIT.env(key, "staging") + "/kill-switch", "admin", "{\"reason\": \"x\"}")
                        .status())
                .isEqualTo(200);
        assertThat(bulk(secret, body, etag).status()).isEqualTo(200);
    }

    @Test
    void errorsAnswerInOfrepsOwnShape() {
        String secret = stagingKey();

        Api.Reply missing = single(secret, "no-such-flag", "{\"context\": {\"targetingKey\": \"u1\"}}");
        Api.Reply notJson = single(secret, "anything", "{context");
        Api.Reply anonymous = Api.send(Api.request("/ofrep/v1/evaluate/flags/anything", null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"context\": {}}")));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().getString("errorCode")).isEqualTo("FLAG_NOT_FOUND");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().getString("errorCode")).isEqualTo("PARSE_ERROR");
        assertThat(anonymous.status()).isEqualTo(401);

        String deep = "{\"context\": " + Api.nested("targetingKey", 5000) + "}";
        Api.Reply deepSingle = single(secret, "anything", deep);
        Api.Reply deepBulk = bulk(secret, deep, null);
        for (Api.Reply reply : new Api.Reply[] {deepSingle, deepBulk}) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().getString("errorCode")).isEqualTo("PARSE_ERROR");
        }
    }

    @Test
    void anUnknownOfrepPathIsANotFoundProblem() {
        Api.Reply reply = Api.send(Api.request("/ofrep/v1/evaluate/nothing/here", null)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stagingKey())
                .POST(HttpRequest.BodyPublishers.ofString("{\"context\": {}}")));

        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("type")).isEqualTo("urn:rulestead:problem:not-found");
        assertThat(reply.json().getString("instance")).isEqualTo("/ofrep/v1/evaluate/nothing/here");
    }

    @Test
    void aBaseUrlEndingInASlashSignedInUsersWithEnvAndUnknownEnvironmentsAllAnswerAsDocumented() {
        String key = LiveEvaluationIT.published("ofrep-paths");
        String secret = stagingKey();
        String pro = "{\"context\": {\"targetingKey\": \"u1\", \"plan\": \"pro\"}}";

        // a client whose base URL ends in '/' asks for //ofrep/...: the same answers, not FLAG_NOT_FOUND
        Api.Reply doubled = single(secret, "/" + key, pro, "/");
        assertThat(doubled.status()).as(doubled.body()).isEqualTo(200);
        assertThat(doubled.json().getBoolean("value")).isTrue();
        assertThat(single(secret, key, pro, "//").json().getString("reason")).isEqualTo("TARGETING_MATCH");
        Api.Reply keyed = Api.send(Api.request("//api/v1/environments/staging/flags/" + key + "/evaluate", null)
                .header("Content-Type", "application/json")
                .header("X-API-Key", secret)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"targeting_key\": \"u1\", \"attributes\": {\"plan\": \"pro\"}}")));
        assertThat(keyed.status()).as(keyed.body()).isEqualTo(200);
        Api.Reply admin = Api.get("//api/v1/admin/flags", null);
        assertThat(admin.status()).isEqualTo(401);
        assertThat(admin.contentType()).startsWith("application/problem+json");

        // a signed-in user names the environment in ?env=, on the single and the bulk form
        Api.Reply signedIn = Api.post("/ofrep/v1/evaluate/flags/" + key + "?env=staging", "viewer", pro);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.json().getBoolean("value")).isTrue();
        Api.Reply signedInBulk = Api.post("/ofrep/v1/evaluate/flags?env=staging", "viewer", pro);
        assertThat(signedInBulk.status()).as(signedInBulk.body()).isEqualTo(200);
        assertThat(signedInBulk.body()).contains("\"key\":\"" + key + "\"");

        Api.Reply unknown = Api.post("/ofrep/v1/evaluate/flags?env=no-such-env", "viewer", pro);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().getString("error_type")).isEqualTo("environment_not_found");
        assertThat(unknown.json().getString("errorCode")).isEqualTo("GENERAL");
        assertThat(unknown.json().getString("instance")).isEqualTo("/ofrep/v1/evaluate/flags");
    }

    private static Api.Reply single(String secret, String flag, String body, String prefix) {
        return Api.send(Api.request(prefix + "ofrep/v1/evaluate/flags/" + flag, null)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + secret)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Api.Reply single(String secret, String flag, String body) {
        return Api.send(Api.request("/ofrep/v1/evaluate/flags/" + flag, null)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + secret)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Api.Reply bulk(String secret, String body, String ifNoneMatch) {
        HttpRequest.Builder request = Api.request("/ofrep/v1/evaluate/flags", null)
                .header("Content-Type", "application/json")
                .header("X-API-Key", secret);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return Api.send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
