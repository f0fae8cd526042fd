package org.rulestead.web.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.rulestead.governance.RoleGrantView;
import org.rulestead.grants.EnvironmentRoleGrants;
import org.rulestead.grants.RoleGrantService;
import org.rulestead.json.JsonTrees;

/**
 * {@code /api/v1/admin/environments/{env}/grants}: roles granted in one environment, on top of
 * the registry's: list, grant ({@code {"principal", "role", "reason"}}), revoke.
 */
@Path("v1/admin/environments/{env}/grants")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class RoleGrantsResource {

    private RoleGrantService grants;

    protected RoleGrantsResource() {}

    @Inject
    public RoleGrantsResource(RoleGrantService grants) {
        this.grants = grants;
    }

    /** {@code {"items", "version"}}: the grants here, and their version, also the ETag. */
    @GET
    public Response list(@PathParam("env") String env) {
        EnvironmentRoleGrants grants = this.grants.list(env);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", grants.grants().stream().map(RoleGrantsResource::json).toList());
        json.put("version", grants.version());
        return Response.ok(JsonTrees.toJson(json))
                .tag(Versions.etag(grants.version()))
                .build();
    }

    /**
     * {@code {"principal", "role", "reason", "version"}}: the version of the grants as listed (or
     * {@code If-Match}) is required; the answer's ETag is their new version.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(
            @PathParam("env") String env,
            InputStream body,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("X-Request-Id") String requestId) {
        Commands command = Commands.read(body, requestId, List.of("principal", "role", "version"));
        String principal = command.text("principal");
        String role = command.text("role");
        RoleGrantService.GrantChange granted =
                grants.grant(env, principal, role, command.version(ifMatch), command.context());
        return Response.status(Response.Status.CREATED)
                .entity(JsonTrees.toJson(json(granted.grant())).asJsonObject())
                .tag(Versions.etag(granted.grantsVersion()))
                .build();
    }

    /** Revokes a grant: the version of the grants as listed (body or {@code If-Match}) is required. */
    @DELETE
    @Path("{id}")
    public Response revoke(
            @PathParam("env") String env,
            @PathParam("id") long id,
            @QueryParam("reason") String reason,
            InputStream body,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("X-Request-Id") String requestId) {
        Commands command = Commands.readOptional(body, reason, requestId, List.of("version"));
        long version = grants.revoke(env, id, command.version(ifMatch), command.context());
        return Response.noContent().tag(Versions.etag(version)).build();
    }

    private static Map<String, Object> json(RoleGrantView grant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", grant.id());
        json.put("principal", grant.principal());
        json.put("role", grant.role());
        json.put("environment_key", grant.environmentKey());
        json.put("granted_by", grant.grantedBy());
        json.put("granted_at", grant.grantedAt());
        return json;
    }
}
