package org.rulestead.evaluation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The explicit input of one evaluation (spec §2.1), always normalized: identity fields are trimmed
 * strings or null, attributes a map (values kept as given), {@code strict} a boolean. Immutable;
 * it encodes each identity it is bucketed by once and keeps the bytes, so evaluating one context
 * against many flags encodes nothing twice.
 */
public final class EvaluationContext {

    private static final EvaluationContext EMPTY =
            new EvaluationContext(null, null, null, null, Map.of(), null, null, false);

    private final Map<String, Object> actor;
    private final String targetingKey;
    private final String tenantKey;
    private final String environment;
    private final Map<String, Object> attributes;
    private final String requestId;
    private final String sessionId;
    private final boolean strict;

    // UTF-8 of the targeting key, tenant key and session id, made on first use; a race between
    // threads only makes the same bytes twice
    private final byte[][] encodedIdentities = new byte[3][];

    /**
     * @param actor the entity whose experience is decided, a map, or null
     * @param attributes attribute values by name; null is none
     */
    public EvaluationContext(
            Map<String, Object> actor,
            String targetingKey,
            String tenantKey,
            String environment,
            Map<String, Object> attributes,
            String requestId,
            String sessionId,
            boolean strict) {
        this.actor = actor == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(actor));
        this.targetingKey = identity(targetingKey);
        this.tenantKey = identity(tenantKey);
        this.environment = identity(environment);
        this.attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.requestId = identity(requestId);
        this.sessionId = identity(sessionId);
        this.strict = strict;
    }

    public Map<String, Object> actor() {
        return actor;
    }

    public String targetingKey() {
        return targetingKey;
    }

    public String tenantKey() {
        return tenantKey;
    }

    public String environment() {
        return environment;
    }

    public Map<String, Object> attributes() {
        return attributes;
    }

    public String requestId() {
        return requestId;
    }

    public String sessionId() {
        return sessionId;
    }

    public boolean strict() {
        return strict;
    }

    byte[] targetingKeyUtf8() {
        return encoded(0, targetingKey);
    }

    byte[] tenantKeyUtf8() {
        return encoded(1, tenantKey);
    }

    byte[] sessionIdUtf8() {
        return encoded(2, sessionId);
    }

    private byte[] encoded(int slot, String identity) {
        byte[] bytes = encodedIdentities[slot];
        if (bytes == null && identity != null) {
            bytes = identity.getBytes(StandardCharsets.UTF_8);
            encodedIdentities[slot] = bytes;
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EvaluationContext that
                && strict == that.strict
                && Objects.equals(actor, that.actor)
                && Objects.equals(targetingKey, that.targetingKey)
                && Objects.equals(tenantKey, that.tenantKey)
                && Objects.equals(environment, that.environment)
                && attributes.equals(that.attributes)
                && Objects.equals(requestId, that.requestId)
                && Objects.equals(sessionId, that.sessionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(actor, targetingKey, tenantKey, environment, attributes, requestId, sessionId, strict);
    }

    /** Names the identity fields only: attribute values may be personal data. */
    @Override
    public String toString() {
        return "EvaluationContext[targeting_key=" + targetingKey + ", tenant_key=" + tenantKey + ", environment="
                + environment + ", attributes=" + attributes.keySet() + ", strict=" + strict + "]";
    }

    public static EvaluationContext empty() {
        return EMPTY;
    }

    /** A context for one targeting key with attributes, the common case in host code. */
    public static EvaluationContext of(String targetingKey, Map<String, Object> attributes) {
        return new EvaluationContext(null, targetingKey, null, null, attributes, null, null, false);
    }

    public EvaluationContext withStrict(boolean value) {
        return value == strict
                ? this
                : new EvaluationContext(
                        actor, targetingKey, tenantKey, environment, attributes, requestId, sessionId, value);
    }

    /**
     * Normalizes a JSON-shaped context (spec §2.1): {@code subject} is an alias of {@code actor}, a
     * scalar actor becomes {@code {"key": …}}, {@code traits} merge into {@code attributes}
     * (explicit attributes win), the targeting key defaults to the actor's key or id when it is
     * absent or null (a supplied blank key means no identity, not the actor's), identity
     * fields are coerced (strings trimmed, integers and booleans by name; floats, maps and lists
     * are not identities), a list of pairs is a map of attributes, and {@code strict} accepts
     * booleans and "true"/"false". Anything that is not a map is the empty context.
     */
    public static EvaluationContext from(Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            return EMPTY;
        }
        Map<String, Object> actor = actorOf(map.containsKey("actor") ? map.get("actor") : map.get("subject"));
        Map<String, Object> attributes = new LinkedHashMap<>(attributesOf(map.get("traits")));
        attributes.putAll(attributesOf(map.get("attributes")));
        return new EvaluationContext(
                actor,
                scalar(targetingKeyOf(map, actor)),
                scalar(map.get("tenant_key")),
                scalar(map.get("environment")),
                attributes,
                scalar(map.get("request_id")),
                scalar(map.get("session_id")),
                strictOf(map.get("strict")));
    }

    /** The context as the JSON-shaped map {@link #from} reads back to an equal context. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("actor", actor);
        // "" says "supplied, none": a null would let the actor's key back in (spec §2.1 step 3)
        map.put("targeting_key", targetingKey == null && actor != null ? "" : targetingKey);
        map.put("tenant_key", tenantKey);
        map.put("environment", environment);
        map.put("attributes", attributes);
        map.put("request_id", requestId);
        map.put("session_id", sessionId);
        map.put("strict", strict);
        return map;
    }

    /**
     * The targeting key as supplied, else the actor's key, else its id (step 3), before coercion
     * (step 4): a supplied key that coerces to nothing, such as "" or "  ", leaves the context
     * without an identity rather than falling back to the actor. Only an absent or null key is
     * not supplied.
     */
    private static Object targetingKeyOf(Map<?, ?> map, Map<String, Object> actor) {
        Object supplied = map.get("targeting_key");
        if (supplied != null || actor == null) {
            return supplied;
        }
        Object key = actor.get("key");
        return key != null ? key : actor.get("id");
    }

    private static Map<String, Object> actorOf(Object raw) {
        if (raw instanceof Map<?, ?> map) {
            return stringKeys(map);
        }
        String key = raw instanceof String text ? text : scalar(raw);
        if (key == null) {
            return null;
        }
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("key", key);
        return actor;
    }

    private static Map<String, Object> attributesOf(Object raw) {
        if (raw instanceof Map<?, ?> map) {
            return stringKeys(map);
        }
        if (raw instanceof List<?> pairs) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Object pair : pairs) {
                if (pair instanceof List<?> entry && entry.size() == 2 && entry.get(0) != null) {
                    map.put(String.valueOf(entry.get(0)), entry.get(1));
                } else {
                    return Map.of();
                }
            }
            return map;
        }
        return Map.of();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    /**
     * An identity field: strings trimmed (empty is null), integers in decimal, booleans by name.
     * Floats are refused as identities (the reference renders them in Erlang's scientific form).
     */
    static String scalar(Object raw) {
        if (raw instanceof String text) {
            return identity(text);
        }
        if (raw instanceof Boolean || Values.isIntegral(raw)) {
            return raw.toString();
        }
        if (raw instanceof BigDecimal decimal && decimal.scale() <= 0) {
            return decimal.toBigInteger().toString();
        }
        return null;
    }

    private static String identity(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static boolean strictOf(Object raw) {
        if (raw instanceof Boolean bool) {
            return bool;
        }
        return "true".equals(raw);
    }
}
