package org.rulestead.grants;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditRecord;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.command.ReadVersion;
import org.rulestead.environments.Environment;
import org.rulestead.evaluation.ErrorDomain;
import org.rulestead.evaluation.ErrorType;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.Attempt;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.ResourceRef;
import org.rulestead.governance.Role;
import org.rulestead.governance.RoleGrant;
import org.rulestead.governance.RoleGrantChanged;
import org.rulestead.governance.RoleGrantView;
import org.rulestead.time.Now;
import org.rulestead.validation.Finding;

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
    private AuditLog auditLog;

    @Inject
    private Now now;

    @Inject
    private Event<RoleGrantChanged> changed;

    /** The roles granted in the environment, with the version a grant or revocation states it read. */
    public EnvironmentRoleGrants list(String environmentKey) {
        authorization.require(Action.READ_FLAGS, ResourceRef.environment(environmentKey), environmentKey);
        Environment environment = environment(environmentKey, LockModeType.NONE);
        List<RoleGrantView> grants = entityManager
                .createNamedQuery("RoleGrant.inEnvironment", RoleGrant.class)
                .setParameter("environment", environmentKey)
                .getResultList()
                .stream()
                .map(RoleGrant::view)
                .toList();
        return new EnvironmentRoleGrants(environmentKey, environment.grantsVersion(), grants);
    }

    /**
     * Grants {@code roleName} to {@code principal} in the environment. {@code read} is the version of
     * the environment's grants as the caller read them: required, and stale is 409. Answers the
     * grant and the grants' new version.
     */
    public GrantChange grant(
            String environmentKey, String principal, String roleName, ReadVersion read, CommandContext context) {
        Actor actor = authorization.require(
                Action.MANAGE_SETTINGS,
                ResourceRef.environment(environmentKey),
                environmentKey,
                new Attempt("role_grant.created", context));
        context.requireReason();
        List<Finding> findings = new ArrayList<>();
        if (principal == null || principal.isBlank()) {
            findings.add(new Finding("principal", "is required: the user name the role is granted to"));
        } else if (principal.length() > 255) {
            findings.add(new Finding("principal", "must be at most 255 characters"));
        }
        Role role = role(roleName, findings);
        if (!findings.isEmpty()) {
            throw CommandRejected.invalid("the grant is invalid", findings);
        }
        String grantee = principal.trim();
        Environment environment = environment(environmentKey, LockModeType.PESSIMISTIC_WRITE);
        read.check(environment.grantsVersion(), "role grants", Map.of("environment_key", environmentKey));
        boolean exists = entityManager
                .createNamedQuery("RoleGrant.ofPrincipal", RoleGrant.class)
                .setParameter("principal", grantee)
                .getResultList()
                .stream()
                .anyMatch(
                        grant -> grant.role() == role && grant.environmentKey().equals(environmentKey));
        if (exists) {
            throw new CommandRejected.Conflict(
                    ErrorDomain.AUTH,
                    ErrorType.INVALID_COMMAND,
                    "this role is already granted",
                    Map.of("principal", grantee, "role", role.roleName(), "environment_key", environmentKey));
        }
        RoleGrant grant = new RoleGrant(grantee, role, environmentKey, actor.id(), now.instant());
        entityManager.persist(grant);
        long version = environment.grantsChanged();
        entityManager.flush();
        audit("role_grant.created", environmentKey, actor, context, grant, version);
        changed.fire(new RoleGrantChanged(grantee, environmentKey, role, true));
        return new GrantChange(grant.view(), version);
    }

    /** Revokes grant {@code id}; {@code read} as for {@link #grant}. Answers the grants' new version. */
    public long revoke(String environmentKey, long id, ReadVersion read, CommandContext context) {
        Actor actor = authorization.require(
                Action.MANAGE_SETTINGS,
                ResourceRef.environment(environmentKey),
                environmentKey,
                new Attempt("role_grant.revoked", context));
        context.requireReason();
        Environment environment = environment(environmentKey, LockModeType.PESSIMISTIC_WRITE);
        read.check(environment.grantsVersion(), "role grants", Map.of("environment_key", environmentKey));
        RoleGrant grant = entityManager.find(RoleGrant.class, id);
        if (grant == null || !grant.environmentKey().equals(environmentKey)) {
            throw new CommandRejected.NotFound(
                    ErrorDomain.AUTH, ErrorType.INVALID_COMMAND, "role grant was not found", Map.of("grant_id", id));
        }
        entityManager.remove(grant);
        long version = environment.grantsChanged();
        entityManager.flush();
        audit("role_grant.revoked", environmentKey, actor, context, grant, version);
        changed.fire(new RoleGrantChanged(grant.principal(), environmentKey, grant.role(), false));
        return version;
    }

    /** A grant made, and the version of the environment's grants it made. */
    public record GrantChange(RoleGrantView grant, long grantsVersion) {}

    /** The environment, or 404; locked for a write, so grant changes there happen one at a time. */
    private Environment environment(String environmentKey, LockModeType lock) {
        return entityManager
                .createQuery("select e from Environment e where e.key = :key", Environment.class)
                .setParameter("key", environmentKey)
                .setLockMode(lock)
                .getResultList()
                .stream()
                .findFirst()
                .orElseThrow(() -> CommandRejected.environmentNotFound(environmentKey));
    }

    private static Role role(String name, List<Finding> findings) {
        for (Role role : Role.values()) {
            if (role.roleName().equalsIgnoreCase(String.valueOf(name).trim())) {
                return role;
            }
        }
        findings.add(new Finding("role", "must be one of viewer, editor, admin, auditor"));
        return null;
    }

    private void audit(
            String eventType,
            String environmentKey,
            Actor actor,
            CommandContext context,
            RoleGrant grant,
            long grantsVersion) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(
                "grant",
                Map.of("principal", grant.principal(), "role", grant.role().roleName()));
        metadata.put("grants_version", grantsVersion);
        metadata.put("context", context.auditContext());
        auditLog.record(AuditRecord.ofChange(
                eventType, ResourceRef.environment(environmentKey), environmentKey, actor, context, metadata));
    }
}
