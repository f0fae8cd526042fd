package org.rulestead.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.rulestead.command.CommandRejected;

/** A refused command: 400, 404, 409, 413, 422, 428 or 403, with the spec's error envelope. */
@Provider
public class CommandRejectedMapper implements ExceptionMapper<CommandRejected> {

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpServletRequest request;

    /** For mappers that find a refusal wrapped in another exception. */
    CommandRejectedMapper within(HttpServletRequest request, UriInfo uriInfo) {
        this.request = request;
        this.uriInfo = uriInfo;
        return this;
    }

    @Override
    public Response toResponse(CommandRejected rejected) {
        return Problems.of(
                        status(rejected),
                        Problems.instance(request, uriInfo),
                        rejected.getMessage(),
                        rejected.domain().wireName(),
                        rejected.type().wireName(),
                        rejected.metadata(),
                        rejected.details())
                .toResponse();
    }

    static int status(CommandRejected rejected) {
        if (rejected instanceof CommandRejected.Malformed malformed) {
            return malformed.status();
        }
        if (rejected instanceof CommandRejected.NotFound) {
            return 404;
        }
        if (rejected instanceof CommandRejected.Invalid) {
            return 422;
        }
        if (rejected instanceof CommandRejected.Conflict) {
            return 409;
        }
        if (rejected instanceof CommandRejected.VersionRequired) {
            return 428;
        }
        return 403;
    }
}
