package org.rulestead.governance;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * The default policy: spec §6.2's fallback role check. Viewers read; editors author outside
 * protected environments; admins do everything; auditors read the audit trail and export it.
 * Going further than the reference, editors may also draft and propose in protected environments
 * (save a draft, submit a change request, cancel their own), so four-eyes changes need no admin
 * on the authoring side; applying them stays with admins. Roles count everywhere when the
 * registry gives them, and in one environment when an admin granted them there.
 */
@Dependent
public class RoleBasedPolicy implements RulesteadPolicy {

    private static final java.util.Set<Action> PROPOSING =
            java.util.EnumSet.of(Action.SAVE_DRAFT, Action.SUBMIT_CHANGE_REQUEST, Action.CANCEL_OWN_CHANGE_REQUEST);

    private final ProtectedEnvironments protectedEnvironments;

    @Inject
    public RoleBasedPolicy(ProtectedEnvironments protectedEnvironments) {
        this.protectedEnvironments = protectedEnvironments;
    }

    @Override
    public boolean can(Actor actor, Action action, ResourceRef resource, String environmentKey) {
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
}
