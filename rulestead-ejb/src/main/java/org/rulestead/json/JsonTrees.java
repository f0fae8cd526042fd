package org.rulestead.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between JSON-P values and the plain Java values the engine works with: {@code null},
 * Boolean, String, Long or BigDecimal, {@code Map<String, Object>} (insertion-ordered), List.
 */
public final class JsonTrees {

    // looked up once: Json.createX() looks the provider up on every call, which shows on the evaluation path
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonTrees() {}

    /** The plain Java value of a JSON-P value. */
    public static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> number((JsonNumber) value);
            case ARRAY -> value.asJsonArray().stream().map(JsonTrees::toJava).toList();
            case OBJECT -> object(value.asJsonObject());
        };
    }

    /** The JSON-P value of a plain Java value; dates and times become their ISO-8601 text. */
    public static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof String text) {
            return JSON.createValue(text);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger integer) {
            return JSON.createValue(integer);
        }
        if (value instanceof BigDecimal decimal) {
            return JSON.createValue(decimal);
        }
        if (value instanceof Number number) {
            return JSON.createValue(number.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            map.forEach((key, entry) -> object.add(String.valueOf(key), toJson(entry)));
            return object.build();
        }
        if (value instanceof Iterable<?> list) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            list.forEach(entry -> array.add(toJson(entry)));
            return array.build();
        }
        if (value instanceof Enum<?> constant) {
            return JSON.createValue(constant.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (value instanceof TemporalAccessor || value instanceof java.util.UUID) {
            return JSON.createValue(value.toString());
        }
        throw new IllegalArgumentException(
                "not a JSON-shaped value: " + value.getClass().getName());
    }

    /** Compact JSON text. */
    public static String write(Object value) {
        return toJson(value).toString();
    }

    /** The plain Java value of JSON text. */
    public static Object read(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return toJava(reader.readValue());
        }
    }

    /** The plain Java map of a JSON object. */
    public static Map<String, Object> object(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((key, entry) -> map.put(key, toJava(entry)));
        return map;
    }

    /** The plain Java list of a JSON array. */
    public static List<Object> list(JsonArray array) {
        List<Object> list = new ArrayList<>(array.size());
        array.forEach(entry -> list.add(toJava(entry)));
        return list;
    }

    private static Object number(JsonNumber number) {
        if (number.isIntegral()) {
            BigInteger integer = number.bigIntegerValue();
            return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
        }
        return number.bigDecimalValue();
    }
}
