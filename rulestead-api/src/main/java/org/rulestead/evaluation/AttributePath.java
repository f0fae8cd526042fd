package org.rulestead.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a condition's attribute comes from (spec §2.4), resolved once when the flag is compiled:
 * {@code actor}, a context field, a plain attribute name, {@code attributes.a.b} or {@code
 * actor.a.b}. Any other dotted path resolves to null.
 */
final class AttributePath {

    private enum Kind {
        NOTHING,
        ACTOR,
        CONTEXT_FIELD,
        NAME,
        CONTEXT_FIELD_OR_NAME,
        NESTED_ATTRIBUTE,
        NESTED_ACTOR
    }

    private static final List<String> CONTEXT_FIELDS =
            List.of("targeting_key", "tenant_key", "environment", "request_id", "session_id");
    private static final AttributePath NOTHING = new AttributePath(Kind.NOTHING, null, new String[0]);

    private final Kind kind;
    private final String name;
    private final String[] segments;

    private AttributePath(Kind kind, String name, String[] segments) {
        this.kind = kind;
        this.name = name;
        this.segments = segments;
    }

    static AttributePath of(Object attribute) {
        if (!(attribute instanceof String path)) {
            return NOTHING;
        }
        if (CONTEXT_FIELDS.contains(path)) {
            return new AttributePath(Kind.CONTEXT_FIELD, path, new String[0]);
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return NOTHING;
        }
        String first = parts.get(0);
        if (parts.size() == 1) {
            if (first.equals("actor")) {
                return new AttributePath(Kind.ACTOR, first, new String[0]);
            }
            // a context field name with stray dots takes the reference's generic branch
            Kind kind = CONTEXT_FIELDS.contains(first) ? Kind.CONTEXT_FIELD_OR_NAME : Kind.NAME;
            return new AttributePath(kind, first, new String[0]);
        }
        String[] rest = parts.subList(1, parts.size()).toArray(String[]::new);
        return switch (first) {
            case "attributes" -> new AttributePath(Kind.NESTED_ATTRIBUTE, first, rest);
            case "actor" -> new AttributePath(Kind.NESTED_ACTOR, first, rest);
            default -> NOTHING;
        };
    }

    Object resolve(EvaluationContext context) {
        return switch (kind) {
            case NOTHING -> null;
            case ACTOR -> context.actor();
            case CONTEXT_FIELD -> contextField(context, name);
            case NAME -> context.attributes().get(name);
            case CONTEXT_FIELD_OR_NAME -> {
                Object field = contextField(context, name);
                yield field != null ? field : context.attributes().get(name);
            }
            case NESTED_ATTRIBUTE -> nested(context.attributes(), segments);
            case NESTED_ACTOR -> nested(context.actor(), segments);
        };
    }

    private static Object contextField(EvaluationContext context, String field) {
        return switch (field) {
            case "targeting_key" -> context.targetingKey();
            case "tenant_key" -> context.tenantKey();
            case "environment" -> context.environment();
            case "request_id" -> context.requestId();
            case "session_id" -> context.sessionId();
            default -> null;
        };
    }

    private static Object nested(Object root, String[] path) {
        Object current = root;
        for (String segment : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(segment);
        }
        return current;
    }
}
