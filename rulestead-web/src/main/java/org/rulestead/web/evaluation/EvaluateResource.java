package org.rulestead.web.evaluation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Map;
import org.rulestead.evaluation.CompiledFlag;
import org.rulestead.evaluation.EvaluationContext;
import org.rulestead.evaluation.EvaluationResult;
import org.rulestead.evaluation.FlagCompiler;
import org.rulestead.web.json.JsonBodies;
import org.rulestead.web.json.MalformedRequest;
import org.rulestead.web.json.QueryParameters;

/**
 * {@code POST /api/v1/evaluate}: evaluates any flag payload (spec §2.2) for a context (spec §2.1),
 * for tools, previews and tests. Nothing is read from or written to the database. {@code
 * ?explain=true} adds the explanation and the debug trace; {@code ?strict=} overrides the
 * context's strict flag. A signed-in caller needs a Rulestead role somewhere ({@link ClientCheck}).
 */
@Path("v1/evaluate")
@RequestScoped
@EvaluationClients
public class EvaluateResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject evaluate(
            InputStream body,
            @QueryParam("explain") String explainParameter,
            @QueryParam("strict") String strictParameter) {
        boolean explain = QueryParameters.bool("explain", explainParameter).orElse(false);
        Boolean strict = QueryParameters.bool("strict", strictParameter).orElse(null);
        Map<String, Object> request = JsonBodies.object(body);
        Object payload = request.get("flag_payload");
        if (!(payload instanceof Map<?, ?>)) {
            throw malformed(
                    payload == null
                            ? "the request has no flag_payload: send {\"flag_payload\": {...}, \"context\": {...}}"
                            : "flag_payload must be a JSON object");
        }
        Object rawContext = request.get("context");
        if (rawContext != null && !(rawContext instanceof Map<?, ?>)) {
            throw new MalformedRequest(400, "context must be a JSON object", "evaluation", "invalid_command");
        }
        CompiledFlag flag = FlagCompiler.compile(payload);
        flag.malformed().ifPresent(error -> {
            throw malformed(
                    String.valueOf(error.metadata().get("problem")).replace("the flag payload", "flag_payload"));
        });
        EvaluationContext context = EvaluationContext.from(rawContext);
        if (strict != null) {
            context = context.withStrict(strict);
        }
        EvaluationResult result = explain ? flag.evaluateWithTrace(context) : flag.evaluate(context);
        return (explain ? ResultJson.explained(result) : ResultJson.of(result)).build();
    }

    private static MalformedRequest malformed(String detail) {
        return new MalformedRequest(400, detail, "evaluation", "malformed_runtime_data");
    }
}
