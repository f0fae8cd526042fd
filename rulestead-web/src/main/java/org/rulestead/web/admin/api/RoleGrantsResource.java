package org.rulestead.web.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.util.Locale;
import java.util.Map;
import org.rulestead.command.CommandRejected;
import org.rulestead.governance.Role;
import org.rulestead.governance.RoleGrantService;
import org.rulestead.governance.RoleGrantView;
import org.rulestead.json.JsonTrees;
import org.rulestead.validation.Finding;
import org.rulestead.web.json.JsonBodies;

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

    @GET
    public JsonObject list(@PathParam("env") String env) {
        return JsonTrees.toJson(Map.of(
                        "items",
                        grants.list(env).stream().map(RoleGrantsResource::json).toList()))
                .asJsonObject();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(
            @PathParam("env") String env, InputStream body, @HeaderParam("X-Request-Id") String requestId) {
        Map<String, Object> document = JsonBodies.object(body);
        String principal = Commands.text(document, "principal");
        Role role = role(Commands.text(document, "role"));
        if (principal == null) {
            throw new CommandRejected.Invalid(
                    "config",
                    "invalid_command",
                    "the grant is invalid",
                    List.of(new Finding("principal", "is required")));
        }
        RoleGrantView granted = grants.grant(env, principal, role, Commands.context(document, requestId));
        return Response.status(Response.Status.CREATED)
                .entity(JsonTrees.toJson(json(granted)).asJsonObject())
                .build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(
            @PathParam("env") String env,
            @PathParam("id") long id,
            @QueryParam("reason") String reason,
            InputStream body,
            @HeaderParam("X-Request-Id") String requestId) {
        grants.revoke(env, id, Commands.context(body, reason, requestId));
        return Response.noContent().build();
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

    private static Role role(String name) {
        try {
            return Role.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new CommandRejected.Invalid(
                    "config",
                    "invalid_command",
                    "the grant is invalid",
                    List.of(new Finding("role", "must be one of viewer, editor, admin, auditor")));
        }
    }
}
