package org.rulestead.web.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.rulestead.audit.AuditTrail;
import org.rulestead.authoring.RulesetService;
import org.rulestead.command.CommandRejected;
import org.rulestead.flags.FlagService;
import org.rulestead.flags.RulesetView;
import org.rulestead.json.JsonTrees;
import org.rulestead.killswitch.KillSwitchService;
import org.rulestead.runtime.EvidenceStore;
import org.rulestead.runtime.EvidenceSummary;
import org.rulestead.validation.Finding;
import org.rulestead.web.json.JsonBodies;

/**
 * {@code /api/v1/admin/flags/{key}/environments/{env}}: a flag's state in one environment, its
 * drafts and published rulesets, publish, the kill switch, and its audit timeline.
 */
@Path("v1/admin/flags/{key}/environments/{env}")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class FlagEnvironmentsResource {

    private FlagService flags;
    private RulesetService rulesets;
    private KillSwitchService killSwitches;
    private AuditTrail auditTrail;
    private EvidenceStore evidence;

    protected FlagEnvironmentsResource() {}

    @Inject
    public FlagEnvironmentsResource(
            FlagService flags,
            RulesetService rulesets,
            KillSwitchService killSwitches,
            AuditTrail auditTrail,
            EvidenceStore evidence) {
        this.flags = flags;
        this.rulesets = rulesets;
        this.killSwitches = killSwitches;
        this.auditTrail = auditTrail;
        this.evidence = evidence;
    }

    /** The flag's state here, with its evaluation evidence (spec §8.3). */
    @GET
    public JsonObject state(@PathParam("key") String key, @PathParam("env") String env) {
        return flags.find(key, env)
                .map(state -> {
                    Map<String, Object> json = new java.util.LinkedHashMap<>(FlagJson.environment(state));
                    EvidenceSummary evidence = this.evidence.of(key, env);
                    json.put("last_evaluated_at", evidence.lastEvaluatedAt());
                    json.put("variants_served", evidence.variantsServed());
                    return JsonTrees.toJson(json).asJsonObject();
                })
                .orElseThrow(() -> new CommandRejected.NotFound(
                        "store",
                        "flag_not_found",
                        "flag was not found for the requested environment",
                        Map.of("flag_key", key, "environment_key", env)));
    }

    /** Saves {@code {"salt", "rules"}} as the next draft version: 201 with the draft. */
    @PUT
    @Path("draft")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response saveDraft(
            @PathParam("key") String key,
            @PathParam("env") String env,
            InputStream body,
            @HeaderParam("X-Request-Id") String requestId,
            @Context UriInfo uri) {
        Map<String, Object> draft = JsonBodies.object(body);
        RulesetView saved = rulesets.saveDraft(key, env, draft, Commands.context(draft, requestId));
        return Response.created(uri.getBaseUriBuilder()
                        .path("v1/admin/flags/{key}/environments/{env}/rulesets/{version}")
                        .build(key, env, saved.version()))
                .entity(AdminJson.ruleset(saved))
                .build();
    }

    @GET
    @Path("rulesets")
    public JsonArray history(@PathParam("key") String key, @PathParam("env") String env) {
        return AdminJson.rulesets(rulesets.history(key, env));
    }

    @GET
    @Path("rulesets/{version}")
    public JsonObject ruleset(
            @PathParam("key") String key, @PathParam("env") String env, @PathParam("version") int version) {
        return AdminJson.ruleset(rulesets.version(key, env, version));
    }

    /** {@code {"version", "reason"}}: publishes that draft, or 403 {@code change_request_required}. */
    @POST
    @Path("publish")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject publish(
            @PathParam("key") String key,
            @PathParam("env") String env,
            InputStream body,
            @HeaderParam("X-Request-Id") String requestId) {
        Map<String, Object> command = JsonBodies.object(body);
        if (!(command.get("version") instanceof Number version) || version.doubleValue() != version.longValue()) {
            throw new CommandRejected.Invalid(
                    "config",
                    "invalid_command",
                    "the publish command is invalid",
                    List.of(new Finding("version", "is required: the draft version to publish")));
        }
        return AdminJson.ruleset(rulesets.publish(key, env, version.intValue(), Commands.context(command, requestId)));
    }

    @POST
    @Path("kill-switch")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject engage(
            @PathParam("key") String key,
            @PathParam("env") String env,
            InputStream body,
            @HeaderParam("X-Request-Id") String requestId) {
        Map<String, Object> command = JsonBodies.object(body);
        return AdminJson.state(killSwitches.engage(key, env, Commands.context(command, requestId)));
    }

    /** Releases the kill switch; the reason comes in the body or as {@code ?reason=}. */
    @DELETE
    @Path("kill-switch")
    public JsonObject release(
            @PathParam("key") String key,
            @PathParam("env") String env,
            @QueryParam("reason") String reason,
            InputStream body,
            @HeaderParam("X-Request-Id") String requestId) {
        return AdminJson.state(killSwitches.release(key, env, Commands.context(body, reason, requestId)));
    }

    /** Every audit event of the flag in the environment (and flag-wide ones), oldest first. */
    @GET
    @Path("timeline")
    public JsonObject timeline(@PathParam("key") String key, @PathParam("env") String env) {
        return JsonTrees.toJson(Map.of(
                        "items",
                        auditTrail.timeline(key, env).stream()
                                .map(AdminJson::auditEvent)
                                .toList()))
                .asJsonObject();
    }
}
