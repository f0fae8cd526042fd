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
import java.util.Map;
import org.rulestead.apikeys.ApiKeyService;
import org.rulestead.apikeys.ApiKeyView;
import org.rulestead.apikeys.NewApiKey;
import org.rulestead.json.JsonTrees;

/**
 * {@code /api/v1/admin/environments/{env}/api-keys}: evaluation API keys of an environment.
 * Creating one ({@code {"name"}}) answers 201 {@code {"id", "key"}}: the only time the key is
 * shown. Revoking one stops it at once on this node.
 */
@Path("v1/admin/environments/{env}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ApiKeysResource {

    private ApiKeyService keys;

    protected ApiKeysResource() {}

    @Inject
    public ApiKeysResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @GET
    public JsonObject list(@PathParam("env") String env) {
        return JsonTrees.toJson(Map.of(
                        "items",
                        keys.list(env).stream().map(ApiKeysResource::json).toList()))
                .asJsonObject();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            @PathParam("env") String env, InputStream body, @HeaderParam("X-Request-Id") String requestId) {
        Commands command = Commands.read(body, requestId, List.of("name"));
        String name = command.text("name");
        NewApiKey created = keys.create(env, name, command.context());
        Map<String, Object> json = json(created.key());
        json.put("key", created.secret());
        return Response.status(Response.Status.CREATED)
                .entity(JsonTrees.toJson(json).asJsonObject())
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
        keys.revoke(
                env,
                id,
                Commands.readOptional(body, reason, requestId, List.of()).context());
        return Response.noContent().build();
    }

    private static Map<String, Object> json(ApiKeyView key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id());
        json.put("environment_key", key.environmentKey());
        json.put("name", key.name());
        json.put("prefix", key.keyPrefix());
        json.put("created_by", key.createdBy());
        json.put("created_at", key.createdAt());
        json.put("revoked_by", key.revokedBy());
        json.put("revoked_at", key.revokedAt());
        return json;
    }
}
