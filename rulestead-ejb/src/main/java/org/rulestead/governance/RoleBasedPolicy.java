package org.rulestead.governance;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;

/**
 * The default policy: spec §6.2's fallback role check. Viewers read; editors author outside
 * protected environments; admins do everything; auditors read the audit trail and export it.
 * Going further than the reference, editors may also draft and propose in protected environments
 * (save a draft, submit a change request, cancel their own), so four-eyes changes need no admin
 * on the authoring side; applying them stays with admins.
 *
 * <p>A role counts everywhere when a registry group gives it, and in one environment when an admin
 * granted it there (decisions 9 and 18). An action not bound to one environment ({@code
 * environmentKey} null) is either a read across environments, open to whoever holds the role in
 * some environment (the service then shows only the environments the policy allows, asking again
 * for each), or a change to what every environment shares (create, update or archive a flag;
 * export the whole audit trail), which needs the role everywhere, that is from a registry group.
 */
@Dependent
public class RoleBasedPolicy implements RulesteadPolicy {

    private static final Set<Action> PROPOSING =
            EnumSet.of(Action.SAVE_DRAFT, Action.SUBMIT_CHANGE_REQUEST, Action.CANCEL_OWN_CHANGE_REQUEST);

    private final ProtectedEnvironments protectedEnvironments;

    @Inject
    public RoleBasedPolicy(ProtectedEnvironments protectedEnvironments) {
        this.protectedEnvironments = protectedEnvironments;
    }

    @Override
    public boolean can(Actor actor, Action action, ResourceRef resource, String environmentKey) {
        if (environmentKey == null) {
            return acrossEnvironments(actor, action);
        }
        String in = environmentKey;
        if (actor.hasAnyRoleIn(in, Role.AUDITOR)
                && (action == Action.LIST_AUDIT_EVENTS || action == Action.EXPORT_AUDIT)) {
            return true;
        }
        if (PROPOSING.contains(action)) {
            return actor.hasAnyRoleIn(in, Role.EDITOR, Role.ADMIN);
        }
        return switch (action.catalog()) {
            case VIEWER -> actor.hasAnyRoleIn(in, Role.VIEWER, Role.EDITOR, Role.ADMIN);
            case ADMIN -> actor.hasAnyRoleIn(in, Role.ADMIN);
            case EDITOR, GOVERNANCE -> protectedEnvironments.isProtected(environmentKey)
                    ? actor.hasAnyRoleIn(in, Role.ADMIN)
                    : actor.hasAnyRoleIn(in, Role.EDITOR, Role.ADMIN);
        };
    }

    private static boolean acrossEnvironments(Actor actor, Action action) {
        if (action == Action.LIST_AUDIT_EVENTS && actor.hasAnyRoleSomewhere(Role.AUDITOR)) {
            return true;
        }
        if (action == Action.EXPORT_AUDIT && actor.hasAnyRole(Role.AUDITOR)) {
            return true;
        }
        return switch (action.catalog()) {
            case VIEWER -> actor.hasAnyRoleSomewhere(Role.VIEWER, Role.EDITOR, Role.ADMIN);
            case ADMIN -> actor.hasAnyRole(Role.ADMIN);
            case EDITOR, GOVERNANCE -> actor.hasAnyRole(Role.EDITOR, Role.ADMIN);
        };
    }
}
