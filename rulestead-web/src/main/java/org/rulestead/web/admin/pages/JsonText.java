package org.rulestead.web.admin.pages;

import java.util.Arrays;
import java.util.List;
import org.rulestead.json.JsonTrees;
import org.rulestead.model.WireNamed;

/** Values as admin pages show them: compact JSON, and the wire names of enumerations. */
final class JsonText {

    private JsonText() {}

    /** Compact JSON of a value, for a form field. */
    static String write(Object value) {
        return value == null ? "" : JsonTrees.write(value);
    }

    static List<String> wireNames(WireNamed... values) {
        return Arrays.stream(values).map(WireNamed::wireName).toList();
    }
}
