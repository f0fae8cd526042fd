package org.rulestead.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rulestead.governance.Action;
import org.rulestead.governance.ActorType;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.EnvironmentScope;
import org.rulestead.governance.ResourceRef;

/**
 * Reads the audit trail: filtered pages, a flag's history, the latest events of some types, a
 * workflow's events. Every page is read newest first from one index range per filter (see
 * V10__pages_with_a_long_history.sql) and stops at the page's end, so its cost does not grow with the
 * history. Chain verification is {@link AuditChainVerifier}.
 */
@Stateless
public class AuditTrail {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    /**
     * Events matching the query, newest first. Without an environment, the events of the
     * environments where the caller may list audit events, and those of no environment.
     */
    public AuditPage list(AuditQuery query) {
        ResourceRef resource = ResourceRef.flag(orAll(query.flagKey()));
        Where where = new Where(listIndex(query));
        if (query.environmentKey() != null) {
            authorization.require(Action.LIST_AUDIT_EVENTS, resource, query.environmentKey());
            where.and("e.environment_key = :environment", "environment", query.environmentKey());
        } else {
            // across environments: only those the reader holds a role in, and events of none
            EnvironmentScope scope = authorization.requireAcross(Action.LIST_AUDIT_EVENTS, resource);
            List<String> environments = entityManager
                    .createQuery("select e.key from Environment e", String.class)
                    .getResultList();
            List<String> shown = scope.narrowing(environments);
            if (shown != null) {
                if (shown.isEmpty()) {
                    where.and("e.environment_key is null");
                } else {
                    where.and("(e.environment_key is null or e.environment_key in (:shown))", "shown", shown);
                }
            }
        }
        where.and("e.actor_id = :actor", "actor", query.actorId())
                .and("e.event_type = :eventType", "eventType", query.eventType())
                .and("e.occurred_at >= :from", "from", query.from())
                .and("e.occurred_at < :to", "to", query.to())
                .and("e.chain_seq < :before", "before", query.before());
        if (query.flagKey() != null) {
            where.and("e.resource_type = 'flag'").and("e.resource_key = :flag", "flag", query.flagKey());
        }
        return page(where.newest(entityManager, query.limit() + 1), query.limit());
    }

    /** The index that reads the query's rows newest first: the most selective filter's. */
    private static String listIndex(AuditQuery query) {
        if (query.flagKey() != null) {
            return query.environmentKey() == null
                    ? "IX_AUDIT_EVENTS_FLAG_NEWEST"
                    : query.eventType() == null
                            ? "IX_AUDIT_EVENTS_FLAG_ENV_NEWEST"
                            : "IX_AUDIT_EVENTS_FLAG_ENV_TYPE_NEWEST";
        }
        if (query.environmentKey() != null && query.eventType() != null) {
            return "IX_AUDIT_EVENTS_ENV_TYPE_NEWEST";
        }
        if (query.actorId() != null) {
            return "IX_AUDIT_EVENTS_ACTOR_NEWEST";
        }
        if (query.environmentKey() != null) {
            return "IX_AUDIT_EVENTS_ENV_NEWEST";
        }
        return query.eventType() != null ? "IX_AUDIT_EVENTS_TYPE_NEWEST" : "IX_AUDIT_EVENTS_NEWEST";
    }

    /**
     * One flag's events in one environment and its flag-wide ones, newest first, filtered and paged
     * as the query says. Each environment choice (here, flag-wide) and each event type asked for is
     * one index range, read newest first up to the page's end; the ranges are merged.
     */
    public AuditPage history(FlagHistoryQuery query) {
        authorization.require(Action.LIST_AUDIT_EVENTS, ResourceRef.flag(query.flagKey()), query.environmentKey());
        List<String> types = query.eventTypes().isEmpty()
                ? Collections.<String>singletonList(null)
                : query.eventTypes().stream().sorted().toList();
        List<AuditEvent> rows = new ArrayList<>();
        for (boolean flagWide : List.of(false, true)) {
            for (String type : types) {
                Where where = new Where(
                                type == null
                                        ? "IX_AUDIT_EVENTS_FLAG_ENV_NEWEST"
                                        : "IX_AUDIT_EVENTS_FLAG_ENV_TYPE_NEWEST")
                        .and("e.resource_type = 'flag'")
                        .and("e.resource_key = :flag", "flag", query.flagKey());
                if (flagWide) {
                    where.and("e.environment_key is null");
                } else {
                    where.and("e.environment_key = :environment", "environment", query.environmentKey());
                }
                where.and("e.event_type = :eventType", "eventType", type)
                        .and("e.actor_id = :actor", "actor", query.actorId())
                        .and(
                                "e.outcome = :outcome",
                                "outcome",
                                query.outcome() == null ? null : query.outcome().name())
                        .and("e.chain_seq < :before", "before", query.before());
                if (query.automated() != null) {
                    where.and(
                            query.automated() ? "e.actor_type <> :operator" : "e.actor_type = :operator",
                            "operator",
                            ActorType.OPERATOR.wireName());
                }
                rows.addAll(where.newest(entityManager, query.limit() + 1));
            }
        }
        return page(newestFirst(rows, query.limit() + 1), query.limit());
    }

