package org.rulestead.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rulestead.command.CommandRejected;
import org.rulestead.command.StoreFailure;

/**
 * Everything else. A concurrent change is a 409; a database out of reach a 503 ({@code
 * store_unavailable}, with {@code Retry-After}); any other failure is a 500 whose body names an
 * incident id that the server log also shows next to the stack trace: the trace stays in the log.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandRejected rejected) {
                return new CommandRejectedMapper().within(request, uriInfo).toResponse(rejected);
            }
            StoreFailure store = StoreFailure.of(cause);
            if (store == StoreFailure.LOCKED) {
                return Problems.of(
                                409,
                                Problems.instance(request, uriInfo),
                                "the resource is being changed by someone else right now: try again",
                                "store",
                                "invalid_command",
                                Map.of("reason", "locked"),
                                List.of())
                        .toResponse();
            }
            if (store == StoreFailure.UNREACHABLE) {
                LOG.log(Level.WARNING, "the database is out of reach on " + path() + ": " + cause.getMessage());
                Response problem = Problems.of(
                                503,
                                Problems.instance(request, uriInfo),
                                "store is unavailable: the database cannot be reached right now; evaluation keeps"
                                        + " answering from memory, changes wait until it is back",
                                "store",
                                "store_unavailable",
                                Map.of(),
                                List.of())
                        .toResponse();
                return Response.fromResponse(problem).header("Retry-After", "5").build();
            }
            if (store == StoreFailure.STALE_WRITE) {
                return Problems.of(
                                409,
                                Problems.instance(request, uriInfo),
                                "the resource was changed by someone else meanwhile: reload it and try again",
                                "store",
                                "invalid_command",
                                Map.of("reason", "stale_version"),
                                List.of())
                        .toResponse();
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + " on " + path(), failure);
        return Problems.of(
                        500,
                        Problems.instance(request, uriInfo),
                        "the server failed to handle this request; quote incident " + incident + " to an operator",
                        "config",
                        "invalid_command",
                        Map.of("incident_id", incident),
                        List.of())
                .toResponse();
    }

    private String path() {
        String path = Problems.instance(request, uriInfo);
        return path == null ? "?" : path;
    }
}
