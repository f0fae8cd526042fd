package org.rulestead.runtime;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rulestead.json.JsonTrees;

/**
 * The disk backup of an environment's last snapshot (spec §10.4), so a node can start and serve
 * while the database is down. Layout {@code <root>/<env>/snapshot.current}, {@code
 * snapshot.previous}, {@code quarantine/}; file envelope: {@code RSTBKP}, format version and
 * payload length (unsigned 32-bit big-endian), the payload, and the payload's SHA-256. A file that
 * fails any check is moved to quarantine, never deleted.
 */
public final class SnapshotBackup {

    private static final byte[] MAGIC = "RSTBKP".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int DIGEST_LENGTH = 32;

    /** A snapshot read back from disk. */
    public record Backup(String environmentKey, long version, Instant publishedAt, String payload) {}

    private final Path root;

    public SnapshotBackup(Path root) {
        this.root = root;
    }

    /** Writes the snapshot as the environment's current backup, keeping the former one as previous. */
    public void persist(String environmentKey, long version, Instant publishedAt, String payload) throws IOException {
        Path directory = Files.createDirectories(root.resolve(environmentKey));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("environment_key", environmentKey);
        document.put("version", version);
        document.put("published_at", publishedAt == null ? null : publishedAt.toString());
        document.put("snapshot", payload);
        byte[] body = JsonTrees.write(document).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(body.length);
            out.write(body);
            out.write(sha256(body));
        }
        Path temporary = directory.resolve("snapshot.tmp");
        try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes.toByteArray()));
            channel.force(true);
        }
        Path current = directory.resolve("snapshot.current");
        if (Files.exists(current)) {
            move(current, directory.resolve("snapshot.previous"));
        }
        move(temporary, current);
    }

    /**
     * The environment's current backup, if it exists and passes every check; a file that does not is
     * quarantined ({@code invalid_envelope}, {@code unsupported_format}, {@code checksum_mismatch},
     * {@code invalid_payload}, {@code environment_mismatch}).
     */
    public Optional<Backup> load(String environmentKey) throws IOException {
        Path current = root.resolve(environmentKey).resolve("snapshot.current");
        if (!Files.exists(current)) {
            return Optional.empty();
        }
        byte[] file = Files.readAllBytes(current);
        String problem = null;
        Backup backup = null;
        ByteBuffer buffer = ByteBuffer.wrap(file);
        if (file.length < MAGIC.length + 8 + DIGEST_LENGTH
                || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            problem = "invalid_envelope";
        } else {
            buffer.position(MAGIC.length);
            int format = buffer.getInt();
            long length = Integer.toUnsignedLong(buffer.getInt());
            if (format != FORMAT) {
                problem = "unsupported_format";
            } else if (length != file.length - MAGIC.length - 8 - DIGEST_LENGTH) {
                problem = "invalid_envelope";
            } else {
                byte[] body = Arrays.copyOfRange(file, MAGIC.length + 8, MAGIC.length + 8 + (int) length);
                byte[] digest = Arrays.copyOfRange(file, file.length - DIGEST_LENGTH, file.length);
                if (!MessageDigest.isEqual(digest, sha256(body))) {
                    problem = "checksum_mismatch";
                } else {
                    try {
                        backup = read(body);
                        if (!environmentKey.equals(backup.environmentKey())) {
                            problem = "environment_mismatch";
                        }
                    } catch (RuntimeException unreadable) {
                        problem = "invalid_payload";
                    }
                }
            }
        }
        if (problem != null) {
            quarantine(current, problem);
            return Optional.empty();
        }
        return Optional.of(backup);
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

    private void quarantine(Path file, String reason) throws IOException {
        Path quarantine = Files.createDirectories(file.getParent().resolve("quarantine"));
        int n = 1;
        Path target;
        do {
            target = quarantine.resolve("snapshot.current." + reason + "." + n++);
        } while (Files.exists(target));
        move(file, target);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
