package org.rulestead.flags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rulestead.environments.Environment;
import org.rulestead.model.FlagDefinition;
import org.rulestead.ruleset.RulesetCodec;

/**
 * The runtime flag payload of spec §2.2, the document the engine compiles and snapshots carry:
 * the flag's definition, its state in the environment, and its published rules, written by the
 * ruleset codec, emptied while the kill switch is engaged (§2.11).
 */
final class RuntimePayload {

    private RuntimePayload() {}

    static Map<String, Object> of(
            FlagDefinition definition,
            Environment environment,
            FlagStatus status,
            String killSwitchVariantKey,
            Ruleset active) {
        Map<String, Object> flagDocument = new LinkedHashMap<>();
        flagDocument.put("key", definition.key());
        flagDocument.put("flag_type", definition.flagType().wireName());
        flagDocument.put("value_type", definition.valueType().wireName());
        Map<String, Object> defaultValue = new LinkedHashMap<>();
        defaultValue.put("value", definition.defaultValue());
        flagDocument.put("default_value", defaultValue);
        flagDocument.put("tags", definition.tags());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("environment_key", environment.key());
        state.put("status", status.name().toLowerCase(Locale.ROOT));
        state.put("kill_switch_variant_key", killSwitchVariantKey);
        state.put("active_ruleset_version", active.rulesetVersion());
        Map<String, Object> authored = RulesetCodec.write(active.authored());
        Map<String, Object> ruleset = new LinkedHashMap<>();
        ruleset.put("version", active.rulesetVersion());
        ruleset.put("status", "published");
        ruleset.put("salt", authored.get("salt"));
        ruleset.put("rules", status == FlagStatus.KILLSWITCHED ? List.of() : authored.get("rules"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("flag", flagDocument);
        payload.put("environment", Map.of("key", environment.key(), "name", environment.name()));
        payload.put("flag_environment", state);
        payload.put("active_ruleset", ruleset);
        return payload;
    }
}
