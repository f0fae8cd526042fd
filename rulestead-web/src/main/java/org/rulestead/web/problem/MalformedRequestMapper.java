package org.rulestead.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.rulestead.web.json.MalformedRequest;

/** A request that could not be read or used: 400 (or 413 when too large). */
@Provider
public class MalformedRequestMapper implements ExceptionMapper<MalformedRequest> {

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(MalformedRequest malformed) {
        return Problems.of(
                        malformed.status(),
                        Problems.instance(request, uriInfo),
                        malformed.getMessage(),
                        malformed.domain(),
                        malformed.errorType(),
                        malformed.metadata(),
                        malformed.details())
                .toResponse();
    }
}
