package org.rulestead.governance;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * The default policy: spec §6.2's fallback role check. Viewers read; editors author outside
 * protected environments; admins do everything; auditors read the audit trail and export it.
 */
@Dependent
public class RoleBasedPolicy implements RulesteadPolicy {

    private final ProtectedEnvironments protectedEnvironments;

    @Inject
    public RoleBasedPolicy(ProtectedEnvironments protectedEnvironments) {
        this.protectedEnvironments = protectedEnvironments;
    }

    @Override
    public boolean can(Actor actor, Action action, ResourceRef resource, String environmentKey) {
        if (actor.hasAnyRole(Role.AUDITOR) && (action == Action.LIST_AUDIT_EVENTS || action == Action.EXPORT_AUDIT)) {
            return true;
        }
        return switch (action.catalog()) {
            case VIEWER -> actor.hasAnyRole(Role.VIEWER, Role.EDITOR, Role.ADMIN);
            case ADMIN -> actor.hasAnyRole(Role.ADMIN);
            case EDITOR, GOVERNANCE -> protectedEnvironments.isProtected(environmentKey)
                    ? actor.hasAnyRole(Role.ADMIN)
                    : actor.hasAnyRole(Role.EDITOR, Role.ADMIN);
        };
    }
}
