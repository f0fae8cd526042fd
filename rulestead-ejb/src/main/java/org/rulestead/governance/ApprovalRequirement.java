package org.rulestead.governance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What governance asks of one action (spec §1.10, §6.3): whether it must go through a change
 * request, how many approvals that needs, and whether its submitter may approve it.
 */
public record ApprovalRequirement(
        Action action,
        String environmentKey,
        int requiredApprovals,
        boolean changeRequestRequired,
        boolean selfApprovalAllowed) {

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("action", action.wireName());
        map.put("environment_key", environmentKey);
        map.put("required_approvals", requiredApprovals);
        map.put("change_request_required", changeRequestRequired);
        map.put("self_approval_allowed", selfApprovalAllowed);
        return map;
    }
}
