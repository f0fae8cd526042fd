package org.rulestead.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.governance.Action;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.EnvironmentScope;
import org.rulestead.governance.ResourceRef;

/** Reads the audit trail: filtered pages, a flag's timeline in one environment, chain verification. */
@Stateless
public class AuditTrail {

    private static final int VERIFY_PAGE = 500;

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
        StringBuilder jpql = new StringBuilder("select e from AuditEvent e where e.chainSeq is not null");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.environmentKey() != null) {
            authorization.require(Action.LIST_AUDIT_EVENTS, resource, query.environmentKey());
            filter(jpql, parameters, "e.environmentKey = :environment", "environment", query.environmentKey());
        } else {
            EnvironmentScope scope = authorization.requireAcross(Action.LIST_AUDIT_EVENTS, resource);
            List<String> environments = entityManager
                    .createQuery("select e.key from Environment e", String.class)
                    .getResultList();
            if (!scope.coversAll(environments)) {
                List<String> shown = scope.within(environments);
                jpql.append(
                        shown.isEmpty()
                                ? " and e.environmentKey is null"
                                : " and (e.environmentKey is null or e.environmentKey in :shown)");
                if (!shown.isEmpty()) {
                    parameters.put("shown", shown);
                }
            }
        }
        if (query.flagKey() != null) {
            jpql.append(" and e.resourceType = 'flag'");
            filter(jpql, parameters, "e.resourceKey = :flag", "flag", query.flagKey());
        }
        filter(jpql, parameters, "e.actorId = :actor", "actor", query.actorId());
        filter(jpql, parameters, "e.eventType = :eventType", "eventType", query.eventType());
        filter(jpql, parameters, "e.occurredAt >= :from", "from", query.from());
        filter(jpql, parameters, "e.occurredAt < :to", "to", query.to());
        filter(jpql, parameters, "e.chainSeq < :before", "before", query.before());
        jpql.append(" order by e.chainSeq desc");
        TypedQuery<AuditEvent> typed = entityManager.createQuery(jpql.toString(), AuditEvent.class);
        parameters.forEach(typed::setParameter);
        List<AuditEvent> rows = typed.setMaxResults(query.limit() + 1).getResultList();
        boolean more = rows.size() > query.limit();
        List<AuditEventView> page =
                rows.stream().limit(query.limit()).map(AuditEvent::view).toList();
        return new AuditPage(page, more ? page.get(page.size() - 1).chainSeq() : null);
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

    /**
     * Walks the whole chain from its first event: positions without gaps, each event's previous
     * hash its predecessor's hash, each hash its content's, and the head at the last event.
     */
    public AuditVerification verify() {
        authorization.require(Action.LIST_AUDIT_EVENTS, ResourceRef.flag("*"), null);
        long checked = 0;
        long expectedSeq = 1;
        String previousHash = AuditChain.GENESIS;
        List<AuditEvent> page;
        do {
            page = entityManager
                    .createNamedQuery("AuditEvent.chainFrom", AuditEvent.class)
                    .setParameter("after", expectedSeq - 1)
                    .setMaxResults(VERIFY_PAGE)
                    .getResultList();
            for (AuditEvent event : page) {
                checked++;
                if (event.chainSeq() != expectedSeq) {
                    return AuditVerification.broken(
                            checked, event.id(), "events before chain position " + event.chainSeq() + " are missing");
                }
                if (!previousHash.equals(event.previousHash())) {
                    return AuditVerification.broken(
                            checked, event.id(), "the event does not follow its predecessor's hash");
                }
                if (!AuditChain.hash(previousHash, event.canonicalContent()).equals(event.eventHash())) {
                    return AuditVerification.broken(checked, event.id(), "the event's content does not match its hash");
                }
                previousHash = event.eventHash();
                expectedSeq++;
            }
            entityManager.clear();
        } while (page.size() == VERIFY_PAGE);
        AuditChainHead head = entityManager.find(AuditChainHead.class, AuditChainHead.ID);
        if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(previousHash)) {
            return AuditVerification.broken(checked, null, "the last events of the chain are missing");
        }
        return AuditVerification.intact(checked);
    }

    private static void filter(
            StringBuilder jpql, Map<String, Object> parameters, String clause, String name, Object value) {
        if (value != null) {
            jpql.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }

    private static String orAll(String key) {
        return key == null ? "*" : key;
    }
}
