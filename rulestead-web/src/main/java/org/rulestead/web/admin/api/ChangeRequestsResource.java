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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.changerequests.ChangeRequestList;
import org.rulestead.changerequests.ChangeRequestQuery;
import org.rulestead.changerequests.ChangeRequestService;
import org.rulestead.changerequests.ChangeRequestStatus;
import org.rulestead.changerequests.ChangeRequestView;
import org.rulestead.changerequests.Proposal;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.json.JsonTrees;
import org.rulestead.validation.Finding;
import org.rulestead.web.json.JsonBodies;

/**
 * {@code /api/v1/admin/change-requests}: submit, read, revise, and the reviewer's and executor's
 * transitions ({@code approve}, {@code reject}, {@code cancel}, {@code execute}), each with a
 * reason.
 */
@Path("v1/admin/change-requests")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ChangeRequestsResource {

    private ChangeRequestService changeRequests;

    protected ChangeRequestsResource() {}

    @Inject
    public ChangeRequestsResource(ChangeRequestService changeRequests) {
        this.changeRequests = changeRequests;
    }

    /**
     * Newest first, filtered by {@code status}, {@code env}, {@code action} and {@code flag} (the
     * flag's key), paged by {@code limit} and the {@code next} cursor: {@code {"items", "next"}}.
     */
    @GET
    public JsonObject list(
            @QueryParam("status") String status,
            @QueryParam("env") String env,
            @QueryParam("action") String action,
            @QueryParam("flag") String flag,
            @QueryParam("next") Long next,
            @QueryParam("limit") Integer limit) {
        ChangeRequestList page = changeRequests.list(new ChangeRequestQuery(
                blankToNull(env),
                status == null || status.isBlank() ? null : status(status),
                blankToNull(action),
                blankToNull(flag),
                false,
                next,
                limit == null ? ChangeRequestQuery.DEFAULT_LIMIT : limit));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", page.items().stream().map(AdminJson::changeRequest).toList());
        json.put("next", page.next());
        return JsonTrees.toJson(json).asJsonObject();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * {@code {"action", "environment_key", "resource_type", "resource_key", "command", "reason"}}:
     * 201 with the submitted request.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(InputStream body, @HeaderParam("X-Request-Id") String requestId, @Context UriInfo uri) {
        Map<String, Object> document = JsonBodies.object(body);
        Proposal proposal = new Proposal(
                Commands.text(document, "action"),
                Commands.text(document, "environment_key"),
                Commands.text(document, "resource_type") == null ? "flag" : Commands.text(document, "resource_type"),
                Commands.text(document, "resource_key"),
                command(document));
        ChangeRequestView submitted = changeRequests.submit(proposal, Commands.context(document, requestId));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(submitted.id()))
                        .build())
                .entity(AdminJson.changeRequest(submitted))
                .build();
    }

    /** The request with its decisions and its workflow's audit events. */
    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") long id) {
        return AdminJson.changeRequest(changeRequests.get(id));
    }

    /** {@code {"command", "reason", "version"}}: revises the proposal; earlier approvals stop counting. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject revise(
            @PathParam("id") long id, InputStream body, @HeaderParam("X-Request-Id") String requestId) {
        Map<String, Object> document = JsonBodies.object(body);
        long expected = document.get("version") instanceof Number number ? number.longValue() : -1;
        return AdminJson.changeRequest(
                changeRequests.revise(id, command(document), expected, Commands.context(document, requestId)));
    }

    /** {@code approve}, {@code reject}, {@code cancel} or {@code execute}, each with {@code {"reason"}}. */
    @POST
    @Path("{id}/{transition}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject transition(
            @PathParam("id") long id,
            @PathParam("transition") String transition,
            InputStream body,
            @HeaderParam("X-Request-Id") String requestId) {
        CommandContext context = context(body, requestId);
        ChangeRequestView changed =
                switch (transition) {
                    case "approve" -> changeRequests.approve(id, context);
                    case "reject" -> changeRequests.reject(id, context);
                    case "cancel" -> changeRequests.cancel(id, context);
                    case "execute" -> changeRequests.execute(id, context);
                    default -> throw new jakarta.ws.rs.NotFoundException();
                };
        return AdminJson.changeRequest(changed);
    }

    private static CommandContext context(InputStream body, String requestId) {
        return Commands.context(JsonBodies.object(body), requestId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> command(Map<String, Object> document) {
        Object command = document.get("command");
        if (command == null) {
            return Map.of();
        }
        if (!(command instanceof Map<?, ?>)) {
            throw new CommandRejected.Invalid(
                    "config",
                    "invalid_command",
                    "the change request is invalid",
                    List.of(new Finding("command", "must be an object, e.g. {\"version\": 3}")));
        }
        return (Map<String, Object>) command;
    }

    private static ChangeRequestStatus status(String name) {
        try {
            return ChangeRequestStatus.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new CommandRejected.Invalid(
                    "config",
                    "invalid_command",
                    "unknown change request status",
                    List.of(new Finding(
                            "status", "must be one of submitted, approved, rejected, cancelled, executed")));
        }
    }
}
