package org.rulestead.web.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.rulestead.web.json.MalformedRequest;

/** A body that could not be read or used: 400 (or 413 when too large). */
@Provider
public class MalformedRequestMapper implements ExceptionMapper<MalformedRequest> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(MalformedRequest malformed) {
        return Problems.of(
                        malformed.status(),
                        uriInfo,
                        malformed.getMessage(),
                        malformed.domain(),
                        malformed.errorType(),
                        Map.of(),
                        List.of())
                .toResponse();
    }
}
