package org.rulestead.web.json;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies as JSON, within bounds every JSON endpoint shares (see {@code
 * docs/security.md}): at most {@value #MAX_BYTES} bytes (413), nested at most {@value #MAX_DEPTH}
 * objects and arrays deep, numbers of at most {@value #MAX_NUMBER_LENGTH} characters (exponent
 * within ±{@value #MAX_SCALE}), and exactly
 * one value (400 otherwise). Values come out as the engine's plain Java values (see {@code
 * JsonTrees}): Map, List, String, Long or BigInteger, BigDecimal, Boolean, null.
 */
public final class JsonBodies {

    /** Large enough for a ruleset of hundreds of rules; small enough that nobody can exhaust memory. */
    public static final int MAX_BYTES = 1024 * 1024;

    /**
     * Deeper than any document Rulestead reads (a ruleset is about six levels; JSON flag values
     * and context attributes have room to spare), shallow enough that no reader of it recurses
     * out of stack.
     */
    public static final int MAX_DEPTH = 64;

    /** A number's text: enough for any long or decimal; a longer one is an attack on BigDecimal. */
    public static final int MAX_NUMBER_LENGTH = 100;

    /** A number's decimal exponent, either way: far past any double. */
    public static final int MAX_SCALE = 1000;

    // made once: a provider lookup per request is measurable on the evaluation path
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private JsonBodies() {}

    public static Map<String, Object> object(InputStream body) {
        String text = text(body);
        if (text.isBlank()) {
            throw new MalformedRequest(400, "the request body is empty: send a JSON object");
        }
        return parse(text);
    }

    /** As {@link #object}, but an empty body is an empty object (for DELETE and similar). */
    public static Map<String, Object> optionalObject(InputStream body) {
        String text = text(body);
        return text.isBlank() ? Map.of() : parse(text);
    }

    /** Parses a body already read (see {@link #text}) as one JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text) {
        Object value = value(text);
        if (!(value instanceof Map<?, ?>)) {
            throw new MalformedRequest(400, "the request body must be a JSON object");
        }
        return (Map<String, Object>) value;
    }

    /** One JSON value of any kind, within the same bounds. */
    public static Object value(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new MalformedRequest(400, "the request body is empty: send a JSON object");
            }
            Object value = read(parser, parser.next(), 0);
            if (parser.hasNext()) {
                throw new MalformedRequest(400, "the request body holds more than one JSON value");
            }
            return value;
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedRequest(
                    400,
                    at == null
                            ? "the request body is not valid JSON"
                            : "the request body is not valid JSON (line " + at.getLineNumber() + ", column "
                                    + at.getColumnNumber() + ")");
        } catch (JsonException | IllegalStateException | ArithmeticException | NumberFormatException e) {
            throw new MalformedRequest(400, "the request body is not valid JSON");
        }
    }

    /** The body as text, refusing bodies over {@value #MAX_BYTES} bytes (413). */
    public static String text(InputStream body) {
        if (body == null) {
            return "";
        }
        try (InputStream in = body) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (bytes.size() + read > MAX_BYTES) {
                    throw new MalformedRequest(413, "the request body is larger than " + MAX_BYTES + " bytes");
                }
                bytes.write(buffer, 0, read);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MalformedRequest(400, "the request body could not be read");
        }
    }

    /** The value that starts with {@code event}, {@code depth} containers down. */
    private static Object read(JsonParser parser, JsonParser.Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(parser, depth + 1);
            case START_ARRAY -> array(parser, depth + 1);
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER -> number(parser);
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new MalformedRequest(400, "the request body is not valid JSON");
        };
    }

    private static Map<String, Object> object(JsonParser parser, int depth) {
        requireDepth(depth);
        Map<String, Object> object = new LinkedHashMap<>();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) {
                return object;
            }
            String key = parser.getString();
            object.put(key, read(parser, parser.next(), depth));
        }
    }

    private static List<Object> array(JsonParser parser, int depth) {
        requireDepth(depth);
        List<Object> array = new ArrayList<>();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_ARRAY) {
                return array;
            }
            array.add(read(parser, event, depth));
        }
    }

    private static void requireDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedRequest(
                    400, "the request body is nested deeper than " + MAX_DEPTH + " objects and arrays");
        }
    }

    /** As {@code JsonTrees} reads numbers: whole ones as Long (BigInteger past 64 bits), others as BigDecimal. */
    private static Object number(JsonParser parser) {
        String digits = parser.getString();
        if (digits.length() > MAX_NUMBER_LENGTH) {
            throw new MalformedRequest(
                    400, "the request body holds a number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        BigDecimal decimal = new BigDecimal(digits);
        // 1e999999999 is short, but turning it into a whole number is not
        if (Math.abs(decimal.scale()) > MAX_SCALE) {
            throw new MalformedRequest(
                    400, "the request body holds a number out of range (exponent past " + MAX_SCALE + ")");
        }
        if (decimal.scale() != 0) {
            return decimal;
        }
        BigInteger integer = decimal.toBigInteger();
        return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
    }
}
