package org.rulestead.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.rulestead.validation.Finding;

/** Builds problems with the standard title of their status and the request's full path as instance. */
final class Problems {

    private Problems() {}

    static Problem of(
            int status,
            String instance,
            String detail,
            String domain,
            String errorType,
            Map<String, Object> metadata,
            List<Finding> details) {
        return new Problem(status, title(status), detail, instance, domain, errorType, metadata, details);
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            default -> "HTTP " + status;
        };
    }

    /**
     * The path the client asked for, as it asked: {@code /api/v1/...}, and {@code /ofrep/v1/...}
     * for OFREP, which reaches the REST application through a forward. Never the query, which may
     * hold a reason or a key.
     */
    static String instance(HttpServletRequest request, UriInfo uriInfo) {
        if (request != null) {
            try {
                Object original = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
                return original instanceof String path ? path : request.getRequestURI();
            } catch (IllegalStateException outsideARequest) {
                // fall back on what JAX-RS knows
            }
        }
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }
}
