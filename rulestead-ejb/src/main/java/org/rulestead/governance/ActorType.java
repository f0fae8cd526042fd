package org.rulestead.governance;

import java.util.Locale;

/**
 * What kind of actor performs a command (spec §1.18, §7.2 {@code actor_type}): a person signed in
 * through the container, the server itself (timer ticks, batch jobs), a caller holding an
 * environment's API key, or an inbound webhook.
 */
public enum ActorType {
    OPERATOR,
    SYSTEM,
    API_KEY,
    WEBHOOK;

    /** The name audit rows and change requests store. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this kind of actor is a machine, labelled as automation wherever actions are listed. */
    public boolean isAutomation() {
        return this != OPERATOR;
    }

    /** The type stored as {@code wireName}, or null for a name outside the set. */
    public static ActorType fromWireName(String wireName) {
        for (ActorType type : values()) {
            if (type.wireName().equals(wireName)) {
                return type;
            }
        }
        return null;
    }
}
