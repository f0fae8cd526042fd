package org.rulestead.evaluation;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads JSON test data into the JSON-shaped Java values the engine takes (Long or BigDecimal numbers). */
public final class JsonDocuments {

    private JsonDocuments() {}

    public static Object parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return toJava(reader.readValue());
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> resource(Class<?> near, String name) {
        try (InputStream in = near.getResourceAsStream(name)) {
            if (in == null) {
                throw new UncheckedIOException(new java.io.FileNotFoundException(name));
            }
            try (JsonReader reader = Json.createReader(in)) {
                return (Map<String, Object>) toJava(reader.readValue());
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                yield number.isIntegral() ? (Object) number.longValue() : number.bigDecimalValue();
            }
            case ARRAY -> value.asJsonArray().stream()
                    .map(JsonDocuments::toJava)
                    .toList();
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((key, entry) -> map.put(key, toJava(entry)));
                yield map;
            }
        };
    }
}
