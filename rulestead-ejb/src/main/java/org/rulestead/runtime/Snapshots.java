package org.rulestead.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Canonical JSON of snapshot documents and their checksums (spec §10.1). */
public final class Snapshots {

    public static final int SCHEMA_VERSION = 1;

    private Snapshots() {}

    /** Keys sorted at every level, so equal documents are equal bytes. */
    public static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, entry) -> sorted.put(String.valueOf(key), canonical(entry)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Snapshots::canonical).toList();
        }
        return value;
    }

    /** Lowercase hex SHA-256 of the payload's UTF-8 bytes. */
    public static String checksum(String payload) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
