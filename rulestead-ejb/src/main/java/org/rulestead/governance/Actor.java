package org.rulestead.governance;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who performs a command (spec §1.18): an operator signed in through the container, the system
 * itself ({@code system:scheduler} for timer ticks), an API key or an inbound webhook. An
 * operator may hold no role at all: signing in needs only an identity, and what they may do in an
 * environment comes from the roles granted there (decisions 18).
 *
 * @param roles the roles the server's registry gives everywhere (a group bound to a role)
 * @param environmentRoles roles granted in one environment only, by environment key
 */
public record Actor(
        String id, ActorType type, String display, Set<Role> roles, Map<String, Set<Role>> environmentRoles) {

    /** The actor automation runs as: timer ticks and scheduled executions (spec §5.6). */
    public static final Actor SCHEDULER = system("scheduler", "Scheduler");

    public Actor {
        Objects.requireNonNull(id, "actor id is required");
        Objects.requireNonNull(type, "actor type is required");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        Map<String, Set<Role>> granted = new LinkedHashMap<>();
        environmentRoles.forEach((environment, scoped) -> granted.put(environment, Set.copyOf(scoped)));
        environmentRoles = Map.copyOf(granted);
    }

    public Actor(String id, ActorType type, String display, Set<Role> roles) {
        this(id, type, display, roles, Map.of());
    }

    public static Actor operator(String id, Set<Role> roles) {
        return new Actor(id, ActorType.OPERATOR, id, roles);
    }

    /**
     * The server acting on its own as {@code system:<name>}: no roles, so it may do only what
     * governance lets a system actor do without a capability check (spec §5.6).
     */
    public static Actor system(String name, String display) {
        return new Actor("system:" + name, ActorType.SYSTEM, display, Set.of());
    }

    /** Whether the actor has one of {@code wanted} everywhere, from the registry. */
    public boolean hasAnyRole(Role... wanted) {
        return hasAnyRoleIn(null, wanted);
    }

    /** Whether the actor has one of {@code wanted} in {@code environmentKey}, everywhere or by a grant there. */
    public boolean hasAnyRoleIn(String environmentKey, Role... wanted) {
        Set<Role> scoped = environmentKey == null ? Set.of() : environmentRoles.getOrDefault(environmentKey, Set.of());
        for (Role role : wanted) {
            if (roles.contains(role) || scoped.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the actor has one of {@code wanted} in at least one environment, or everywhere. */
    public boolean hasAnyRoleSomewhere(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role) || environmentRoles.values().stream().anyMatch(scoped -> scoped.contains(role))) {
                return true;
            }
        }
        return false;
    }

    /** The roles granted in {@code environmentKey} alone, on top of {@link #roles()}. */
    public Set<Role> grantedIn(String environmentKey) {
        return environmentKey == null ? Set.of() : environmentRoles.getOrDefault(environmentKey, Set.of());
    }
}
