package org.rulestead.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.rulestead.validation.Finding;

/** Builds problems with the standard title of their status and the request path as instance. */
final class Problems {

    private Problems() {}

    static Problem of(
            int status,
            UriInfo uriInfo,
            String detail,
            String domain,
            String errorType,
            Map<String, Object> metadata,
            List<Finding> details) {
        return new Problem(status, title(status), detail, instance(uriInfo), domain, errorType, metadata, details);
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return status == 422 ? "Unprocessable Content" : "HTTP " + status;
    }

    private static String instance(UriInfo uriInfo) {
        return uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
    }
}
