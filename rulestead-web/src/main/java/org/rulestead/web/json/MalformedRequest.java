package org.rulestead.web.json;

import java.util.List;
import java.util.Map;
import org.rulestead.validation.Finding;

/**
 * The request is not what the endpoint reads (a body that is not JSON, not an object, too large
 * or too deep; a query parameter of the wrong shape), with the spec's error domain and type for
 * the problem, and the parameter it is about where there is one.
 */
public final class MalformedRequest extends RuntimeException {

    private final int status;
    private final String domain;
    private final String errorType;
    private final Map<String, Object> metadata;
    private final List<Finding> details;

    public MalformedRequest(int status, String message) {
        this(status, message, "config", "invalid_command");
    }

    public MalformedRequest(int status, String message, String domain, String errorType) {
        this(status, message, domain, errorType, Map.of(), List.of());
    }

    private MalformedRequest(
            int status,
            String message,
            String domain,
            String errorType,
            Map<String, Object> metadata,
            List<Finding> details) {
        super(message, null, false, false);
        this.status = status;
        this.domain = domain;
        this.errorType = errorType;
        this.metadata = Map.copyOf(metadata);
        this.details = List.copyOf(details);
    }

    /** A 400 about query parameter {@code name}: metadata and details name it. */
    public static MalformedRequest parameter(String name, String message) {
        return new MalformedRequest(
                400,
                "the query parameter " + name + " " + message,
                "config",
                "invalid_command",
                Map.of("parameter", name),
                List.of(new Finding(name, message)));
    }

    public int status() {
        return status;
    }

    public String domain() {
        return domain;
    }

    public String errorType() {
        return errorType;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public List<Finding> details() {
        return details;
    }
}
