package org.rulestead.ruleset;

import java.util.Map;
import java.util.Objects;

/**
 * The fields of one authored object that the model does not carry, kept as read and written back
 * unchanged: fields it does not know (a newer client's, a stored row's {@code version}), and
 * fields spelt without content (an explicit {@code null}, an empty optional list), so that a
 * round trip returns the document as it came. The admin editor relies on it: what it does not
 * show is kept on save.
 */
public record Extras(Map<String, Object> fields) {

    public static final Extras NONE = new Extras(Map.of());

    public Extras {
        Objects.requireNonNull(fields, "fields are required (Extras.NONE for none)");
        fields = JsonValues.freezeObject(fields);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Adds the kept fields the model did not write itself: the model's own values win. */
    void writeInto(Map<String, Object> document) {
        fields.forEach((field, value) -> document.putIfAbsent(field, JsonValues.thaw(value)));
    }

    static Extras orNone(Extras extras) {
        return extras == null ? NONE : extras;
    }
}
