package org.rulestead.ruleset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies of JSON-shaped values: frozen (unmodifiable, nulls kept) inside the model, fresh
 * {@link LinkedHashMap}s and {@link ArrayList}s when written. Scalars, numbers included, are kept
 * as they are, so a Long stays a Long and a BigDecimal a BigDecimal.
 */
final class JsonValues {

    private JsonValues() {}

    static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(String.valueOf(key), freeze(element)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(freeze(element)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> freezeObject(Map<?, ?> map) {
        return (Map<String, Object>) freeze(map);
    }

    static Object thaw(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(String.valueOf(key), thaw(element)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(thaw(element)));
            return copy;
        }
        return value;
    }
}
