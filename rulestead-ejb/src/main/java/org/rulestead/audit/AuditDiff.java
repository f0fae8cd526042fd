package org.rulestead.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The {@code diff} of audit metadata (spec §7.2): what changed between a before and an after. */
public final class AuditDiff {

    private AuditDiff() {}

    /** {@code {field: {from, to}}} for each field of {@code after} whose value changed. */
    public static Map<String, Object> of(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> diff = new LinkedHashMap<>();
        after.forEach((field, to) -> {
            Object from = before.get(field);
            if (!Objects.equals(from, to)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from);
                change.put("to", to);
                diff.put(field, change);
            }
        });
        return diff;
    }

    /**
     * {@code {rules: [{key, from, to}]}} (spec §7.2): each rule's position (from 0) before and
     * after, null where a rule is new or gone, for the rules that moved, came or went.
     */
    public static Map<String, Object> ofRules(List<String> beforeKeys, List<String> afterKeys) {
        List<Object> moves = new ArrayList<>();
        List<String> all = new ArrayList<>(afterKeys);
        beforeKeys.stream().filter(key -> !afterKeys.contains(key)).forEach(all::add);
        for (String key : all) {
            int from = beforeKeys.indexOf(key);
            int to = afterKeys.indexOf(key);
            if (from != to) {
                Map<String, Object> move = new LinkedHashMap<>();
                move.put("key", key);
                move.put("from", from < 0 ? null : from);
                move.put("to", to < 0 ? null : to);
                moves.add(move);
            }
        }
        return Map.of("rules", moves);
    }
}
