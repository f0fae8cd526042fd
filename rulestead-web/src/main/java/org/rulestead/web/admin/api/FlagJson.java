package org.rulestead.web.admin.api;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rulestead.flags.FlagView;
import org.rulestead.json.JsonTrees;
import org.rulestead.model.FlagDocuments;

/** A flag as the admin API renders it: the flag document plus its environments and bookkeeping. */
final class FlagJson {

    private FlagJson() {}

    static JsonObject of(FlagView flag) {
        Map<String, Object> json = new LinkedHashMap<>(FlagDocuments.toDocument(flag.definition()));
        json.put(
                "environments",
                flag.environments().stream()
                        .map(environment -> Map.of(
                                "environment_key", environment.environmentKey(),
                                "status", environment.status()))
                        .toList());
        json.put("archived_at", flag.archivedAt());
        json.put("created_at", flag.createdAt());
        json.put("updated_at", flag.updatedAt());
        json.put("version", flag.version());
        return JsonTrees.toJson(json).asJsonObject();
    }
}
