package org.rulestead.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/** JAX-RS's own refusals (unknown path, wrong method or media type) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        String detail =
                switch (status) {
                    case 404 -> "no resource at this path";
                    case 405 -> "this method is not allowed here";
                    case 406 -> "this resource answers application/json";
                    case 415 -> "send the body as application/json";
                    default -> Problems.title(status);
                };
        Response.ResponseBuilder problem = Response.fromResponse(Problems.of(
                        status,
                        Problems.instance(request, uriInfo),
                        detail,
                        "config",
                        // nothing lives at an unknown path: not found, not an invalid command
                        status == 404 ? "not_found" : "invalid_command",
                        Map.of(),
                        List.of())
                .toResponse());
        // keep the Allow header of a 405, so clients learn which methods work
        if (original.getHeaderString("Allow") != null) {
            problem.header("Allow", original.getHeaderString("Allow"));
        }
        return problem.build();
    }
}
