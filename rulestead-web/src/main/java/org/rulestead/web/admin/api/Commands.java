package org.rulestead.web.admin.api;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.command.ReadVersion;
import org.rulestead.validation.Finding;
import org.rulestead.web.json.JsonBodies;
import org.rulestead.web.json.MalformedRequest;

/**
 * A command as the admin API receives it: its body, read within {@link JsonBodies}' bounds, and
 * the context it becomes (reason, request id, the caller's {@code metadata}). What is wrong with
 * the body (it is not JSON, it has fields the command does not take, a field of the wrong kind)
 * is not answered here but carried in the context, and answered by the service once the caller is
 * authorized (decisions 18): a caller without the capability gets 403, audited, whatever the body
 * holds.
 *
 * <p>Every command body takes {@code reason} and {@code metadata}; each endpoint names its other
 * fields ({@link #ANY} for the few whose service checks the fields itself).
 */
final class Commands {

    static final String SOURCE = "admin_api";

    /** For bodies whose fields the service checks itself (a flag update, a draft, a new flag). */
    static final List<String> ANY = null;

    private static final List<String> ALWAYS = List.of("reason", "metadata");

    private final Map<String, Object> body;
    private final List<String> fields;
    private final String requestId;
    private final CommandRejected unreadable;
    private final List<Finding> findings = new ArrayList<>();
    private String fallbackReason;

    private Commands(Map<String, Object> body, List<String> fields, String requestId, CommandRejected unreadable) {
        this.body = body;
        this.fields = fields;
        this.requestId = requestId;
        this.unreadable = unreadable;
    }

    /** A command whose body is required, taking {@code fields} besides reason and metadata. */
    static Commands read(InputStream body, String requestId, List<String> fields) {
        return read(body, true, requestId, fields);
    }

    /**
     * A command whose body clients may leave out (DELETE): an empty body is an empty object, and
     * the reason may come as {@code ?reason=} instead.
     */
    static Commands readOptional(InputStream body, String queryReason, String requestId, List<String> fields) {
        Commands command = read(body, false, requestId, fields);
        command.fallbackReason = queryReason;
        return command;
    }

    private static Commands read(InputStream body, boolean required, String requestId, List<String> fields) {
        try {
            String text = JsonBodies.text(body);
            if (text.isBlank()) {
                if (required) {
                    return unreadable(requestId, fields, 400, "the request body is empty: send a JSON object");
                }
                return new Commands(Map.of(), fields, requestId, null);
            }
            return new Commands(JsonBodies.parse(text), fields, requestId, null);
        } catch (MalformedRequest malformed) {
            return unreadable(requestId, fields, malformed.status(), malformed.getMessage());
        }
    }

    private static Commands unreadable(String requestId, List<String> fields, int status, String message) {
        return new Commands(
                Map.of(), fields, requestId, new CommandRejected.Malformed(status, message, Map.of(), List.of()));
    }

    /** The body as read (empty when it could not be). */
    Map<String, Object> body() {
        return body;
    }

    /** The body without the fields the API itself takes ({@code reason}, {@code metadata}, {@code version}). */
    Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>(body);
        document.keySet().removeAll(ALWAYS);
        document.remove("version");
        return document;
    }

    /** The trimmed text at {@code field}, null when absent or blank; anything but text is a finding. */
    String text(String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            findings.add(new Finding(field, "must be a string"));
            return null;
        }
        return text.isBlank() ? null : text.trim();
    }

    /** The object at {@code field}, empty when absent; anything but an object is a finding. */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(String field, String example) {
        Object value = body.get(field);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            findings.add(new Finding(field, "must be an object, e.g. " + example));
            return Map.of();
        }
        return (Map<String, Object>) value;
    }

    /** The whole number at {@code field}, null when absent or not one (the service says what it needs). */
    Integer wholeNumber(String field) {
        return body.get(field) instanceof Number number
                        && number.doubleValue() == Math.rint(number.doubleValue())
                        && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE
                ? number.intValue()
                : null;
    }

    /** The version the caller read, from the body's {@code version} or {@code If-Match}. */
    ReadVersion version(String ifMatch) {
        return Versions.read(body.containsKey("version"), body.get("version"), ifMatch);
    }

    /** The context the service gets, carrying this command's refusal, if it has one. */
    CommandContext context() {
        String reason = text("reason");
        Map<String, Object> metadata = object("metadata", "{\"ticket\": \"OPS-1\"}");
        if (fields != ANY) {
            body.keySet().stream()
                    .filter(field -> !fields.contains(field) && !ALWAYS.contains(field))
                    .forEach(field -> findings.add(new Finding(field, unknown())));
        }
        CommandContext context =
                new CommandContext(reason == null ? fallbackReason : reason, requestId, SOURCE, metadata, refusal());
        return context;
    }

    private String unknown() {
        List<String> taken = new ArrayList<>(fields);
        taken.addAll(ALWAYS);
        return "is not a field of this command (it takes " + String.join(", ", taken) + ")";
    }

    private CommandRejected refusal() {
        if (unreadable != null) {
            return unreadable;
        }
        if (findings.isEmpty()) {
            return null;
        }
        return CommandRejected.invalid("the command is invalid", List.copyOf(new LinkedHashMap<>(index()).values()));
    }

    /** One finding per field, the first said. */
    private Map<String, Finding> index() {
        Map<String, Finding> byField = new LinkedHashMap<>();
        findings.forEach(finding -> byField.putIfAbsent(finding.field(), finding));
        return byField;
    }
}
