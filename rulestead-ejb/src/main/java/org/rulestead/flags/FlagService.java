package org.rulestead.flags;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditOutcome;
import org.rulestead.audit.AuditRecord;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.Environment;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.ResourceRef;
import org.rulestead.model.FlagDocuments;
import org.rulestead.model.NewFlag;
import org.rulestead.validation.Finding;

/** Creates flags and reads them. Every change is authorized and audited in its own transaction. */
@Stateless
public class FlagService {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    @Inject
    private AuditLog auditLog;

    @Inject
    private Clock clock;

    /** Creates a flag, in draft in the named environments (all of them when none are named). */
    public FlagView create(NewFlag newFlag, CommandContext context) {
        String key = newFlag.definition().key();
        Actor actor = authorization.require(Action.CREATE_FLAG, ResourceRef.flag(key), null);
        if (exists(key)) {
            throw alreadyExists(key);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Flag flag = new Flag(newFlag.definition(), environments(newFlag.environmentKeys()), now);
        entityManager.persist(flag);
        flushUnlessKeyTaken(key);

        FlagView created = flag.view();
        auditLog.record(new AuditRecord(
                "flag.create",
                "flag",
                key,
                null,
                actor,
                context.reason(),
                AuditOutcome.OK,
                Map.of("after", afterSnapshot(created), "context", contextMetadata(context)),
                context.correlationId()));
        return created;
    }

    public List<FlagView> list() {
        authorization.require(Action.READ_FLAGS, ResourceRef.flag("*"), null);
        return entityManager
                .createNamedQuery("Flag.all", Flag.class)
                .getResultStream()
                .map(Flag::view)
                .toList();
    }

    public Optional<FlagView> find(String key) {
        authorization.require(Action.READ_FLAGS, ResourceRef.flag(key), null);
        return entityManager
                .createNamedQuery("Flag.byKey", Flag.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst()
                .map(Flag::view);
    }

    private boolean exists(String key) {
        return entityManager
                        .createNamedQuery("Flag.countByKey", Long.class)
                        .setParameter("key", key)
                        .getSingleResult()
                > 0;
    }

    private List<Environment> environments(List<String> keys) {
        if (keys.isEmpty()) {
            return entityManager
                    .createNamedQuery("Environment.all", Environment.class)
                    .getResultList();
        }
        List<Environment> found = entityManager
                .createNamedQuery("Environment.byKeys", Environment.class)
                .setParameter("keys", keys)
                .getResultList();
        List<Finding> unknown = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String wanted = keys.get(i);
            if (found.stream().noneMatch(environment -> environment.key().equals(wanted))) {
                unknown.add(new Finding("environments[" + i + "]", "environment " + wanted + " was not found"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new CommandRejected.Invalid("config", "environment_not_found", "environment was not found", unknown);
        }
        return keys.stream()
                .map(wanted -> found.stream()
                        .filter(environment -> environment.key().equals(wanted))
                        .findFirst()
                        .orElseThrow())
                .toList();
    }

    /** Two concurrent creates of one key: the database's unique key decides, the loser gets a conflict. */
    private void flushUnlessKeyTaken(String key) {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw alreadyExists(key);
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static CommandRejected alreadyExists(String key) {
        return new CommandRejected.Conflict(
                "store", "invalid_command", "a flag with this key already exists", Map.of("flag_key", key));
    }

    private static Map<String, Object> afterSnapshot(FlagView flag) {
        Map<String, Object> after = new LinkedHashMap<>(FlagDocuments.toDocument(flag.definition()));
        after.put(
                "environments",
                flag.environments().stream()
                        .map(FlagEnvironmentView::environmentKey)
                        .toList());
        return after;
    }

    private static Map<String, Object> contextMetadata(CommandContext context) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (context.requestId() != null) {
            metadata.put("request_id", context.requestId());
        }
        if (context.source() != null) {
            metadata.put("source", context.source());
        }
        return metadata;
    }
}
