package org.rulestead.changerequests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rulestead.json.JsonTrees;

/**
 * A change request's fingerprint (decisions 10): {@code sha256:} and the SHA-256 of its canonical
 * command (action, environment, resource and the command with keys sorted at every level), so two
 * proposals with the same meaning have the same fingerprint and any edit changes it.
 */
final class Fingerprints {

    private Fingerprints() {}

    static String of(
            String action,
            String environmentKey,
            String resourceType,
            String resourceKey,
            Map<String, Object> command) {
        List<Object> canonical = new ArrayList<>();
        canonical.add(action);
        canonical.add(environmentKey);
        canonical.add(resourceType);
        canonical.add(resourceKey);
        canonical.add(sorted(command));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(JsonTrees.write(canonical).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> ordered = new TreeMap<>();
            map.forEach((key, entry) -> ordered.put(String.valueOf(key), sorted(entry)));
            return ordered;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Fingerprints::sorted).toList();
        }
        return value;
    }
}
