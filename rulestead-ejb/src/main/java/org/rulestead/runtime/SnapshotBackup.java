package org.rulestead.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rulestead.backup.EnvelopeFile;
import org.rulestead.json.JsonTrees;

/**
 * The disk backup of an environment's last snapshot (spec §10.4), so a node can start and serve
 * while the database is down. Layout {@code <root>/<env>/snapshot.current}, {@code
 * snapshot.previous}, {@code quarantine/}, in the envelope of {@link EnvelopeFile}.
 */
public final class SnapshotBackup {

    /** A snapshot read back from disk. */
    public record Backup(String environmentKey, long version, Instant publishedAt, String payload) {}

    private final Path root;

    public SnapshotBackup(Path root) {
        this.root = root;
    }

    /** Writes the snapshot as the environment's current backup, keeping the former one as previous. */
    public void persist(String environmentKey, long version, Instant publishedAt, String payload) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("environment_key", environmentKey);
        document.put("version", version);
        document.put("published_at", publishedAt == null ? null : publishedAt.toString());
        document.put("snapshot", payload);
        file(environmentKey).write(JsonTrees.write(document).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The environment's current backup, if it exists and passes every check; a file that does not is
     * quarantined ({@code invalid_envelope}, {@code unsupported_format}, {@code checksum_mismatch},
     * {@code invalid_payload}, {@code environment_mismatch}).
     */
    public Optional<Backup> load(String environmentKey) throws IOException {
        return file(environmentKey)
                .read(
                        SnapshotBackup::read,
                        backup -> environmentKey.equals(backup.environmentKey()) ? null : "environment_mismatch");
    }

    private EnvelopeFile file(String environmentKey) {
        return new EnvelopeFile(root.resolve(environmentKey), "snapshot");
    }

    @SuppressWarnings("unchecked")
    private static Backup read(byte[] body) {
        Map<String, Object> document = (Map<String, Object>) JsonTrees.read(new String(body, StandardCharsets.UTF_8));
        Object publishedAt = document.get("published_at");
        return new Backup(
                (String) document.get("environment_key"),
                ((Number) document.get("version")).longValue(),
                publishedAt == null ? null : Instant.parse((String) publishedAt),
                (String) document.get("snapshot"));
    }
}
