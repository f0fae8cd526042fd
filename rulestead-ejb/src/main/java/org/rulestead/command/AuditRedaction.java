package org.rulestead.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What of a caller's command metadata may reach the audit trail (spec §7.3): keys that carry
 * sessions, tokens, e-mail addresses or phone numbers are dropped at every level; of the rest,
 * only allowlisted leaves keep their value, every other becomes {@code [REDACTED]} (the structure
 * is kept, so an auditor sees what was sent, not its content).
 */
public final class AuditRedaction {

    public static final String REDACTED = "[REDACTED]";

    /** Leaves whose values are kept, as dotted paths. */
    static final Set<String> ALLOWLIST = Set.of(
            "request_id",
            "source",
            "reason",
            "emergency_reason",
            "targeting_key",
            "plan",
            "nested.region",
            "webhook_provider",
            "webhook_delivery_id",
            "webhook_receipt_id",
            "correlation_id",
            "environment_key",
            "ticket");

    private static final Set<String> DROPPED =
            Set.of("session", "session_data", "session_id", "session_token", "socket_session", "email", "phone");

    private AuditRedaction() {}

    public static Map<String, Object> redact(Map<String, ?> metadata) {
        return redact(metadata, "");
    }

    private static Map<String, Object> redact(Map<?, ?> map, String prefix) {
        Map<String, Object> kept = new LinkedHashMap<>();
        map.forEach((rawKey, value) -> {
            String key = String.valueOf(rawKey);
            String lower = key.toLowerCase(Locale.ROOT);
            if (DROPPED.contains(lower) || lower.contains("token")) {
                return;
            }
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                kept.put(key, redact(nested, path));
            } else if (value instanceof List<?> list) {
                kept.put(key, ALLOWLIST.contains(path) ? list : REDACTED);
            } else {
                kept.put(key, ALLOWLIST.contains(path) ? value : REDACTED);
            }
        });
        return kept;
    }
}
