package org.rulestead.governance;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rulestead.command.CommandRejected;

/** Resolves the calling operator and asks the policy whether they may act. */
@Dependent
public class Authorization {

    private static final Logger LOG = Logger.getLogger(Authorization.class.getName());

    private final SecurityContext securityContext;
    private final RulesteadPolicy policy;
    private final ProtectedEnvironments protectedEnvironments;
    private final DeniedAttemptLog deniedAttempts;
    private final EnvironmentGrants grants;

    @Inject
    public Authorization(
            SecurityContext securityContext,
            RulesteadPolicy policy,
            ProtectedEnvironments protectedEnvironments,
            DeniedAttemptLog deniedAttempts,
            EnvironmentGrants grants) {
        this.securityContext = securityContext;
        this.policy = policy;
        this.protectedEnvironments = protectedEnvironments;
        this.deniedAttempts = deniedAttempts;
        this.grants = grants;
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
        return new Actor(
                principal.getName(), ActorType.OPERATOR, principal.getName(), roles, grants.of(principal.getName()));
    }

    /** The current operator, if the policy lets them perform {@code action}; otherwise a refusal. */
    public Actor require(Action action, ResourceRef resource, String environmentKey) {
        Actor actor = currentActor();
        if (!allows(actor, action, resource, environmentKey)) {
            throw refusal(action, environmentKey, null);
        }
        return actor;
    }

    /**
     * For a read across environments: the current operator, if the policy lets them take {@code
     * action} somewhere (asked with no environment), with the environments the answer may show.
     */
    public EnvironmentScope requireAcross(Action action, ResourceRef resource) {
        Actor actor = require(action, resource, null);
        return new EnvironmentScope(actor, environmentKey -> allows(actor, action, resource, environmentKey));
    }

    /**
     * As {@link #require}, for a mutation: a refusal is audited (spec §6.12) as {@code eventType}
     * with {@code result = denied}, in a transaction of its own. Only once the caller is allowed
     * does the command's own refusal, if its context carries one (a body that could not be read,
     * fields it does not have), surface: authorization comes before validation (decisions 18), so
     * a caller without the capability learns nothing about the body, and is audited.
     */
    public Actor require(Action action, ResourceRef resource, String environmentKey, Attempt attempt) {
        return require(currentActor(), action, resource, environmentKey, attempt);
    }

    /** As {@link #require(Action, ResourceRef, String, Attempt)}, for an actor already known. */
    public Actor require(Actor actor, Action action, ResourceRef resource, String environmentKey, Attempt attempt) {
        return proceed(allowed(actor, action, resource, environmentKey, attempt), attempt);
    }

    /**
     * Governed direct execution (spec §6.4): the policy must allow the action, and governance must
     * not require a change request for it; else a refusal with reason {@code
     * change_request_required}, audited. Then, as {@link #require(Action, ResourceRef, String,
     * Attempt)}, the command's own refusal.
     */
    public Actor requireDirect(Action action, ResourceRef resource, String environmentKey, Attempt attempt) {
        return requireDirect(currentActor(), action, resource, environmentKey, attempt);
    }

    /** As {@link #requireDirect(Action, ResourceRef, String, Attempt)}, for an actor already known. */
    public Actor requireDirect(
            Actor actor, Action action, ResourceRef resource, String environmentKey, Attempt attempt) {
        allowed(actor, action, resource, environmentKey, attempt);
        ApprovalRequirement requirement = requirement(actor, action, resource, environmentKey);
        if (requirement.changeRequestRequired()) {
            throw denied(actor, action, resource, environmentKey, attempt, "change_request_required", requirement);
        }
        return proceed(actor, attempt);
    }

    private Actor allowed(Actor actor, Action action, ResourceRef resource, String environmentKey, Attempt attempt) {
        if (!allows(actor, action, resource, environmentKey)) {
            throw denied(actor, action, resource, environmentKey, attempt, null, null);
        }
        return actor;
    }

    private static Actor proceed(Actor actor, Attempt attempt) {
        if (attempt.context().refusal() != null) {
            throw attempt.context().refusal();
        }
        return actor;
    }

    /** What governance asks of {@code action} by {@code actor} (spec §6.3). */
    public ApprovalRequirement requirement(Actor actor, Action action, ResourceRef resource, String environmentKey) {
        boolean protectedEnvironment = protectedEnvironments.isProtected(environmentKey);
        boolean changeRequestRequired = ask(
                () -> policy.changeRequestRequired(actor, action, resource, environmentKey),
                protectedEnvironment && action.catalog() == Action.Catalog.GOVERNANCE);
        boolean selfApprovalAllowed =
                ask(() -> policy.allowSelfApproval(actor, action, resource, environmentKey), !protectedEnvironment);
        return new ApprovalRequirement(
                action, environmentKey, changeRequestRequired ? 1 : 0, changeRequestRequired, selfApprovalAllowed);
    }

    /** Refuses {@code actor} and audits the attempt; answers the refusal to throw. */
    public CommandRejected.Forbidden denied(
            Actor actor,
            Action action,
            ResourceRef resource,
            String environmentKey,
            Attempt attempt,
            String reason,
            ApprovalRequirement requirement) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("audit_result", "denied");
        metadata.put("denied_action", action.wireName());
        metadata.put("denied_actor_id", actor.id());
        if (reason != null) {
            metadata.put("denial_reason", reason);
        }
        if (requirement != null) {
            metadata.put("approval_requirement", requirement.toMap());
        }
        metadata.put("context", attempt.context().auditContext());
        deniedAttempts.record(new DeniedAttempt(
                attempt.eventType(),
                resource,
                environmentKey,
                actor,
                attempt.context().reason() != null ? attempt.context().reason() : "unauthorized",
                metadata,
                attempt.context().correlationId()));
        return refusal(action, environmentKey, reason);
    }

    /** The refusal of {@code action}, as every service answers it (403 {@code auth/unauthorized}). */
    public static CommandRejected.Forbidden refusal(Action action, String environmentKey, String reason) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("action", action.wireName());
        if (environmentKey != null) {
            metadata.put("environment_key", environmentKey);
        }
        if (reason != null) {
            metadata.put("reason", reason);
        }
        return new CommandRejected.Forbidden("caller is not authorized to perform this action", metadata);
    }

    private static boolean ask(Supplier<Optional<Boolean>> question, boolean fallback) {
        try {
            Optional<Boolean> answer = question.get();
            return answer == null ? fallback : answer.orElse(fallback);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "policy question failed; using the default", e);
            return fallback;
        }
    }

    /** Whether the policy lets {@code actor} take {@code action}; a policy that fails denies. */
    public boolean allows(Actor actor, Action action, ResourceRef resource, String environmentKey) {
        try {
            return policy.can(actor, action, resource, environmentKey);
        } catch (RuntimeException e) {
            // A failing host policy must never open the door (spec §6.2 rule 1).
            LOG.log(Level.WARNING, "policy failed for " + action.wireName() + "; denying", e);
            return false;
        }
    }
}
