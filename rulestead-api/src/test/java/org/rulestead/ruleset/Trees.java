package org.rulestead.ruleset;

import java.util.Map;
import org.rulestead.evaluation.JsonDocuments;

/** JSON test data as the JSON-shaped trees the REST layer hands over (Long or BigDecimal numbers). */
final class Trees {

    private Trees() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return (Map<String, Object>) JsonDocuments.parse(json);
    }

    static Map<String, Object> resource(String path) {
        return JsonDocuments.resource(Trees.class, path);
    }
}
