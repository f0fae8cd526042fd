package org.rulestead.governance;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** Who performs a command: an operator signed in through the container, or the system itself. */
public record Actor(String id, String type, String display, Set<Role> roles) {

    public static final String OPERATOR = "operator";
    public static final String SYSTEM = "system";

    public Actor {
        Objects.requireNonNull(id, "actor id is required");
        Objects.requireNonNull(type, "actor type is required");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Actor operator(String id, Set<Role> roles) {
        return new Actor(id, OPERATOR, id, roles);
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
