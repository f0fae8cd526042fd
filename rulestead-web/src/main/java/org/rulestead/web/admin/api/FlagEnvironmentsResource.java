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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.audit.AuditTrail;
import org.rulestead.authoring.RulesetService;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.flags.FlagService;
import org.rulestead.flags.RulesetView;
import org.rulestead.json.JsonTrees;
import org.rulestead.killswitch.KillSwitchService;
import org.rulestead.runtime.EvidenceStore;
import org.rulestead.runtime.EvidenceSummary;

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
                .orElseThrow(() -> CommandRejected.flagNotFoundIn(key, env));
    }

    /**
     * The ruleset a draft is edited from: the newest one here, draft or published, or an empty one
     * at version 0 before the first. Its {@code version} is the ETag a {@code PUT …/draft} sends
     * back in {@code If-Match} (or as {@code version} in the body).
     */
    @GET
    @Path("draft")
    public Response draft(@PathParam("key") String key, @PathParam("env") String env) {
        int latest = rulesets.workbench(key, env).latestVersion();
        if (latest == 0) {
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("flag_key", key);
            none.put("environment_key", env);
            none.put("version", 0);
            none.put("status", "none");
            none.put("salt", null);
            none.put("rules", List.of());
            return Response.ok(JsonTrees.toJson(none)).tag(Versions.etag(0)).build();
        }
        RulesetView newest = rulesets.version(key, env, latest);
        return Response.ok(AdminJson.ruleset(newest))
                .tag(Versions.etag(newest.version()))
                .build();
    }

    /**
     * Saves {@code {"salt", "rules"}} as the next draft version: 201 with the draft. The version
     * the draft was edited from ({@code GET …/draft}) is required, in the body's {@code version} or
     * {@code If-Match}: 428 without, 409 when another draft was saved since.
     */
    @PUT
    @Path("draft")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response saveDraft(
            @PathParam("key") String key,
            @PathParam("env") String env,
            InputStream body,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("X-Request-Id") String requestId,
            @Context UriInfo uri) {
        Commands command = Commands.read(body, requestId, Commands.ANY);
        CommandContext context = command.context();
        RulesetView saved = rulesets.saveDraft(key, env, command.document(), command.version(ifMatch), context);
        return Response.created(uri.getBaseUriBuilder()
                        .path("v1/admin/flags/{key}/environments/{env}/rulesets/{version}")
                        .build(key, env, saved.version()))
                .entity(AdminJson.ruleset(saved))
                .tag(Versions.etag(saved.version()))
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
        Commands command = Commands.read(body, requestId, List.of("version"));
        CommandContext context = command.context();
        return AdminJson.ruleset(rulesets.publish(key, env, command.wholeNumber("version"), context));
    }

    /** {@code {"reason"}}: engages the kill switch. */
    @POST
    @Path("kill-switch")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject engage(
            @PathParam("key") String key,
            @PathParam("env") String env,
            InputStream body,
            @HeaderParam("X-Request-Id") String requestId) {
        return AdminJson.state(killSwitches.engage(
                key, env, Commands.read(body, requestId, List.of()).context()));
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
        return AdminJson.state(killSwitches.release(
                key,
                env,
                Commands.readOptional(body, reason, requestId, List.of()).context()));
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
