package org.rulestead.governance;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditOutcome;
import org.rulestead.audit.AuditRecord;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.flags.FlagStore;
import org.rulestead.time.Now;

/**
 * Grants and revokes roles in one environment (decisions 9: roles are granted per environment).
 * Admins of that environment manage them; every change is audited with its reason.
 */
@Stateless
public class RoleGrantService {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    @Inject
    private FlagStore flags;

    @Inject
    private AuditLog auditLog;

    @Inject
    private Now now;

    @Inject
    private Event<RoleGrantChanged> changed;

    public List<RoleGrantView> list(String environmentKey) {
        authorization.require(Action.READ_FLAGS, ResourceRef.environment(environmentKey), environmentKey);
        flags.requireEnvironment(environmentKey);
        return entityManager
                .createNamedQuery("RoleGrant.inEnvironment", RoleGrant.class)
                .setParameter("environment", environmentKey)
                .getResultList()
                .stream()
                .map(RoleGrant::view)
                .toList();
    }

    public RoleGrantView grant(String environmentKey, String principal, Role role, CommandContext context) {
        Actor actor = authorization.require(
                Action.MANAGE_SETTINGS,
                ResourceRef.environment(environmentKey),
                environmentKey,
                new Attempt("role_grant.created", context));
        FlagStore.requireReason(context.reason());
        flags.requireEnvironment(environmentKey);
        boolean exists = entityManager
                .createNamedQuery("RoleGrant.ofPrincipal", RoleGrant.class)
                .setParameter("principal", principal)
                .getResultList()
                .stream()
                .anyMatch(
                        grant -> grant.role() == role && grant.environmentKey().equals(environmentKey));
        if (exists) {
            throw new CommandRejected.Conflict(
                    "auth",
                    "invalid_command",
                    "this role is already granted",
                    Map.of("principal", principal, "role", role.roleName(), "environment_key", environmentKey));
        }
        RoleGrant grant = new RoleGrant(principal, role, environmentKey, actor.id(), now.instant());
        entityManager.persist(grant);
        entityManager.flush();
        audit("role_grant.created", environmentKey, actor, context, grant);
        changed.fire(new RoleGrantChanged(principal, environmentKey, role, true));
        return grant.view();
    }

    public void revoke(String environmentKey, long id, CommandContext context) {
        Actor actor = authorization.require(
                Action.MANAGE_SETTINGS,
                ResourceRef.environment(environmentKey),
                environmentKey,
                new Attempt("role_grant.revoked", context));
        FlagStore.requireReason(context.reason());
        RoleGrant grant = entityManager.find(RoleGrant.class, id);
        if (grant == null || !grant.environmentKey().equals(environmentKey)) {
            throw new CommandRejected.NotFound(
                    "auth", "invalid_command", "role grant was not found", Map.of("grant_id", id));
        }
        entityManager.remove(grant);
        entityManager.flush();
        audit("role_grant.revoked", environmentKey, actor, context, grant);
        changed.fire(new RoleGrantChanged(grant.principal(), environmentKey, grant.role(), false));
    }

    private void audit(String eventType, String environmentKey, Actor actor, CommandContext context, RoleGrant grant) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(
                "grant",
                Map.of("principal", grant.principal(), "role", grant.role().roleName()));
        metadata.put("context", context.auditContext());
        auditLog.record(new AuditRecord(
                eventType,
                "environment",
                environmentKey,
                environmentKey,
                actor,
                context.reason(),
                AuditOutcome.OK,
                metadata,
                context.correlationId()));
    }
}
