package org.rulestead.changerequests;

import java.util.List;

/** One page of change requests, newest first, and the cursor of the next page (null at the end). */
public record ChangeRequestList(List<ChangeRequestView> items, Long next) {

    public ChangeRequestList {
        items = List.copyOf(items);
    }
}
