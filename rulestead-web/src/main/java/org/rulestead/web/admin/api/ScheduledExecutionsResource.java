package org.rulestead.web.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.command.CommandContext;
import org.rulestead.json.JsonTrees;
import org.rulestead.schedule.ExecutionState;
import org.rulestead.schedule.ScheduleQuery;
import org.rulestead.schedule.ScheduledExecutionList;
import org.rulestead.schedule.ScheduledExecutionService;
import org.rulestead.schedule.ScheduledExecutionView;
import org.rulestead.web.json.QueryParameters;

/**
 * {@code /api/v1/admin/scheduled-executions} (spec §6.7): governed commands the scheduler runs
 * when they fall due; list, read with attempts, schedule a governed action directly, cancel one
 * that has not run, requeue one in quarantine. Approved change requests are scheduled at {@code
 * /api/v1/admin/change-requests/{id}/schedule}.
 */
@Path("v1/admin/scheduled-executions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ScheduledExecutionsResource {

    private static final List<String> STATES =
            Arrays.stream(ExecutionState.values()).map(ExecutionState::wireName).toList();

    private static final List<String> FIELDS = List.of(
            "action",
            "environment_key",
            "resource_type",
            "resource_key",
            "command",
            "scheduled_for",
            "execution_mode",
            "idempotency_key");

    private static final List<String> TRANSITIONS = List.of("cancel", "requeue");

    private ScheduledExecutionService executions;

    protected ScheduledExecutionsResource() {}

    @Inject
    public ScheduledExecutionsResource(ScheduledExecutionService executions) {
        this.executions = executions;
    }

    /** Newest first, filtered by {@code env} and {@code state}, paged by {@code limit} and {@code next}. */
    @GET
    public JsonObject list(
            @QueryParam("env") String env,
            @QueryParam("state") String state,
            @QueryParam("next") String next,
            @QueryParam("limit") String limit) {
        ScheduledExecutionList page = executions.list(new ScheduleQuery(
                QueryParameters.text(env).orElse(null),
                QueryParameters.oneOf("state", state, STATES)
                        .flatMap(ExecutionState::of)
                        .orElse(null),
                QueryParameters.cursor("next", next).orElse(null),
                QueryParameters.integer("limit", limit, 1, ScheduleQuery.MAX_LIMIT)
                        .orElse(ScheduleQuery.DEFAULT_LIMIT)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "items",
                page.items().stream().map(AdminJson::scheduledExecution).toList());
        json.put("next", page.next());
        return JsonTrees.toJson(json).asJsonObject();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") long id) {
        return AdminJson.scheduledExecution(executions.get(id));
    }

    /**
     * {@code {"action", "environment_key", "resource_type", "resource_key", "command",
     * "scheduled_for", "execution_mode", "idempotency_key"?, "reason", "metadata"}}: 201 with the
     * scheduled execution (the existing one for an idempotency key already scheduled).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response schedule(InputStream body, @HeaderParam("X-Request-Id") String requestId, @Context UriInfo uri) {
        Commands command = Commands.read(body, requestId, FIELDS);
        ScheduledExecutionView scheduled = executions.scheduleAction(command.document(), command.context());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(scheduled.id()))
                        .build())
                .entity(AdminJson.scheduledExecution(scheduled))
                .build();
    }

    /** {@code cancel} or {@code requeue}, each with {@code {"reason"}}. */
    @POST
    @Path("{id}/{transition}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject transition(
            @PathParam("id") long id,
            @PathParam("transition") String transition,
            InputStream body,
            @HeaderParam("X-Request-Id") String requestId) {
        if (!TRANSITIONS.contains(transition)) {
            throw new NotFoundException();
        }
        CommandContext context = Commands.read(body, requestId, List.of()).context();
        ScheduledExecutionView changed =
                "cancel".equals(transition) ? executions.cancel(id, context) : executions.requeue(id, context);
        return AdminJson.scheduledExecution(changed);
    }
}
