package org.rulestead.ruleset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.rulestead.model.WireNamed;

/**
 * Reads the fields of one JSON object of a ruleset tree for {@link RulesetCodec}. A field the
 * model carries is consumed; whatever is not consumed (unknown fields, an explicit {@code null},
 * an empty optional list) becomes the object's {@link Extras}, so writing it back restores it.
 */
final class TreeReader {

    private final Map<?, ?> object;
    private final String path;
    private final Set<String> consumed = new HashSet<>();

    private TreeReader(Map<?, ?> object, String path) {
        this.object = object;
        this.path = path;
    }

    /** A reader of {@code tree}, which must be an object; {@code path} names it in problems. */
    static TreeReader of(Object tree, String path) {
        if (!(tree instanceof Map<?, ?> map)) {
            throw new MalformedRulesetException(path, "must be an object");
        }
        return new TreeReader(map, path);
    }

    String path() {
        return path;
    }

    String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    String requiredText(String field) {
        String text = optionalText(field);
        if (text == null) {
            throw missing(field);
        }
        return text;
    }

    String optionalText(String field) {
        return optional(field, String.class, "must be a string");
    }

    Number requiredNumber(String field) {
        Number number = optionalNumber(field);
        if (number == null) {
            throw missing(field);
        }
        return number;
    }

    Number optionalNumber(String field) {
        return optional(field, Number.class, "must be a number");
    }

    Boolean optionalBoolean(String field) {
        return optional(field, Boolean.class, "must be true or false");
    }

    /** A name of a closed vocabulary; surrounding blanks are dropped, as validation allows them. */
    <E extends Enum<E> & WireNamed> E requiredName(String field, Class<E> vocabulary) {
        E name = optionalName(field, vocabulary);
        if (name == null) {
            throw missing(field);
        }
        return name;
    }

    <E extends Enum<E> & WireNamed> E optionalName(String field, Class<E> vocabulary) {
        String text = optionalText(field);
        if (text == null) {
            return null;
        }
        return WireNamed.parse(vocabulary, text)
                .orElseThrow(() -> new MalformedRulesetException(
                        pathOf(field), "must be one of " + String.join(", ", WireNamed.wireNames(vocabulary))));
    }

    /** The object at {@code field}, frozen as it is (a condition's operand, say). */
    Map<String, Object> requiredObject(String field) {
        Object value = object.get(field);
        if (value == null) {
            throw missing(field);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new MalformedRulesetException(pathOf(field), "must be an object");
        }
        consumed.add(field);
        return JsonValues.freezeObject(map);
    }

    /** Any JSON value at {@code field}, frozen; null when absent or null. */
    Object optionalValue(String field) {
        Object value = object.get(field);
        if (value == null) {
            return null;
        }
        consumed.add(field);
        return JsonValues.freeze(value);
    }

    /**
     * The served value this object is: exactly {@code {"value": v}}, v possibly null. It has no
     * extras: validation refuses any other field in it.
     */
    ServedValue servedValue() {
        if (!object.containsKey("value")) {
            throw new MalformedRulesetException(path, "must be an object {\"value\": …}");
        }
        for (Object field : object.keySet()) {
            if (!"value".equals(field)) {
                throw new MalformedRulesetException(
                        pathOf(String.valueOf(field)), "is not a field here: a value is {\"value\": …}");
            }
        }
        return new ServedValue(object.get("value"));
    }

    boolean has(String field) {
        return object.get(field) != null;
    }

    /** The object at {@code field} read by {@code read}; it must be present. */
    <T> T requiredBlock(String field, Function<TreeReader, T> read) {
        if (!has(field)) {
            throw missing(field);
        }
        return optionalBlock(field, read);
    }

    <T> T optionalBlock(String field, Function<TreeReader, T> read) {
        Object value = object.get(field);
        if (value == null) {
            return null;
        }
        consumed.add(field);
        return read.apply(of(value, pathOf(field)));
    }

    /** The objects of the list at {@code field}, each read at its {@code field[i]} path; it must be present. */
    <T> List<T> requiredList(String field, Function<TreeReader, T> read) {
        if (!has(field)) {
            throw missing(field);
        }
        consumed.add(field);
        return list(field, read);
    }

    /** Like {@link #requiredList}, but absent is empty; an empty list stays an extra as spelt. */
    <T> List<T> optionalList(String field, Function<TreeReader, T> read) {
        if (!has(field)) {
            return List.of();
        }
        List<T> elements = list(field, read);
        if (!elements.isEmpty()) {
            consumed.add(field);
        }
        return elements;
    }

    private <T> List<T> list(String field, Function<TreeReader, T> read) {
        if (!(object.get(field) instanceof List<?> list)) {
            throw new MalformedRulesetException(pathOf(field), "must be a list");
        }
        List<T> elements = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            elements.add(read.apply(of(list.get(i), pathOf(field) + "[" + i + "]")));
        }
        return elements;
    }

    /** Everything of the object the model did not consume, in the object's order. */
    Extras extras() {
        Map<String, Object> rest = new LinkedHashMap<>();
        object.forEach((field, value) -> {
            if (!consumed.contains(String.valueOf(field))) {
                rest.put(String.valueOf(field), value);
            }
        });
        return rest.isEmpty() ? Extras.NONE : new Extras(rest);
    }

    private <T> T optional(String field, Class<T> type, String problem) {
        Object value = object.get(field);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw new MalformedRulesetException(pathOf(field), problem);
        }
        consumed.add(field);
        return type.cast(value);
    }

    private MalformedRulesetException missing(String field) {
        return new MalformedRulesetException(pathOf(field), "is required");
    }
}
