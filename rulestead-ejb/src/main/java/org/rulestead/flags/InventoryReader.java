package org.rulestead.flags;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.rulestead.model.LifecycleMode;

/**
 * Reads one page of the flag inventory in SQL: the database filters, sorts, counts and pages, so
 * the page costs the same with ten flags or ten thousand. {@code readable} says whether the caller
 * may read flags in the environment: where they may not, every flag there shows as absent, as the
 * flag's own view would.
 */
final class InventoryReader {

    private static final String LABEL = "case when f.owner_display is null or trim(f.owner_display) = ''"
            + " then f.owner_ref else f.owner_display end";

    private final EntityManager entityManager;
    private final String status;

    InventoryReader(EntityManager entityManager, boolean readable) {
        this.entityManager = entityManager;
        this.status = readable
                ? "case when f.archived_at is not null then 'archived' when fe.id is null then 'absent'"
                        + " else lower(fe.status) end"
                : "case when f.archived_at is not null then 'archived' else 'absent' end";
    }

    FlagInventory read(FlagInventoryQuery query, Predicate<String> environmentInScope) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(query, parameters);
        List<String> order = order(query.sort(), query.descending() ? " desc" : "");
        StringBuilder select = new StringBuilder("select f.id");
        for (int i = 0; i < order.size(); i++) {
            // Derby orders by what it selects
            select.append(", ")
                    .append(order.get(i).replace(" desc", ""))
                    .append(" as o")
                    .append(i);
        }
        List<String> orderBy = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            orderBy.add("o" + i + (order.get(i).endsWith(" desc") ? " desc" : ""));
        }
        Query page = native_(select + from() + where + " order by " + String.join(", ", orderBy), query, parameters)
                .setFirstResult(query.offset())
                .setMaxResults(query.pageSize());
        List<Long> ids = new ArrayList<>();
        for (Object row : page.getResultList()) {
            ids.add(((Number) ((Object[]) row)[0]).longValue());
        }
        long matching = ((Number) native_("select count(*)" + from() + where, query, parameters)
                        .getSingleResult())
                .longValue();
        long total = ((Number) entityManager
                        .createNativeQuery("select count(*) from {h-schema}flags f")
                        .getSingleResult())
                .longValue();
        return new FlagInventory(
                views(ids, environmentInScope),
                matching,
                total,
                distinct("select distinct f.owner_ref from {h-schema}flags f", Map.of()),
                distinct("select distinct t.tag from {h-schema}flag_tags t", Map.of()),
                distinct("select distinct " + status + from(), Map.of("environment", query.environmentKey())));
    }

    private static String from() {
        return " from {h-schema}flags f left join {h-schema}flag_environments fe on fe.flag_id = f.id"
                + " and fe.environment_id = (select e.id from {h-schema}environments e where e.env_key = :environment)";
    }

    private String where(FlagInventoryQuery query, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.text() != null) {
            conditions.add("(f.flag_key like :text escape '!' or lower(f.description) like :text escape '!'"
                    + " or lower(" + LABEL + ") like :text escape '!'"
                    + " or exists (select 1 from {h-schema}flag_tags t where t.flag_id = f.id"
                    + " and lower(t.tag) like :text escape '!'))");
            parameters.put("text", "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.ownerRef() != null) {
            conditions.add("f.owner_ref = :owner");
            parameters.put("owner", query.ownerRef());
        }
        if (query.lifecycleMode() != null) {
            LifecycleMode mode = lifecycleMode(query.lifecycleMode());
            if (mode == null) {
                conditions.add("1 = 0");
            } else {
                conditions.add("f.lifecycle_mode = :lifecycle");
                parameters.put("lifecycle", mode.name());
            }
        }
        if (query.status() != null) {
            conditions.add(status + " = :status");
            parameters.put("status", query.status());
        }
        if (query.tag() != null) {
            conditions.add("exists (select 1 from {h-schema}flag_tags t where t.flag_id = f.id and t.tag = :tag)");
            parameters.put("tag", query.tag());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The order of a sort, column by column, the key last; descending reverses every column. */
    private List<String> order(InventorySort sort, String direction) {
        List<String> columns = new ArrayList<>();
        switch (sort) {
            case STATUS -> columns.add(status);
            case OWNER -> columns.add(LABEL);
            case LIFECYCLE -> {
                // "permanent" before "review by <date>", dates in order
                columns.add("case when f.lifecycle_mode = 'PERMANENT' then 0 else 1 end");
                columns.add("f.review_by");
            }
            case TYPE -> columns.add("lower(f.flag_type)");
            case KEY -> {}
        }
        columns.add("f.flag_key");
        return columns.stream().map(column -> column + direction).toList();
    }

    private Query native_(String sql, FlagInventoryQuery query, Map<String, Object> parameters) {
        Query typed = entityManager.createNativeQuery(sql);
        typed.setParameter("environment", query.environmentKey());
        parameters.forEach(typed::setParameter);
        return typed;
    }

    private List<FlagView> views(List<Long> ids, Predicate<String> environmentInScope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, FlagView> byId = new HashMap<>();
        entityManager
                .createQuery("select f from Flag f where f.id in :ids", Flag.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(flag -> byId.put(flag.id(), flag.view().within(environmentInScope)));
        return ids.stream().map(byId::get).toList();
    }

    /** A short list of distinct values, in the JVM's order so every database lists them alike. */
    private List<String> distinct(String sql, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return ((List<?>) query.getResultList())
                .stream().map(String::valueOf).sorted().toList();
    }

    private static LifecycleMode lifecycleMode(String wireName) {
        for (LifecycleMode mode : LifecycleMode.values()) {
            if (mode.wireName().equals(wireName)) {
                return mode;
            }
        }
        return null;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
