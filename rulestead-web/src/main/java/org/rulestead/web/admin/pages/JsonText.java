package org.rulestead.web.admin.pages;

import jakarta.json.JsonException;
import java.util.Arrays;
import java.util.List;
import org.rulestead.json.JsonTrees;
import org.rulestead.model.WireNamed;

/** Values typed into admin forms: JSON where it parses, the text itself where it does not. */
final class JsonText {

    private JsonText() {}

    /**
     * The JSON value of {@code text}, or the text itself: the service's validation then says the
     * value is not of the flag's type, at the field.
     */
    static Object readOrKeep(String text) {
        try {
            return JsonTrees.read(text);
        } catch (JsonException notJson) {
            return text;
        }
    }

    /** Compact JSON of a value, for a form field. */
    static String write(Object value) {
        return value == null ? "" : JsonTrees.write(value);
    }

    static List<String> wireNames(WireNamed... values) {
        return Arrays.stream(values).map(WireNamed::wireName).toList();
    }
}
