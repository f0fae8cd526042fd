package org.rulestead.flags;

import java.util.Objects;

/**
 * One page of the flag inventory of an environment (spec §12.2 {@code /admin/flags}): each filter
 * null for none; {@code text} is matched, ignoring case, against the key, description, owner and
 * tags; {@code status} is the flag's status in the environment ({@code absent} where it has none).
 */
public record FlagInventoryQuery(
        String environmentKey,
        String text,
        String ownerRef,
        String lifecycleMode,
        String status,
        String tag,
        InventorySort sort,
        boolean descending,
        int page,
        int pageSize) {

    public FlagInventoryQuery {
        Objects.requireNonNull(environmentKey, "environment is required");
        sort = sort == null ? InventorySort.KEY : sort;
        page = Math.max(page, 1);
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("page size must be 1 to 500, not " + pageSize);
        }
    }

    /** The rows before this page. */
    int offset() {
        return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * pageSize);
    }
}
