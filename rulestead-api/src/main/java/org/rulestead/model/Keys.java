package org.rulestead.model;

import java.util.regex.Pattern;

/** The shapes of keys operators type: flag keys allow a colon, environment keys do not (spec §1.1-1.2). */
public final class Keys {

    private static final Pattern FLAG_KEY = Pattern.compile("^[a-z0-9][a-z0-9:_-]*$");
    private static final Pattern ENVIRONMENT_KEY = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");

    private Keys() {}

    public static boolean isFlagKey(String key) {
        return key != null
                && key.length() >= 2
                && key.length() <= 128
                && FLAG_KEY.matcher(key).matches();
    }

    public static boolean isEnvironmentKey(String key) {
        return key != null
                && key.length() >= 2
                && key.length() <= 64
                && ENVIRONMENT_KEY.matcher(key).matches();
    }

    public static final String FLAG_KEY_RULE =
            "must be 2 to 128 characters of a-z, 0-9, ':', '_' or '-', starting with a letter or digit";
    public static final String ENVIRONMENT_KEY_RULE =
            "must be 2 to 64 characters of a-z, 0-9, '_' or '-', starting with a letter or digit";
}
