package org.rulestead.flags;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rulestead.audit.AuditDiff;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditOutcome;
import org.rulestead.audit.AuditRecord;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.command.ReadVersion;
import org.rulestead.command.StoreFailure;
import org.rulestead.environments.Environment;
import org.rulestead.evaluation.ErrorDomain;
import org.rulestead.evaluation.ErrorType;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.Attempt;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.EnvironmentScope;
import org.rulestead.governance.ResourceRef;
import org.rulestead.model.FlagDefinition;
import org.rulestead.model.FlagDocuments;
import org.rulestead.model.NewFlag;
import org.rulestead.model.NewFlagReader;
import org.rulestead.time.Now;
import org.rulestead.validation.Finding;
import org.rulestead.validation.Reading;

/** Creates, updates, archives and reads flags. Every change is authorized and audited in its own transaction. */
@Stateless
public class FlagService {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    @Inject
    private AuditLog auditLog;

    @Inject
    private FlagStore flags;

    @Inject
    private Now now;

    @Inject
    private SnapshotWriter snapshots;

    /**
     * Creates the flag {@code document} describes ({@link NewFlagReader}'s shape), in draft in the
     * environments it names (all of them when it names none). The caller is authorized first, the
     * document read after (422 with a finding per field).
     */
    public FlagView create(Map<String, Object> document, CommandContext context) {
        String key = document.get("key") instanceof String text && !text.isBlank() ? text.trim() : "*";
        Actor actor = authorization.require(
                Action.CREATE_FLAG, ResourceRef.flag(key), null, new Attempt("flag.create", context));
        Reading<NewFlag> reading = NewFlagReader.read(document);
        if (reading instanceof Reading.Invalid<NewFlag> invalid) {
            throw CommandRejected.invalid("the flag is invalid", invalid.findings());
        }
        NewFlag newFlag = ((Reading.Valid<NewFlag>) reading).value();
        if (exists(key)) {
            throw alreadyExists(key);
        }
        Flag flag = new Flag(newFlag.definition(), environments(newFlag.environmentKeys()), now.instant());
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
                Map.of("after", afterSnapshot(created), "context", context.auditContext()),
                context.correlationId()));
        return created;
    }

    /** The fields an update may carry; everything else about a flag is fixed at creation. */
    private static final List<String> CHANGEABLE = List.of(
            "description", "owner_ref", "owner_kind", "owner_display", "tags", "expected_expiration", "permanent");

    private static final List<String> FIXED = List.of("key", "flag_type", "value_type", "default_value");

    /**
     * Changes description, ownership, lifecycle or tags (spec §1.2); fields not sent stay as they
     * are, and a field an update does not take is refused (422).
     * {@code read} is the flag's {@code version} as the caller read it: required, and stale means
     * 409 (decisions 17). A patch that changes nothing writes nothing, audit included.
     */
    public FlagView update(String key, Map<String, Object> patch, ReadVersion read, CommandContext context) {
        Actor actor = authorization.require(
                Action.UPDATE_FLAG, ResourceRef.flag(key), null, new Attempt("flag.update", context));
        Flag flag = flags.changeableFlag(key);
        read.check(flag.lockVersion(), "flag", Map.of("flag_key", key));
        List<Finding> refused = new ArrayList<>();
        patch.keySet().stream()
                .filter(field -> !CHANGEABLE.contains(field) && !FIXED.contains(field))
                .sorted()
                .forEach(field -> refused.add(new Finding(
                        field, "is not a field a flag update takes (it takes " + String.join(", ", CHANGEABLE) + ")")));
        FlagDefinition before = flag.definition();
        Map<String, Object> merged = new LinkedHashMap<>(FlagDocuments.toDocument(before));
        merged.remove("lifecycle");
        for (String field : FIXED) {
            if (patch.containsKey(field) && !same(field, patch.get(field), merged.get(field))) {
                refused.add(new Finding(field, "cannot change after the flag is created"));
            }
        }
        if (patch.containsKey("expected_expiration")) {
            merged.remove("permanent");
        }
        if (Boolean.TRUE.equals(patch.get("permanent"))) {
            merged.remove("expected_expiration");
        }
        for (String field : CHANGEABLE) {
            if (patch.containsKey(field)) {
                merged.put(field, patch.get(field));
            }
        }
        Reading<NewFlag> reading = NewFlagReader.read(merged);
        if (reading instanceof Reading.Invalid<NewFlag> invalid) {
            refused.addAll(invalid.findings());
        }
        if (!refused.isEmpty()) {
            throw CommandRejected.invalid("the flag update is invalid", refused);
        }
        FlagDefinition after = ((Reading.Valid<NewFlag>) reading).value().definition();
        if (after.equals(before)) {
            return flag.view();
        }
        flag.update(after, now.instant());
        entityManager.flush();

        Map<String, Object> beforeDocument = FlagDocuments.toDocument(before);
        Map<String, Object> afterDocument = FlagDocuments.toDocument(after);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("before", beforeDocument);
        metadata.put("after", afterDocument);
        metadata.put("diff", AuditDiff.of(beforeDocument, afterDocument));
        if (!before.ownership().equals(after.ownership())) {
            Map<String, Object> ownership = new LinkedHashMap<>();
            ownership.put("from_ref", before.ownership().ownerRef());
            ownership.put("to_ref", after.ownership().ownerRef());
            ownership.put("from_kind", before.ownership().ownerKind().wireName());
            ownership.put("to_kind", after.ownership().ownerKind().wireName());
            metadata.put("ownership_transition", ownership);
        }
        if (!before.lifecycle().equals(after.lifecycle())) {
            Map<String, Object> lifecycle = new LinkedHashMap<>();
            lifecycle.put("from_mode", before.lifecycle().mode().wireName());
            lifecycle.put("to_mode", after.lifecycle().mode().wireName());
            lifecycle.put("from_review_by", String.valueOf(before.lifecycle().reviewBy()));
            lifecycle.put("to_review_by", String.valueOf(after.lifecycle().reviewBy()));
            metadata.put("lifecycle_transition", lifecycle);
        }
        metadata.put("context", context.auditContext());
        auditLog.record(AuditRecord.ofChange("flag.update", ResourceRef.flag(key), null, actor, context, metadata));
        return flag.view();
    }

    /** Archives the flag everywhere (spec §1.2): it stops serving and refuses every change. */
    public FlagView archive(String key, CommandContext context) {
        Actor actor = authorization.require(
                Action.ARCHIVE_FLAG, ResourceRef.flag(key), null, new Attempt("flag.archive", context));
        context.requireReason();
        List<String> environments = flags.flag(key).view().environments().stream()
                .map(FlagEnvironmentView::environmentKey)
                .sorted()
                .toList();
        environments.forEach(snapshots::lock);
        Flag flag = flags.changeableFlag(key);
        flag.archive(now.instant());
        entityManager.flush();
        // the flag stops serving wherever it lived
        // in key order, as every writer locks environments, so two archives never wait on each other
        environments.forEach(snapshots::write);
        auditLog.record(new AuditRecord(
                "flag.archive",
                "flag",
                key,
                null,
                actor,
                context.reason(),
                AuditOutcome.OK,
                Map.of("after", Map.of("archived", true), "context", context.auditContext()),
                context.correlationId()));
        return flag.view();
    }

    private static boolean same(String field, Object sent, Object stored) {
        if (field.equals("default_value")) {
            Object value = sent instanceof Map<?, ?> map && map.containsKey("value") ? map.get("value") : sent;
            Object storedValue = ((Map<?, ?>) stored).get("value");
            return java.util.Objects.equals(String.valueOf(value), String.valueOf(storedValue));
        }
        return java.util.Objects.equals(sent, stored);
    }

    /** Every flag, each with its state in the environments the caller may read flags in. */
    public List<FlagView> list() {
        EnvironmentScope scope = authorization.requireAcross(Action.READ_FLAGS, ResourceRef.flag("*"));
        return entityManager.createNamedQuery("Flag.all", Flag.class).getResultList().stream()
                .map(flag -> flag.view().within(scope::includes))
                .toList();
    }

    /**
     * One page of the inventory of an environment, filtered, sorted and counted by the database,
     * each flag with its state in the environments the caller may read flags in.
     */
    public FlagInventory inventory(FlagInventoryQuery query) {
        EnvironmentScope scope = authorization.requireAcross(Action.READ_FLAGS, ResourceRef.flag("*"));
        return new InventoryReader(entityManager, scope.includes(query.environmentKey())).read(query, scope::includes);
    }

    /** The first {@code limit} flags, by key, whose kill switch is engaged in the environment. */
    public List<FlagView> killSwitched(String environmentKey, int limit) {
        authorization.require(Action.READ_FLAGS, ResourceRef.flag("*"), environmentKey);
        return entityManager
                .createNamedQuery("Flag.inStatus", Flag.class)
                .setParameter("environment", environmentKey)
                .setParameter("status", FlagStatus.KILLSWITCHED)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(Flag::view)
                .toList();
    }

    /** How many flags have their kill switch engaged in the environment. */
    public long countKillSwitched(String environmentKey) {
        authorization.require(Action.READ_FLAGS, ResourceRef.flag("*"), environmentKey);
        return entityManager
                .createNamedQuery("Flag.countInStatus", Long.class)
                .setParameter("environment", environmentKey)
                .setParameter("status", FlagStatus.KILLSWITCHED)
                .getSingleResult();
    }

    /** The flag, with its state in the environments the caller may read flags in. */
    public Optional<FlagView> find(String key) {
        EnvironmentScope scope = authorization.requireAcross(Action.READ_FLAGS, ResourceRef.flag(key));
        return stored(key).map(flag -> flag.within(scope::includes));
    }

    /** The flag's state in one environment, for a caller who may read flags there. */
    public Optional<FlagEnvironmentView> find(String key, String environmentKey) {
        authorization.require(Action.READ_FLAGS, ResourceRef.flag(key), environmentKey);
        return stored(key).flatMap(flag -> flag.environments().stream()
                .filter(state -> state.environmentKey().equals(environmentKey))
                .findFirst());
    }

    private Optional<FlagView> stored(String key) {
        return entityManager
                .createNamedQuery("Flag.byKey", Flag.class)
                .setParameter("key", key)
                .getResultList()
                .stream()
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
            throw new CommandRejected.Invalid(
                    ErrorDomain.CONFIG, ErrorType.ENVIRONMENT_NOT_FOUND, "environment was not found", unknown);
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
            if (StoreFailure.DUPLICATE_KEY.causes(e)) {
                throw alreadyExists(key);
            }
            throw e;
        }
    }

    private static CommandRejected alreadyExists(String key) {
        return CommandRejected.conflict("a flag with this key already exists", Map.of("flag_key", key));
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
}
