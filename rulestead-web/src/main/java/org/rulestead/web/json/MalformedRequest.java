package org.rulestead.web.json;

/**
 * The request body is not what the endpoint reads (not JSON, not an object, too large, or a
 * document that cannot be used), with the spec's error domain and type for the problem.
 */
public final class MalformedRequest extends RuntimeException {

    private final int status;
    private final String domain;
    private final String errorType;

    public MalformedRequest(int status, String message) {
        this(status, message, "config", "invalid_command");
    }

    public MalformedRequest(int status, String message, String domain, String errorType) {
        super(message, null, false, false);
        this.status = status;
        this.domain = domain;
        this.errorType = errorType;
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
}
