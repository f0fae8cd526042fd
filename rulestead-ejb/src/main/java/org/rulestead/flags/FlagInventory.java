package org.rulestead.flags;

import java.util.List;

/**
 * One page of the flag inventory: the flags on it (each with its state in the environments the
 * caller may read), how many match the filters and how many exist, and the values the filters
 * offer (owners, tags, and the statuses flags have in the environment).
 */
public record FlagInventory(
        List<FlagView> flags,
        long matching,
        long total,
        List<String> owners,
        List<String> tags,
        List<String> statuses) {

    public FlagInventory {
        flags = List.copyOf(flags);
        owners = List.copyOf(owners);
        tags = List.copyOf(tags);
        statuses = List.copyOf(statuses);
    }

    /** How many pages of {@code pageSize} the matching flags fill (one when none match). */
    public int pages(int pageSize) {
        return (int) Math.max(1, (matching + pageSize - 1) / pageSize);
    }
}
