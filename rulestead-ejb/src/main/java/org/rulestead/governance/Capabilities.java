package org.rulestead.governance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Asks the policy, for the current operator, what each control of a page may do; the answer
 * carries the reason an action is refused or must go through a change request.
 */
@RequestScoped
public class Capabilities {

    private Authorization authorization;
    private RulesteadPolicy policy;
    private ProtectedEnvironments protectedEnvironments;
    private Actor operator;

    protected Capabilities() {}

    @Inject
    public Capabilities(
            Authorization authorization, RulesteadPolicy policy, ProtectedEnvironments protectedEnvironments) {
        this.authorization = authorization;
        this.policy = policy;
        this.protectedEnvironments = protectedEnvironments;
    }

    /**
     * Whether {@code action} on {@code resource} in {@code environmentKey} is open to the current
     * operator as a governed command: directly, or only through a change request.
     */
    public Permission of(Action action, ResourceRef resource, String environmentKey) {
        Actor actor = operator();
        if (!can(actor, action, resource, environmentKey)) {
            return Permission.refused(refusal(actor, action, environmentKey));
        }
        if (action.catalog() == Action.Catalog.GOVERNANCE
                && authorization
                        .requirement(actor, action, resource, environmentKey)
                        .changeRequestRequired()) {
            return Permission.throughChangeRequest(
                    environmentKey + " is protected: this change needs a change request approved by another admin.");
        }
        return Permission.granted();
    }

    /**
     * Whether the policy lets the current operator take {@code action} at once, governance aside:
     * for commands that never wait for a change request, such as an admin's kill switch.
     */
    public Permission direct(Action action, ResourceRef resource, String environmentKey) {
        Actor actor = operator();
        return can(actor, action, resource, environmentKey)
                ? Permission.granted()
                : Permission.refused(refusal(actor, action, environmentKey));
    }

    /** The operator of this request, read once: a page asks about many controls. */
    private Actor operator() {
        if (operator == null) {
            operator = authorization.currentActor();
        }
        return operator;
    }

    private boolean can(Actor actor, Action action, ResourceRef resource, String environmentKey) {
        try {
            return policy.can(actor, action, resource, environmentKey);
        } catch (RuntimeException e) {
            return false; // a failing policy never opens the door
        }
    }

    /**
     * Why the admin pages have nothing to show the current operator, or empty when the policy lets
     * them read something somewhere: signing in needs only an identity, so an operator may hold no
     * role yet.
     */
    public Optional<String> nothingToShow() {
        Actor actor = operator();
        boolean readsSomething = can(actor, Action.READ_FLAGS, ResourceRef.flag("*"), null)
                || can(actor, Action.LIST_AUDIT_EVENTS, ResourceRef.flag("*"), null)
                || can(actor, Action.READ_DIAGNOSTICS, ResourceRef.environment("*"), null);
        if (readsSomething) {
            return Optional.empty();
        }
        return Optional.of("You are signed in as " + actor.display() + " (" + rolesOf(actor, null)
                + "), so there is nothing here you may see or change yet. A role comes from a group of"
                + " the user registry, which counts in every environment, or from an admin who grants it"
                + " to you in one environment: ask an admin for the role you need (viewer, editor, admin"
                + " or auditor) in the environments you work in.");
    }

    private String refusal(Actor actor, Action action, String environmentKey) {
        String needed =
                switch (action.catalog()) {
                    case VIEWER -> environmentKey == null
                            ? "a viewer, editor or admin role in some environment"
                            : "a viewer, editor or admin role";
                    case ADMIN -> environmentKey == null
                            ? "the admin role in every environment (from a registry group)"
                            : "the admin role";
                    case EDITOR, GOVERNANCE -> {
                        if (environmentKey == null) {
                            yield "the editor or admin role in every environment (from a registry group)";
                        }
                        yield protectedEnvironments.isProtected(environmentKey)
                                ? "the admin role (" + environmentKey + " is protected)"
                                : "the editor or admin role";
                    }
                };
        return "You are signed in as " + actor.display() + " (" + rolesOf(actor, environmentKey) + "); "
                + action.wireName().replace('_', ' ').toLowerCase(Locale.ROOT)
                + (environmentKey == null ? "" : " in " + environmentKey) + " needs " + needed + ".";
    }

    /**
     * The roles that count for the operator, in words: those of their registry groups (everywhere),
     * then those granted in {@code environmentKey}, or in every environment when it is null.
     */
    static String rolesOf(Actor actor, String environmentKey) {
        List<String> parts = new ArrayList<>();
        if (!actor.roles().isEmpty()) {
            parts.add(names(actor.roles()));
        }
        Map<String, Set<Role>> granted = new TreeMap<>(actor.environmentRoles());
        if (environmentKey != null) {
            granted.keySet().retainAll(Set.of(environmentKey));
        }
        granted.forEach((environment, roles) -> parts.add(names(roles) + " in " + environment));
        if (!parts.isEmpty()) {
            return String.join("; ", parts);
        }
        return environmentKey == null || actor.environmentRoles().isEmpty()
                ? "no role"
                : "no role in " + environmentKey;
    }

    private static String names(Set<Role> roles) {
        return Arrays.stream(Role.values())
                .filter(roles::contains)
                .map(Role::roleName)
                .collect(Collectors.joining(", "));
    }
}
