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
import org.rulestead.json.JsonTrees;
import org.rulestead.schedule.ScheduledExecutionService;
import org.rulestead.schedule.ScheduledExecutionView;
import org.rulestead.web.json.QueryParameters;

/**
 * {@code /api/v1/admin/change-requests}: submit, read, revise, and the reviewer's and executor's
 * transitions ({@code approve}, {@code reject}, {@code cancel}, {@code execute}), each with a
 * reason.
 */
@Path("v1/admin/change-requests")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ChangeRequestsResource {

    private static final List<String> STATUSES = java.util.Arrays.stream(ChangeRequestStatus.values())
            .map(status -> status.name().toLowerCase(java.util.Locale.ROOT))
            .toList();

    private ChangeRequestService changeRequests;
    private ScheduledExecutionService scheduledExecutions;

    protected ChangeRequestsResource() {}

    @Inject
    public ChangeRequestsResource(ChangeRequestService changeRequests, ScheduledExecutionService scheduledExecutions) {
        this.changeRequests = changeRequests;
        this.scheduledExecutions = scheduledExecutions;
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
            @QueryParam("next") String next,
            @QueryParam("limit") String limit) {
        ChangeRequestList page = changeRequests.list(new ChangeRequestQuery(
                QueryParameters.text(env).orElse(null),
                QueryParameters.oneOf("status", status, STATUSES)
                        .map(name -> ChangeRequestStatus.valueOf(name.toUpperCase(java.util.Locale.ROOT)))
                        .orElse(null),
                QueryParameters.text(action).orElse(null),
                QueryParameters.text(flag).orElse(null),
                false,
                QueryParameters.cursor("next", next).orElse(null),
                QueryParameters.integer("limit", limit, 1, ChangeRequestQuery.MAX_LIMIT)
                        .orElse(ChangeRequestQuery.DEFAULT_LIMIT)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", page.items().stream().map(AdminJson::changeRequest).toList());
        json.put("next", page.next());
        return JsonTrees.toJson(json).asJsonObject();
    }

    /**
     * {@code {"action", "environment_key", "resource_type", "resource_key", "command", "reason"}}:
     * 201 with the submitted request.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(InputStream body, @HeaderParam("X-Request-Id") String requestId, @Context UriInfo uri) {
        Commands command = Commands.read(
                body, requestId, List.of("action", "environment_key", "resource_type", "resource_key", "command"));
        String resourceType = command.text("resource_type");
        Proposal proposal = new Proposal(
                command.text("action"),
                command.text("environment_key"),
                resourceType == null ? "flag" : resourceType,
                command.text("resource_key"),
                command.object("command", COMMAND_EXAMPLE));
        ChangeRequestView submitted = changeRequests.submit(proposal, command.context());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(submitted.id()))
                        .build())
                .entity(AdminJson.changeRequest(submitted))
                .tag(Versions.etag(submitted.lockVersion()))
                .build();
    }

    /** The request with its decisions and its workflow's audit events; its {@code version} is the ETag. */
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        ChangeRequestView request = changeRequests.get(id);
        return Response.ok(AdminJson.changeRequest(request))
                .tag(Versions.etag(request.lockVersion()))
                .build();
    }

    /**
     * {@code {"command", "reason", "version"}}: revises the proposal; earlier approvals stop
     * counting. The request's {@code version} as read (or {@code If-Match}) is required.
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revise(
            @PathParam("id") long id,
            InputStream body,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("X-Request-Id") String requestId) {
        Commands command = Commands.read(body, requestId, List.of("command", "version"));
        Map<String, Object> proposed = command.object("command", COMMAND_EXAMPLE);
        ChangeRequestView revised = changeRequests.revise(id, proposed, command.version(ifMatch), command.context());
        return Response.ok(AdminJson.changeRequest(revised))
                .tag(Versions.etag(revised.lockVersion()))
                .build();
    }

    /**
     * {@code {"scheduled_for", "reason"}}: schedules the approved request to execute then (spec
     * §6.7); 201 with the scheduled execution, the same one again for a request already scheduled.
     */
    @POST
    @Path("{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response schedule(
            @PathParam("id") long id,
            InputStream body,
            @HeaderParam("X-Request-Id") String requestId,
            @Context UriInfo uri) {
        Commands command = Commands.read(body, requestId, List.of("scheduled_for"));
        ScheduledExecutionView scheduled =
                scheduledExecutions.scheduleChangeRequest(id, command.document(), command.context());
        return Response.created(uri.getBaseUriBuilder()
                        .path("v1/admin/scheduled-executions/{id}")
                        .build(scheduled.id()))
                .entity(AdminJson.scheduledExecution(scheduled))
                .build();
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
        if (!TRANSITIONS.contains(transition)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        CommandContext context = Commands.read(body, requestId, List.of()).context();
        ChangeRequestView changed =
                switch (transition) {
                    case "approve" -> changeRequests.approve(id, context);
                    case "reject" -> changeRequests.reject(id, context);
                    case "cancel" -> changeRequests.cancel(id, context);
                    default -> changeRequests.execute(id, context);
                };
        return AdminJson.changeRequest(changed);
    }

    private static final String COMMAND_EXAMPLE = "{\"version\": 3}";

    private static final List<String> TRANSITIONS = List.of("approve", "reject", "cancel", "execute");
}
