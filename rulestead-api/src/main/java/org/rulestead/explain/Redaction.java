package org.rulestead.explain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an explain or simulate request may keep of a context's attributes (spec §4.2). The
 * attributes are seen as {@code {"traits": attributes}}; a leaf is allowed when its dotted path
 * equals an allowed path or lies under it, with or without its first segment (so {@code plan}
 * allows {@code traits.plan}). Lists are leaves.
 *
 * @param audit every leaf not allowed replaced by {@code [REDACTED]}
 * @param telemetry every leaf not allowed dropped
 */
public record Redaction(Map<String, Object> audit, Map<String, Object> telemetry) {

    public static final String REDACTED = "[REDACTED]";

    public static Redaction of(Map<String, Object> attributes, Collection<String> allow) {
        Map<String, Object> root = Map.of("traits", attributes == null ? Map.of() : attributes);
        List<String> allowed = allow == null ? List.of() : List.copyOf(allow);
        return new Redaction(project(root, "", allowed, true), project(root, "", allowed, false));
    }

    private static Map<String, Object> project(Map<?, ?> map, String prefix, List<String> allow, boolean mask) {
        Map<String, Object> projected = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            String path = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                projected.put(String.valueOf(key), project(nested, path, allow, mask));
            } else if (allowed(path, allow)) {
                projected.put(String.valueOf(key), value);
            } else if (mask) {
                projected.put(String.valueOf(key), REDACTED);
            }
        });
        return projected;
    }

    private static boolean allowed(String path, List<String> allow) {
        int dot = path.indexOf('.');
        String withoutFirst = dot < 0 ? null : path.substring(dot + 1);
        for (String allowedPath : allow) {
            if (under(path, allowedPath) || (withoutFirst != null && under(withoutFirst, allowedPath))) {
                return true;
            }
        }
        return false;
    }

    private static boolean under(String path, String allowedPath) {
        return path.equals(allowedPath) || path.startsWith(allowedPath + ".");
    }
}
