package org.rulestead.governance;

import java.util.Objects;

/** What an action touches: {@code flag checkout_v2}, {@code environment production}, ... */
public record ResourceRef(String type, String key) {

    public ResourceRef {
        Objects.requireNonNull(type, "resource type is required");
    }

    public static ResourceRef flag(String key) {
        return new ResourceRef("flag", key);
    }

    public static ResourceRef environment(String key) {
        return new ResourceRef("environment", key);
    }
}
