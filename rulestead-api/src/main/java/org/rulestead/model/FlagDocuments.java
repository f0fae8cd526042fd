package org.rulestead.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a flag definition as the JSON-shaped document {@link NewFlagReader} reads: the one
 * snake_case shape of a flag in REST bodies, audit snapshots and manifests.
 */
public final class FlagDocuments {

    private FlagDocuments() {}

    public static Map<String, Object> toDocument(FlagDefinition flag) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("key", flag.key());
        document.put("description", flag.description());
        document.put("flag_type", flag.flagType().wireName());
        document.put("value_type", flag.valueType().wireName());
        Map<String, Object> defaultValue = new LinkedHashMap<>();
        defaultValue.put("value", flag.defaultValue());
        document.put("default_value", defaultValue);
        document.put("owner_ref", flag.ownership().ownerRef());
        document.put("owner_kind", flag.ownership().ownerKind().wireName());
        document.put("owner_display", flag.ownership().ownerDisplay());
        Lifecycle lifecycle = flag.lifecycle();
        document.put("permanent", lifecycle.mode() == LifecycleMode.PERMANENT);
        document.put(
                "expected_expiration",
                lifecycle.reviewBy() == null ? null : lifecycle.reviewBy().toString());
        Map<String, Object> lifecycleDocument = new LinkedHashMap<>();
        lifecycleDocument.put("mode", lifecycle.mode().wireName());
        lifecycleDocument.put(
                "review_by",
                lifecycle.reviewBy() == null ? null : lifecycle.reviewBy().toString());
        lifecycleDocument.put("default_source", lifecycle.source().wireName());
        lifecycleDocument.put("default_overridden", lifecycle.defaultOverridden());
        document.put("lifecycle", lifecycleDocument);
        document.put("tags", flag.tags());
        return document;
    }
}
