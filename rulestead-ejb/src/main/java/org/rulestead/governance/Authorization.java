package org.rulestead.governance;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rulestead.command.CommandRejected;

/** Resolves the calling operator and asks the policy whether they may act. */
@Dependent
public class Authorization {

    private static final Logger LOG = Logger.getLogger(Authorization.class.getName());

    private final SecurityContext securityContext;
    private final RulesteadPolicy policy;

    @Inject
    public Authorization(SecurityContext securityContext, RulesteadPolicy policy) {
        this.securityContext = securityContext;
        this.policy = policy;
    }

    /** The operator behind the current call. */
    public Actor currentActor() {
        Principal principal = securityContext.getCallerPrincipal();
        if (principal == null) {
            throw new CommandRejected.Forbidden(
                    "caller is not authorized to perform this action", Map.of("reason", "unauthenticated"));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (securityContext.isCallerInRole(role.roleName())) {
                roles.add(role);
            }
        }
        return Actor.operator(principal.getName(), roles);
    }

    /** The current operator, if the policy lets them perform {@code action}; otherwise a refusal. */
    public Actor require(Action action, ResourceRef resource, String environmentKey) {
        Actor actor = currentActor();
        if (!allows(actor, action, resource, environmentKey)) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("action", action.wireName());
            if (environmentKey != null) {
                metadata.put("environment_key", environmentKey);
            }
            throw new CommandRejected.Forbidden("caller is not authorized to perform this action", metadata);
        }
        return actor;
    }

    private boolean allows(Actor actor, Action action, ResourceRef resource, String environmentKey) {
        try {
            return policy.can(actor, action, resource, environmentKey);
        } catch (RuntimeException e) {
            // A failing host policy must never open the door (spec §6.2 rule 1).
            LOG.log(Level.WARNING, "policy failed for " + action.wireName() + "; denying", e);
            return false;
        }
    }
}
