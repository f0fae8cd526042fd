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
        // one id for every audit row of this command, even when the caller sent none
        requestId = requestId != null && REQUEST_ID.matcher(requestId).matches()
                ? requestId
                : UUID.randomUUID().toString();
    }

    /** The correlation id of this command's audit rows: the caller's request id, or one made for it. */
    public String correlationId() {
        return requestId;
    }

    /** The command's context as audit metadata keeps it (spec §7.2 {@code context}): ids and source only. */
    public java.util.Map<String, Object> auditContext() {
        java.util.Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        metadata.put("request_id", requestId);
        if (source != null) {
            metadata.put("source", source);
        }
        return metadata;
    }

    public static CommandContext of(String reason, String source) {
        return new CommandContext(reason, null, source);
    }
}
