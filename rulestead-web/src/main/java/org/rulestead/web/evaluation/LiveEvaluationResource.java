package org.rulestead.web.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Map;
import org.rulestead.command.CommandRejected;
import org.rulestead.evaluation.ErrorDomain;
import org.rulestead.evaluation.ErrorType;
import org.rulestead.evaluation.EvaluationContext;
import org.rulestead.explain.Explanation;
import org.rulestead.json.JsonTrees;
import org.rulestead.runtime.RuntimeAnswer;
import org.rulestead.runtime.RuntimeCache;
import org.rulestead.web.admin.pages.ExplainLinks;
import org.rulestead.web.json.JsonBodies;

/**
 * Live evaluation from this node's snapshot (spec §10, decisions 6): every flag of an environment,
 * or one flag explained with its shareable admin link (spec §4.3). One flag alone, the hot path,
 * is answered before JAX-RS by {@link KeyedEvaluationFilter}. The body is the
 * context (spec §2.1); answers carry {@code snapshot_version}, {@code cache_age_ms} and {@code
 * stale}. Nothing here touches the database. Clients come with an API key of the environment or
 * as signed-in users ({@link EvaluationClientFilter}).
 */
@Path("v1/environments/{env}")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@EvaluationClients
public class LiveEvaluationResource {

    private RuntimeCache runtime;

    protected LiveEvaluationResource() {}

    @Inject
    public LiveEvaluationResource(RuntimeCache runtime) {
        this.runtime = runtime;
    }

    @POST
    @Path("evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject evaluateAll(@PathParam("env") String env, InputStream body) {
        EvaluationContext context = context(body);
        Map<String, RuntimeAnswer> answers =
                runtime.evaluateAll(env, context).orElseThrow(() -> unknownEnvironment(env));
        JsonObjectBuilder flags = Json.createObjectBuilder();
        answers.forEach((key, answer) -> flags.add(key, ResultJson.of(answer.result())));
        long version = runtime.environment(env).orElseThrow().snapshotVersion();
        boolean stale = runtime.stale(runtime.environment(env).orElseThrow());
        return Json.createObjectBuilder()
                .add("flags", flags)
                .add("snapshot_version", version)
                .add("stale", stale)
                .build();
    }

    /** {@code {"explanation", "trace", "link"}}: the link opens the admin explain page for the same identity. */
    @POST
    @Path("flags/{key}/explain")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject explain(
            @PathParam("env") String env, @PathParam("key") String key, InputStream body, @Context UriInfo uri) {
        EvaluationContext context = context(body);
        RuntimeAnswer answer = answer(env, key, context, true);
        String text = Explanation.withRuntime(
                Explanation.of(answer.result()), env, answer.snapshotVersion(), answer.source(), answer.cacheAgeMs());
        JsonObjectBuilder json = live(ResultJson.of(answer.result()), answer)
                .add("explanation", text)
                .add(
                        "trace",
                        answer.result().trace() == null
                                ? jakarta.json.JsonValue.NULL
                                : JsonTrees.toJson(answer.result().trace().toMap()))
                .add("link", link(uri, env, key, context));
        return json.build();
    }

    private RuntimeAnswer answer(String env, String key, EvaluationContext context, boolean traced) {
        RuntimeAnswer answer = runtime.evaluate(env, key, context, traced).orElseThrow(() -> unknownEnvironment(env));
        if (answer.result().isError() && answer.result().error().type() == ErrorType.FLAG_NOT_FOUND) {
            throw new CommandRejected.NotFound(
                    ErrorDomain.EVALUATION,
                    ErrorType.FLAG_NOT_FOUND,
                    "runtime flag was not found",
                    Map.of("flag_key", key, "environment_key", env));
        }
        return answer;
    }

    /** The result with where it came from: snapshot version, cache age, staleness. */
    static JsonObjectBuilder live(JsonObjectBuilder result, RuntimeAnswer answer) {
        result.add("snapshot_version", answer.snapshotVersion());
        if (answer.cacheAgeMs() == null) {
            result.addNull("cache_age_ms");
        } else {
            result.add("cache_age_ms", answer.cacheAgeMs());
        }
        return result.add("stale", answer.stale());
    }

    /** The admin explain page for this flag and identity: identity fields only, never attributes. */
    private static String link(UriInfo uri, String env, String key, EvaluationContext context) {
        return uri.getBaseUri()
                .resolve(".." + ExplainLinks.path(key, env, context))
                .toString();
    }

    private static EvaluationContext context(InputStream body) {
        Map<String, Object> context = JsonBodies.optionalObject(body);
        return EvaluationContext.from(context);
    }

    private static CommandRejected unknownEnvironment(String env) {
        return new CommandRejected.NotFound(
                ErrorDomain.CONFIG,
                ErrorType.ENVIRONMENT_NOT_FOUND,
                "environment was not found",
                Map.of("environment_key", env));
    }
}
