package org.rulestead.web.ofrep;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rulestead.evaluation.EvaluationContext;
import org.rulestead.evaluation.EvaluationResult;
import org.rulestead.evaluation.OpenFeatureOutcome;
import org.rulestead.json.JsonTrees;
import org.rulestead.runtime.RuntimeAnswer;
import org.rulestead.runtime.RuntimeCache;
import org.rulestead.web.evaluation.EvaluationClientFilter;
import org.rulestead.web.evaluation.EvaluationClients;
import org.rulestead.web.json.JsonBodies;
import org.rulestead.web.json.MalformedRequest;
import org.rulestead.web.problem.Problem;
import org.rulestead.web.routing.CanonicalPaths;

/**
 * OFREP v1 ({@code /ofrep/v1/evaluate/flags/{key}} and the bulk {@code /ofrep/v1/evaluate/flags})
 * over this node's snapshots. The environment is the API key's (or, for a signed-in user, the
 * {@code env} query parameter). Reasons and error codes follow decisions 7; flag metadata carries
 * {@code matched_rule}, {@code flag_version} and {@code snapshot_version}. The bulk answer has an
 * ETag: a client sending it back in {@code If-None-Match} gets 304 while nothing changed.
 */
@Path("ofrep/v1/evaluate/flags")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@EvaluationClients
public class OfrepResource {

    private RuntimeCache runtime;

    protected OfrepResource() {}

    @Inject
    public OfrepResource(RuntimeCache runtime) {
        this.runtime = runtime;
    }

