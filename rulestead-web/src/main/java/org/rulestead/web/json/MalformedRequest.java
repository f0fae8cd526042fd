package org.rulestead.web.json;

/** The request body is not what the endpoint reads (not JSON, not an object, too large). */
public final class MalformedRequest extends RuntimeException {

    private final int status;

    public MalformedRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
