package org.rulestead.web.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.flags.FlagService;
import org.rulestead.flags.FlagView;

/** {@code /api/v1/admin/flags}: create flags and read them. */
@Path("v1/admin/flags")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class FlagsResource {

    private FlagService flags;

    protected FlagsResource() {}

    @Inject
    public FlagsResource(FlagService flags) {
        this.flags = flags;
    }

    @GET
    public JsonObject list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        flags.list().forEach(flag -> items.add(FlagJson.of(flag)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    /** The flag, with its {@code version} as the ETag a PATCH sends back in {@code If-Match}. */
    @GET
    @Path("{key}")
    public Response get(@PathParam("key") String key) {
        FlagView flag = flags.find(key).orElseThrow(() -> notFound(key));
        return Response.ok(FlagJson.of(flag)).tag(Versions.etag(flag.version())).build();
    }

    /** The fields of a new flag (the reader also takes the spec's nested ownership and lifecycle forms). */
    static final List<String> NEW_FLAG = List.of(
            "key",
            "description",
            "flag_type",
            "value_type",
            "default_value",
            "owner_ref",
            "owner_kind",
            "owner_display",
            "ownership",
            "expected_expiration",
            "review_by",
            "permanent",
            "lifecycle",
            "tags",
            "environments");

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            InputStream body, @HeaderParam("X-Request-Id") String requestId, @jakarta.ws.rs.core.Context UriInfo uri) {
        Commands command = Commands.read(body, requestId, NEW_FLAG);
        CommandContext context = command.context();
        FlagView created = flags.create(command.document(), context);
        return Response.created(uri.getAbsolutePathBuilder().path(created.key()).build())
                .entity(FlagJson.of(created))
                .tag(Versions.etag(created.version()))
                .build();
    }

    /**
     * Changes description, ownership, lifecycle or tags; a field the update does not take is a 422.
     * The flag's {@code version} as read, in the body or as {@code If-Match}, is required: 428
     * without it, 409 when the flag changed since.
     */
    @PATCH
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(
            @PathParam("key") String key,
            InputStream body,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("X-Request-Id") String requestId) {
        Commands command = Commands.read(body, requestId, Commands.ANY);
        CommandContext context = command.context();
        FlagView updated = flags.update(key, command.document(), command.version(ifMatch), context);
        return Response.ok(FlagJson.of(updated))
                .tag(Versions.etag(updated.version()))
                .build();
    }

    /** {@code {"reason"}}: archives the flag in every environment. */
    @POST
    @Path("{key}/archive")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject archive(
            @PathParam("key") String key, InputStream body, @HeaderParam("X-Request-Id") String requestId) {
        return FlagJson.of(
                flags.archive(key, Commands.read(body, requestId, List.of()).context()));
    }

    static CommandRejected.NotFound notFound(String key) {
        return CommandRejected.flagNotFound(key);
    }
}
