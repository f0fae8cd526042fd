package org.rulestead.web.admin.api;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rulestead.flags.FlagEnvironmentView;
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
                flag.environments().stream().map(FlagJson::environment).toList());
        json.put("archived_at", flag.archivedAt());
        json.put("created_at", flag.createdAt());
        json.put("updated_at", flag.updatedAt());
        json.put("version", flag.version());
        return JsonTrees.toJson(json).asJsonObject();
    }

    /** A flag's state in one environment. */
    static Map<String, Object> environment(FlagEnvironmentView environment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment_key", environment.environmentKey());
        json.put("status", environment.status());
        json.put("active_ruleset_version", environment.activeRulesetVersion());
        json.put("latest_ruleset_version", environment.latestRulesetVersion());
        json.put("kill_switch_engaged", environment.killSwitchEngaged());
        json.put("kill_switch_variant_key", environment.killSwitchEngaged() ? "default" : null);
        json.put("last_published_at", environment.lastPublishedAt());
        json.put("version", environment.version());
        return json;
    }
}
