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
import java.util.LinkedHashMap;
import java.util.Map;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.flags.FlagService;
import org.rulestead.flags.FlagView;
import org.rulestead.model.NewFlag;
import org.rulestead.model.NewFlagReader;
import org.rulestead.validation.Reading;
import org.rulestead.web.json.JsonBodies;

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

    @GET
    @Path("{key}")
    public JsonObject get(@PathParam("key") String key) {
        return FlagJson.of(flags.find(key).orElseThrow(() -> notFound(key)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            InputStream body, @HeaderParam("X-Request-Id") String requestId, @jakarta.ws.rs.core.Context UriInfo uri) {
        Map<String, Object> document = JsonBodies.object(body);
        Reading<NewFlag> reading = NewFlagReader.read(document);
        if (reading instanceof Reading.Invalid<NewFlag> invalid) {
            throw new CommandRejected.Invalid("config", "invalid_command", "the flag is invalid", invalid.findings());
        }
        NewFlag newFlag = ((Reading.Valid<NewFlag>) reading).value();
        FlagView created = flags.create(newFlag, Commands.context(document, requestId));
        return Response.created(uri.getAbsolutePathBuilder().path(created.key()).build())
                .entity(FlagJson.of(created))
                .build();
    }

    /** Changes description, ownership, lifecycle or tags; {@code version} guards against lost updates. */
    @PATCH
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject update(
            @PathParam("key") String key, InputStream body, @HeaderParam("X-Request-Id") String requestId) {
        Map<String, Object> document = JsonBodies.object(body);
        CommandContext context = Commands.context(document, requestId);
        Map<String, Object> patch = new LinkedHashMap<>(document);
        Object version = patch.remove("version");
        patch.remove("reason");
        Long expected = version instanceof Number number ? number.longValue() : null;
        return FlagJson.of(flags.update(key, patch, expected, context));
    }

    /** {@code {"reason"}}: archives the flag in every environment. */
    @POST
    @Path("{key}/archive")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject archive(
            @PathParam("key") String key, InputStream body, @HeaderParam("X-Request-Id") String requestId) {
        return FlagJson.of(flags.archive(key, Commands.context(JsonBodies.object(body), requestId)));
    }

    static CommandRejected.NotFound notFound(String key) {
        return new CommandRejected.NotFound("store", "flag_not_found", "flag was not found", Map.of("flag_key", key));
    }
}
