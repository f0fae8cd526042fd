package org.rulestead.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct conditions of one flag. Rules often repeat a condition ({@code country equals PT}
 * in ten rules); the hot path evaluates each distinct one at most once per evaluation and
 * remembers the first {@value #REMEMBERED} outcomes in two bit sets.
 */
final class ConditionTable {

    static final int REMEMBERED = Long.SIZE;

    private record Identity(String attribute, String operator, Object expected, boolean negate) {}

    private final Map<Identity, Integer> ids = new HashMap<>();
    private final Map<String, AttributePath> paths = new HashMap<>();
    private final List<Condition> conditions = new ArrayList<>();

    /**
     * The id of the condition; conditions on one attribute share one path instance, so the hot
     * path can tell that consecutive conditions read the same attribute and resolve it once.
     */
    int idOf(Condition condition) {
        return ids.computeIfAbsent(
                new Identity(condition.attribute(), condition.operator(), condition.expected(), condition.negated()),
                identity -> {
                    AttributePath shared = condition.attribute() == null
                            ? condition.path()
                            : paths.computeIfAbsent(condition.attribute(), attribute -> condition.path());
                    conditions.add(condition.readingThrough(shared));
                    return conditions.size() - 1;
                });
    }

    Condition[] toArray() {
        return conditions.toArray(Condition[]::new);
    }
}
