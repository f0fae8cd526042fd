package org.rulestead.web.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.command.CommandContext;
import org.rulestead.json.JsonTrees;
import org.rulestead.rollout.RolloutAdvanced;
import org.rulestead.rollout.RolloutEvaluated;
import org.rulestead.rollout.RolloutService;
import org.rulestead.rollout.RolloutStatus;

/**
 * {@code /api/v1/admin/flags/{key}/environments/{env}/rollouts}: the guarded rollouts of a flag in
 * one environment (spec §5), and advancing one to a stage.
 */
@Path("v1/admin/flags/{key}/environments/{env}/rollouts")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class RolloutsResource {

    private static final List<String> ADVANCE_FIELDS = List.of(
            "rule_key",
            "stage",
            "percentage",
            "monitoring_window_started_at",
            "monitoring_window_ends_at",
            "signal_facts");

    private static final List<String> SIGNAL_FIELDS =
            List.of("signal_key", "observed_value", "sample_size", "captured_at", "tenant_key");

    private RolloutService rollouts;

    protected RolloutsResource() {}

    @Inject
    public RolloutsResource(RolloutService rollouts) {
        this.rollouts = rollouts;
    }

    /** {@code {"rules": [{rule_key, stage, percentage, guardrails, latest_decision, auto_advance, next_tick_at}]}}. */
    @GET
    public JsonObject list(@PathParam("key") String key, @PathParam("env") String env) {
        List<Map<String, Object>> rules =
                rollouts.rollouts(key, env).stream().map(RolloutsResource::json).toList();
        return JsonTrees.toJson(Map.of("rules", rules)).asJsonObject();
    }

    /**
     * {@code {"rule_key", "stage", "percentage", "monitoring_window_ends_at"?, "reason"}}: advances
     * the rule; 403 {@code change_request_required} in a protected environment.
     */
    @POST
    @Path("advance")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject advance(
            @PathParam("key") String key,
            @PathParam("env") String env,
            InputStream body,
            @HeaderParam("X-Request-Id") String requestId) {
        Commands command = Commands.read(body, requestId, ADVANCE_FIELDS);
        RolloutAdvanced advanced = rollouts.advance(key, env, command.document(), command.context());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("flag_key", advanced.flagKey());
        json.put("environment_key", advanced.environmentKey());
        json.put("rule_key", advanced.ruleKey());
        json.put("stage", advanced.stage());
        json.put("active_ruleset_version", advanced.activeRulesetVersion());
        json.put("decision", advanced.decision());
        return JsonTrees.toJson(json).asJsonObject();
    }

    /**
     * {@code {"signal_key", "observed_value", "sample_size"?, "captured_at"?, "tenant_key"?}}: stores
     * a fact for a guardrail of the rule; 201 with the fact normalized now.
     */
    @POST
    @Path("{rule}/signals")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reportSignal(
            @PathParam("key") String key,
            @PathParam("env") String env,
            @PathParam("rule") String rule,
            InputStream body,
            @HeaderParam("X-Request-Id") String requestId) {
        Commands command = Commands.read(body, requestId, SIGNAL_FIELDS);
        CommandContext context = command.context();
        Map<String, Object> fact = rollouts.reportSignal(key, env, rule, command.document(), context);
        return Response.status(Response.Status.CREATED)
                .entity(JsonTrees.toJson(fact))
                .build();
    }

    /**
     * {@code {"stage"?}}: evaluates the rule's stage now and acts on the decision (spec §5.5), or
     * with {@code ?dry_run=true} says what it would decide without acting.
     */
    @POST
    @Path("{rule}/evaluate")
    public JsonObject evaluate(
            @PathParam("key") String key,
            @PathParam("env") String env,
            @PathParam("rule") String rule,
            @QueryParam("dry_run") boolean dryRun,
            InputStream body,
            @HeaderParam("X-Request-Id") String requestId) {
        Commands command = Commands.readOptional(body, null, requestId, List.of("stage"));
        RolloutEvaluated evaluated = rollouts.evaluate(key, env, rule, command.document(), dryRun, command.context());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("decision", evaluated.decision());
        json.put("active_ruleset_version", evaluated.activeRulesetVersion());
        json.put("explanation", evaluated.explanation());
        json.put("dry_run", evaluated.dryRun());
        if (evaluated.dryRun()) {
            json.put("auto_advance", evaluated.autoAdvance());
        }
        return JsonTrees.toJson(json).asJsonObject();
    }

    /**
     * {@code {"enabled", "observation_window_seconds", "next_stage", "next_percentage"}}: replaces
     * the rule's auto-advance policy; 200 with the policy.
     */
    @PUT
    @Path("{rule}/auto-advance")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject saveAutoAdvance(
            @PathParam("key") String key,
            @PathParam("env") String env,
            @PathParam("rule") String rule,
            InputStream body,
            @HeaderParam("X-Request-Id") String requestId) {
        Commands command = Commands.read(
                body, requestId, List.of("enabled", "observation_window_seconds", "next_stage", "next_percentage"));
        return JsonTrees.toJson(rollouts.saveAutoAdvance(key, env, rule, command.document(), command.context()))
                .asJsonObject();
    }

    private static Map<String, Object> json(RolloutStatus status) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("rule_key", status.ruleKey());
        rule.put("stage", status.stage());
        rule.put("percentage", status.percentage());
        rule.put("guardrails", status.guardrails());
        rule.put("latest_decision", status.latestDecision());
        rule.put("auto_advance", status.autoAdvance());
        rule.put(
                "next_tick_at",
                status.nextTickAt() == null ? null : status.nextTickAt().toString());
        return rule;
    }
}
