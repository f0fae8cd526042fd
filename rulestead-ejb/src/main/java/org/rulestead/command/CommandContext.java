package org.rulestead.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Why and through what a command arrived: the operator's reason, the caller's request id (which
 * becomes the correlation id tying every audit row of one workflow together), the source
 * ({@code admin_api}, {@code admin_ui}, ...) and the caller's own annotations ({@code metadata},
 * e.g. a ticket number), which the audit trail keeps redacted (spec §7.3).
 *
 * <p>{@code refusal} is what is wrong with the command as it was sent, if anything (a body that is
 * not JSON, fields the command does not have), or null: {@code Authorization} raises it once
 * the caller is known to be allowed to send the command at all, so a caller without the
 * capability is refused as such, and audited, whatever the body holds (decisions 18).
 */
public record CommandContext(
        String reason, String requestId, String source, Map<String, Object> metadata, CommandRejected refusal) {

    private static final Pattern REQUEST_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

    public CommandContext {
        reason = reason == null || reason.isBlank() ? null : reason.trim();
        // one id for every audit row of this command, even when the caller sent none
        requestId = requestId != null && REQUEST_ID.matcher(requestId).matches()
                ? requestId
                : UUID.randomUUID().toString();
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public CommandContext(String reason, String requestId, String source, Map<String, Object> metadata) {
        this(reason, requestId, source, metadata, null);
    }

    public CommandContext(String reason, String requestId, String source) {
        this(reason, requestId, source, Map.of());
    }

    /** The correlation id of this command's audit rows: the caller's request id, or one made for it. */
    public String correlationId() {
        return requestId;
    }

    /**
     * The command's context as audit metadata keeps it (spec §7.2 {@code context}): the caller's
     * annotations, redacted, with the request id and source.
     */
    public Map<String, Object> auditContext() {
        Map<String, Object> context = new LinkedHashMap<>(AuditRedaction.redact(metadata));
        context.put("request_id", requestId);
        if (source != null) {
            context.put("source", source);
        }
        return context;
    }

    /** The reason, or 422 without one: risky commands are explained in the audit trail. */
    public String requireReason() {
        if (reason == null || reason.isBlank()) {
            throw CommandRejected.reasonRequired();
        }
        return reason;
    }

    /** The same command with another reason. */
    public CommandContext withReason(String newReason) {
        return new CommandContext(newReason, requestId, source, metadata, refusal);
    }

    /** The same command, known to be refused with {@code refused} once its caller is authorized. */
    public CommandContext refusedWith(CommandRejected refused) {
        return new CommandContext(reason, requestId, source, metadata, refused);
    }

    public static CommandContext of(String reason, String source) {
        return new CommandContext(reason, null, source);
    }
}
