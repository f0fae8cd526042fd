package org.rulestead.web.json;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.rulestead.json.JsonTrees;

/** Reads a request body as one JSON object, refusing bodies that are malformed or too large. */
public final class JsonBodies {

    /** Large enough for a ruleset of hundreds of rules; small enough that nobody can exhaust memory. */
    public static final int MAX_BYTES = 1024 * 1024;

    // made once: a provider lookup per request is measurable on the evaluation path
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

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
    public static Map<String, Object> parse(String text) {
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new MalformedRequest(
                    400,
                    "the request body is not valid JSON (line "
                            + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber() + ")");
        } catch (JsonException e) {
            throw new MalformedRequest(400, "the request body is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedRequest(400, "the request body must be a JSON object");
        }
        return JsonTrees.object(value.asJsonObject());
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
}
