package org.rulestead.changerequests;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rulestead.governance.EnvironmentScope;

/**
 * The newest change requests, of one status or all, in the environments a reader's scope shows:
 * filtered in the database, so that the list's limit counts only what the reader may see.
 */
final class ChangeRequestListing {

    private ChangeRequestListing() {}

    static List<ChangeRequest> newest(
            EntityManager entityManager, Optional<ChangeRequestStatus> status, EnvironmentScope scope, int limit) {
        List<String> environments = entityManager
                .createQuery("select e.key from Environment e", String.class)
                .getResultList();
        boolean everywhere = scope.coversAll(environments);
        List<String> shown = scope.within(environments);
        if (!everywhere && shown.isEmpty()) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        status.ifPresent(wanted -> conditions.add("c.status = :status"));
        if (!everywhere) {
            conditions.add("c.environmentKey in :shown");
        }
        String jpql = "select c from ChangeRequest c"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by c.id desc";
        TypedQuery<ChangeRequest> query = entityManager.createQuery(jpql, ChangeRequest.class);
        status.ifPresent(wanted -> query.setParameter("status", wanted));
        if (!everywhere) {
            query.setParameter("shown", shown);
        }
        return query.setMaxResults(limit).getResultList();
    }
}
