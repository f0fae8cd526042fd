package org.rulestead.schedule;

import java.util.List;

/** A page of scheduled executions, and the cursor of the next (null on the last). */
public record ScheduledExecutionList(List<ScheduledExecutionView> items, Long next) {

    public ScheduledExecutionList {
        items = List.copyOf(items);
    }
}
