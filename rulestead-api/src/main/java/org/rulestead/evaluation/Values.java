package org.rulestead.evaluation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The value semantics of the reference evaluator over JSON-shaped Java values ({@code null},
 * Boolean, String, Number, Map, List): value extraction, truthiness and lane-strict equality.
 */
final class Values {

    private Values() {}

    /** {@code {"value": v}} gives {@code v} (which may be null); anything else is itself. */
    static Object extract(Object wrapped) {
        if (wrapped instanceof Map<?, ?> map && map.containsKey("value")) {
            return map.get("value");
        }
        return wrapped;
    }

    /** Booleans are themselves, null is false, every other value (0, "", "false", {}) is true. */
    static boolean truthy(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        return value != null;
    }

    /**
     * Equality within one lane (string, number, boolean, other): no coercion between lanes, an
     * integer equals a float of the same value, maps and lists compare deeply, null equals nothing.
     */
    static boolean sameLane(Object actual, Object expected) {
        if (actual == null || expected == null) {
            return false;
        }
        return deepEqual(actual, expected);
    }

    private static boolean deepEqual(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!y.containsKey(entry.getKey()) || !nullSafeDeepEqual(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> left = x.iterator();
            Iterator<?> right = y.iterator();
            while (left.hasNext()) {
                if (!nullSafeDeepEqual(left.next(), right.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof String || a instanceof Boolean) {
            return a.equals(b);
        }
        return false;
    }

    private static boolean nullSafeDeepEqual(Object a, Object b) {
        return a == null ? b == null : b != null && deepEqual(a, b);
    }

    static boolean isNumber(Object value) {
        return value instanceof Number
                && !(value instanceof Double d && d.isNaN())
                && !(value instanceof Float f && f.isNaN());
    }

    static boolean isIntegral(Object value) {
        return value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger;
    }

    /** Numeric order of two numbers of any Java number type (integers and floats together). */
    static int compareNumbers(Number x, Number y) {
        if (isSmallIntegral(x) && isSmallIntegral(y)) {
            return Long.compare(x.longValue(), y.longValue());
        }
        if ((x instanceof Double || x instanceof Float) && (y instanceof Double || y instanceof Float)) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return decimal(x).compareTo(decimal(y));
    }

    private static boolean isSmallIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (isSmallIntegral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(n.doubleValue());
    }

    /** A string of a scalar, or null: strings as they are, integers in decimal, booleans by name, floats as the reference prints them. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean || isIntegral(value)) {
            return value.toString();
        }
        if (value instanceof Number n) {
            // a float as the reference prints it: shortest form, lower-case exponent ("1.5", "1.0e7")
            return Double.toString(n.doubleValue()).replace('E', 'e');
        }
        return null;
    }

    /** {@code trimOrEmpty} of the bucketing salts: blank or missing is the empty string. */
    static String trimOrEmpty(Object value) {
        String text = text(value);
        return text == null ? "" : text.trim();
    }

    /** An integer value as a Long, or null when it is not a whole number. */
    static Long wholeNumber(Object value) {
        if (isSmallIntegral(value instanceof Number n ? n : null)) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger i && i.bitLength() < 64) {
            return i.longValue();
        }
        if (value instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException notWhole) {
                return null;
            }
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        return null;
    }
}
