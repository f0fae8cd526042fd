package org.rulestead.web.evaluation;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import org.rulestead.evaluation.EvaluationError;
import org.rulestead.evaluation.EvaluationResult;
import org.rulestead.explain.Explanation;
import org.rulestead.json.JsonTrees;

/**
 * An evaluation result as JSON (spec §3.1 in snake_case, decisions 6). An error result carries
 * {@code error} (the spec's envelope) and, like problem documents, {@code error_type}.
 */
final class ResultJson {

    // looked up once: Json.createX() looks the provider up on every call, which shows on the evaluation path
    private static final JsonProvider JSON = JsonProvider.provider();

    private ResultJson() {}

    static JsonObjectBuilder of(EvaluationResult result) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("value", JsonTrees.toJson(result.value()))
                .add("enabled", result.enabled())
                .add("variant", JsonTrees.toJson(result.variant()))
                .add("reason", result.reason().wireName())
                .add("matched_rule", JsonTrees.toJson(result.matchedRule()))
                .add("flag_key", JsonTrees.toJson(result.flagKey()))
                .add("flag_version", JsonTrees.toJson(result.flagVersion()))
                .add("kill_switch", result.killSwitch());
        if (result.isError()) {
            EvaluationError error = result.error();
            json.add("error_type", error.type().wireName())
                    .add(
                            "error",
                            JSON.createObjectBuilder()
                                    .add("domain", error.domain().wireName())
                                    .add("type", error.type().wireName())
                                    .add("message", error.message())
                                    .add("metadata", JsonTrees.toJson(error.metadata())));
        }
        return json;
    }

    /** The result with its explanation text (spec §4.1) and debug trace (spec §3.3). */
    static JsonObjectBuilder explained(EvaluationResult result) {
        return of(result)
                .add("explanation", Explanation.of(result))
                .add(
                        "trace",
                        result.trace() == null
                                ? JsonValue.NULL
                                : JsonTrees.toJson(result.trace().toMap()));
    }
}
