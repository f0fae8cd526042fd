package org.rulestead.command;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Why and through what a command arrived: the operator's reason, the caller's request id (which
 * becomes the correlation id tying every audit row of one workflow together) and the source
 * ({@code admin_api}, {@code admin_ui}, ...).
 */
public record CommandContext(String reason, String requestId, String source) {

    private static final Pattern REQUEST_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

    public CommandContext {
        reason = reason == null || reason.isBlank() ? null : reason.trim();
        requestId = requestId != null && REQUEST_ID.matcher(requestId).matches() ? requestId : null;
    }

    /** The correlation id of this command's audit rows: the request id, or a fresh one. */
    public String correlationId() {
        return requestId != null ? requestId : UUID.randomUUID().toString();
    }

    public static CommandContext of(String reason, String source) {
        return new CommandContext(reason, null, source);
    }
}
