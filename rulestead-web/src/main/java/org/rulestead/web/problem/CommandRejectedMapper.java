package org.rulestead.web.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.rulestead.command.CommandRejected;

/** A refused command: 404, 422, 409 or 403, with the spec's error envelope. */
@Provider
public class CommandRejectedMapper implements ExceptionMapper<CommandRejected> {

    @Context
    private UriInfo uriInfo;

    /** For mappers that find a refusal wrapped in another exception. */
    CommandRejectedMapper withUriInfo(UriInfo uriInfo) {
        this.uriInfo = uriInfo;
        return this;
    }

    @Override
    public Response toResponse(CommandRejected rejected) {
        return Problems.of(
                        status(rejected),
                        uriInfo,
                        rejected.getMessage(),
                        rejected.domain(),
                        rejected.type(),
                        rejected.metadata(),
                        rejected.details())
                .toResponse();
    }

    static int status(CommandRejected rejected) {
        if (rejected instanceof CommandRejected.NotFound) {
            return 404;
        }
        if (rejected instanceof CommandRejected.Invalid) {
            return 422;
        }
        if (rejected instanceof CommandRejected.Conflict) {
            return 409;
        }
        return 403;
    }
}
