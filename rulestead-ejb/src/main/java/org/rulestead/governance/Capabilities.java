package org.rulestead.governance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
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

    private String refusal(Actor actor, Action action, String environmentKey) {
        String needed =
                switch (action.catalog()) {
                    case VIEWER -> "a viewer, editor or admin role";
                    case ADMIN -> "the admin role";
                    case EDITOR, GOVERNANCE -> protectedEnvironments.isProtected(environmentKey)
                            ? "the admin role (" + environmentKey + " is protected)"
                            : "the editor or admin role";
                };
        String roles = actor.roles().isEmpty()
                ? "no role"
                : Arrays.stream(Role.values())
                        .filter(actor.roles()::contains)
                        .map(Role::roleName)
                        .collect(Collectors.joining(", "));
        return "You are signed in as " + actor.display() + " (" + roles + "); "
                + action.wireName().replace('_', ' ').toLowerCase(Locale.ROOT)
                + (environmentKey == null ? "" : " in " + environmentKey) + " needs " + needed + ".";
    }
}
