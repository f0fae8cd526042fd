package org.rulestead.ruleset;

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

/** JSON test data as the JSON-shaped trees the REST layer hands over (Long or BigDecimal numbers). */
final class Trees {

    private Trees() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return (Map<String, Object>) toJava(reader.readValue());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resource(String path) {
        try (InputStream in = Trees.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new UncheckedIOException(new java.io.FileNotFoundException(path));
            }
            try (JsonReader reader = Json.createReader(in)) {
                return (Map<String, Object>) toJava(reader.readValue());
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                yield number.isIntegral() ? (Object) number.longValue() : number.bigDecimalValue();
            }
            case ARRAY -> value.asJsonArray().stream().map(Trees::toJava).toList();
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((key, entry) -> map.put(key, toJava(entry)));
                yield map;
            }
        };
    }
}
