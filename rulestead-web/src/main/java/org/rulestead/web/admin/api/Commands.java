package org.rulestead.web.admin.api;

import java.util.Map;
import org.rulestead.command.CommandContext;

/** Builds the command context of an admin API call from its body and headers. */
final class Commands {

    static final String SOURCE = "admin_api";

    private Commands() {}

    /** The reason and the caller's {@code metadata} annotations from the body, the request id from the header. */
    @SuppressWarnings("unchecked")
    static CommandContext context(Map<String, Object> body, String requestId) {
        Map<String, Object> metadata =
                body.get("metadata") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        return new CommandContext(text(body, "reason"), requestId, SOURCE, metadata);
    }

    /**
     * For DELETE, whose body clients may not send: the reason from the body, else from {@code
     * ?reason=}.
     */
    static CommandContext context(java.io.InputStream body, String queryReason, String requestId) {
        CommandContext context = context(org.rulestead.web.json.JsonBodies.optionalObject(body), requestId);
        return context.reason() == null && queryReason != null ? context.withReason(queryReason) : context;
    }

    static String text(Map<String, Object> body, String field) {
        return body.get(field) instanceof String value && !value.isBlank() ? value.trim() : null;
    }
}