    @POST
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response evaluate(
            @PathParam("key") String key,
            @QueryParam("env") String env,
            InputStream body,
            @Context HttpServletRequest request) {
        Optional<EvaluationContext> context = context(body);
        if (context.isEmpty()) {
            return error(400, key, "PARSE_ERROR", "the body must be a JSON object with a context object");
        }
        Optional<String> environment = environment(request, env);
        if (environment.isEmpty()) {
            return error(400, key, "INVALID_CONTEXT", "send an API key, or name the environment in ?env=");
        }
        Optional<RuntimeAnswer> answer = runtime.evaluate(environment.get(), key, context.get(), false);
        if (answer.isEmpty()) {
            return error(404, key, "FLAG_NOT_FOUND", "environment " + environment.get() + " is not served here");
        }
        JsonObject evaluation = evaluation(key, answer.get());
        return Response.status(evaluation.containsKey("errorCode") ? status(evaluation) : 200)
                .entity(evaluation)
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response evaluateAll(
            @QueryParam("env") String env,
            @HeaderParam("If-None-Match") String ifNoneMatch,
            InputStream body,
            @Context HttpServletRequest request) {
        String text = JsonBodies.text(body);
        Optional<EvaluationContext> context = context(text);
        Optional<String> environment = environment(request, env);
        if (context.isEmpty() || environment.isEmpty()) {
            return Response.status(400)
                    .entity(Json.createObjectBuilder()
                            .add("errorCode", context.isEmpty() ? "PARSE_ERROR" : "INVALID_CONTEXT")
                            .add(
                                    "errorDetails",
                                    context.isEmpty()
                                            ? "the body must be a JSON object with a context object"
                                            : "send an API key, or name the environment in ?env=")
                            .build())
                    .build();
        }
        Optional<Map<String, RuntimeAnswer>> answers = runtime.evaluateAll(environment.get(), context.get());
        if (answers.isEmpty()) {
            return unknownEnvironment(environment.get(), request);
        }
        long version = runtime.environment(environment.get()).orElseThrow().snapshotVersion();
        EntityTag tag = new EntityTag(etag(environment.get(), version, context.get()));
        if (ifNoneMatch != null && (ifNoneMatch.equals(tag.toString()) || ifNoneMatch.equals(tag.getValue()))) {
            return Response.notModified(tag).build();
        }
        JsonArrayBuilder flags = Json.createArrayBuilder();
        answers.get().forEach((key, answer) -> flags.add(evaluation(key, answer)));
        return Response.ok(Json.createObjectBuilder().add("flags", flags).build())
                .tag(tag)
                .build();
    }

    private static JsonObject evaluation(String key, RuntimeAnswer answer) {
        EvaluationResult result = answer.result();
        OpenFeatureOutcome outcome = OpenFeatureOutcome.of(result, answer.stale());
        JsonObjectBuilder json = Json.createObjectBuilder().add("key", key);
        if (outcome.errorCode() != null) {
            return json.add("errorCode", outcome.errorCode())
                    .add("errorDetails", result.isError() ? result.error().message() : outcome.errorCode())
                    .build();
        }
        json.add("value", JsonTrees.toJson(result.value())).add("reason", outcome.reason());
        if (result.variant() != null) {
            json.add("variant", result.variant());
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (result.matchedRule() != null) {
            metadata.put("matched_rule", result.matchedRule());
        }
        if (result.flagVersion() != null) {
            metadata.put("flag_version", result.flagVersion());
        }
        metadata.put("snapshot_version", answer.snapshotVersion());
        return json.add("metadata", JsonTrees.toJson(metadata)).build();
    }

    private static int status(JsonObject evaluation) {
        return "FLAG_NOT_FOUND".equals(evaluation.getString("errorCode")) ? 404 : 400;
    }

    private static Response error(int status, String key, String code, String details) {
        return Response.status(status)
                .entity(Json.createObjectBuilder()
                        .add("key", key)
                        .add("errorCode", code)
                        .add("errorDetails", details)
                        .build())
                .build();
    }

    /**
     * A problem document that an OFREP client can read too: the bulk answer has no flag to put an
     * error on, so the problem carries OFREP's {@code errorCode} and {@code errorDetails} beside
     * its own members.
     */
    private static Response unknownEnvironment(String environment, HttpServletRequest request) {
        String detail = "environment " + environment + " is not served here";
        JsonObject problem = Problem.of(
                        404,
                        detail,
                        CanonicalPaths.of(request),
                        "config",
                        "environment_not_found",
                        Map.of("environment_key", environment))
                .toJson();
        return Response.status(404)
                .type(Problem.MEDIA_TYPE)
                .entity(Json.createObjectBuilder(problem)
                        .add("errorCode", "GENERAL")
                        .add("errorDetails", detail)
                        .build())
                .build();
    }

    private static Optional<String> environment(HttpServletRequest request, String env) {
        // JAX-RS request properties are the servlet request's attributes
        Object fromKey = request.getAttribute(EvaluationClientFilter.KEY_ENVIRONMENT);
        if (fromKey instanceof String keyEnvironment) {
            return Optional.of(keyEnvironment);
        }
        return Optional.ofNullable(env).filter(name -> !name.isBlank());
    }

    private static Optional<EvaluationContext> context(InputStream body) {
        return context(JsonBodies.text(body));
    }

    /** OFREP's context: {@code targetingKey} and the attributes, flat. */
    private static Optional<EvaluationContext> context(String text) {
        Map<String, Object> request;
        try {
            request = text.isBlank() ? Map.of() : JsonBodies.parse(text);
        } catch (MalformedRequest malformed) {
            return Optional.empty();
        }
        Object context = request.getOrDefault("context", Map.of());
        if (!(context instanceof Map<?, ?> fields)) {
            return Optional.empty();
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        fields.forEach((name, value) -> attributes.put(String.valueOf(name), value));
        Object targetingKey = attributes.remove("targetingKey");
        Map<String, Object> normalized = new LinkedHashMap<>();
        normalized.put("targeting_key", targetingKey);
        normalized.put("attributes", attributes);
        return Optional.of(EvaluationContext.from(normalized));
    }

    private static String etag(String environment, long version, EvaluationContext context) {
        String identity = environment + ":" + version + ":" + JsonTrees.write(new TreeMap<>(context.toMap()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
