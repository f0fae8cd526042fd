package org.rulestead.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.rulestead.json.JsonTrees;
import org.rulestead.validation.Finding;

/**
 * An RFC 9457 problem, carrying the spec's error envelope too: {@code domain}, {@code error_type},
 * {@code metadata} and {@code details} (one entry per field finding).
 */
public record Problem(
        int status,
        String title,
        String detail,
        String instance,
        String domain,
        String errorType,
        Map<String, Object> metadata,
        List<Finding> details) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "urn:rulestead:problem:";

    public Problem {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** A problem without field details, titled as its status is. */
    public static Problem of(
            int status, String detail, String instance, String domain, String errorType, Map<String, Object> metadata) {
        return new Problem(status, Problems.title(status), detail, instance, domain, errorType, metadata, List.of());
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", TYPE_BASE + errorType.replace('_', '-'))
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (instance != null) {
            json.add("instance", instance);
        }
        json.add("domain", domain).add("error_type", errorType).add("metadata", JsonTrees.toJson(metadata));
        JsonArrayBuilder findings = Json.createArrayBuilder();
        details.forEach(finding -> findings.add(
                Json.createObjectBuilder().add("field", finding.field()).add("message", finding.message())));
        return json.add("details", findings).build();
    }

    public Response toResponse() {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(toJson().toString())
                .build();
    }
}
