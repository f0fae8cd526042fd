package org.rulestead.model;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The type of every value a flag can serve. Values are JSON-shaped Java objects: {@code null},
 * {@link Boolean}, {@link String}, {@link Number}, {@link java.util.Map}, {@link java.util.List}.
 */
public enum ValueType implements WireNamed {
    BOOLEAN,
    STRING,
    INTEGER,
    FLOAT,
    JSON,
    /** A variant flag serves variant names; null means "no variant". */
    VARIANT;

    /** Whether {@code value} is a value of this type. */
    public boolean accepts(Object value) {
        return switch (this) {
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
            case INTEGER -> isIntegral(value);
            case FLOAT -> value instanceof Number;
            case JSON -> true;
            case VARIANT -> value == null || value instanceof String;
        };
    }

    private static boolean isIntegral(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return true;
        }
        if (value instanceof BigInteger) {
            return ((BigInteger) value).bitLength() < 64;
        }
        if (value instanceof BigDecimal decimal) {
            try {
                decimal.longValueExact();
                return true;
            } catch (ArithmeticException notIntegral) {
                return false;
            }
        }
        return false;
    }
}
