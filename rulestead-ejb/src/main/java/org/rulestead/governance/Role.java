package org.rulestead.governance;

import java.util.Locale;

/** The roles Rulestead ships (spec §6.1 plus decisions item 9); each maps to a registry group. */
public enum Role {
    VIEWER,
    EDITOR,
    ADMIN,
    AUDITOR;

    /** The Jakarta EE role name, as declared in the EAR and bound to groups. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
