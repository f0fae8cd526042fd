package org.rulestead.flags;

import java.util.Locale;

/** The columns the flag inventory sorts by; every order ends with the key, so pages are stable. */
public enum InventorySort {
    KEY,
    STATUS,
    OWNER,
    LIFECYCLE,
    TYPE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sort named {@code wireName}, or by key for a name outside the set. */
    public static InventorySort fromWireName(String wireName) {
        for (InventorySort sort : values()) {
            if (sort.wireName().equals(wireName)) {
                return sort;
            }
        }
        return KEY;
    }
}