    /**
     * The newest {@code limit} events of these types in one environment, newest first: one index
     * range per type, so rare types cost no more than frequent ones.
     */
    public List<AuditEventView> latest(String environmentKey, Set<String> eventTypes, int limit) {
        authorization.require(Action.LIST_AUDIT_EVENTS, ResourceRef.flag("*"), environmentKey);
        List<AuditEvent> rows = new ArrayList<>();
        for (String type : eventTypes) {
            rows.addAll(new Where("IX_AUDIT_EVENTS_ENV_TYPE_NEWEST")
                    .and("e.environment_key = :environment", "environment", environmentKey)
                    .and("e.event_type = :eventType", "eventType", type)
                    .newest(entityManager, limit));
        }
        return newestFirst(rows, limit).stream().map(AuditEvent::view).toList();
    }

    /** Everything that happened to one flag in one environment, oldest first. */
    public List<AuditEventView> timeline(String flagKey, String environmentKey) {
        authorization.require(Action.LIST_AUDIT_EVENTS, ResourceRef.flag(flagKey), environmentKey);
        return entityManager
                .createQuery(
                        "select e from AuditEvent e where e.resourceType = 'flag' and e.resourceKey = :flag"
                                + " and (e.environmentKey = :environment or e.environmentKey is null)"
                                + " order by e.chainSeq",
                        AuditEvent.class)
                .setParameter("flag", flagKey)
                .setParameter("environment", environmentKey)
                .getResultList()
                .stream()
                .map(AuditEvent::view)
                .toList();
    }

    /** Every event of one workflow (a change request and what it executed), oldest first. */
    public List<AuditEventView> workflow(String correlationId) {
        return entityManager
                .createNamedQuery("AuditEvent.byCorrelation", AuditEvent.class)
                .setParameter("correlation", correlationId)
                .getResultList()
                .stream()
                .map(AuditEvent::view)
                .toList();
    }

    /** The first {@code limit} of {@code rows} (read one more, to know whether a next page exists). */
    private static AuditPage page(List<AuditEvent> rows, int limit) {
        boolean more = rows.size() > limit;
        List<AuditEventView> page =
                rows.stream().limit(limit).map(AuditEvent::view).toList();
        return new AuditPage(page, more ? page.get(page.size() - 1).chainSeq() : null);
    }

    private static List<AuditEvent> newestFirst(List<AuditEvent> rows, int limit) {
        return rows.stream()
                .sorted(Comparator.comparing(AuditEvent::chainSeq).reversed())
                .limit(limit)
                .toList();
    }

    private static String orAll(String key) {
        return key == null ? "*" : key;
    }

    /**
     * One newest-first read: SQL, so it can name the index that reads it. Derby's optimizer
     * misjudges these reads (its statistics count every flag-wide event's null environment as a
     * distinct value, so an environment looks as selective as a flag) and would walk a whole
     * environment for a type it holds none of; {@code --DERBY-PROPERTIES} tells it the index.
     * PostgreSQL reads that line as a comment and plans by itself.
     */
    private static final class Where {

        private final String index;
        private final List<String> conditions = new ArrayList<>(List.of("e.chain_seq is not null"));
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        Where(String index) {
            this.index = index;
        }

        Where and(String clause) {
            conditions.add(clause);
            return this;
        }

        Where and(String clause, String name, Object value) {
            if (value != null) {
                and(clause);
                parameters.put(name, value);
            }
            return this;
        }

        @SuppressWarnings("unchecked")
        List<AuditEvent> newest(EntityManager entityManager, int max) {
            Query query = entityManager.createNativeQuery(
                    "select e.* from {h-schema}audit_events e --DERBY-PROPERTIES index=" + index + "\n where "
                            + String.join(" and ", conditions) + " order by e.chain_seq desc",
                    AuditEvent.class);
            parameters.forEach(query::setParameter);
            return query.setMaxResults(max).getResultList();
        }
    }
}
