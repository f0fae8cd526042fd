package org.rulestead.backup;

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
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * One backed-up document in a folder of its own: {@code <name>.current}, the one before it as
 * {@code <name>.previous}, and {@code quarantine/} for files that fail a check. Envelope (spec
 * §10.4): {@code RSTBKP}, format version and body length (unsigned 32-bit big-endian), the body,
 * and the body's SHA-256. Written to a temporary file, forced to disk and moved into place, so a
 * crash leaves the former file whole; a file that fails a check is moved aside, never deleted.
 */
public final class EnvelopeFile {

    private static final byte[] MAGIC = "RSTBKP".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int DIGEST_LENGTH = 32;
    private static final int HEADER_LENGTH = MAGIC.length + 8;

    private final Path directory;
    private final String name;

    public EnvelopeFile(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    public Path current() {
        return directory.resolve(name + ".current");
    }

    /** Writes the body as the current file, keeping the former one as previous. */
    public void write(byte[] body) throws IOException {
        Files.createDirectories(directory);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + HEADER_LENGTH + DIGEST_LENGTH);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(body.length);
            out.write(body);
            out.write(sha256(body));
        }
        Path temporary = directory.resolve(name + ".tmp");
        try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes.toByteArray()));
            channel.force(true);
        }
        Path current = current();
        if (Files.exists(current)) {
            move(current, directory.resolve(name + ".previous"));
        }
        move(temporary, current);
    }

    /**
     * The current file's body, read by {@code reader}, if the file exists and passes every check.
     * A file that does not is quarantined as {@code invalid_envelope}, {@code unsupported_format},
     * {@code checksum_mismatch}, {@code invalid_payload} (the reader threw) or whatever problem
     * {@code accept} names for what the reader made of it.
     */
    public <T> Optional<T> read(Function<byte[], T> reader, Function<T, String> accept) throws IOException {
        Path current = current();
        if (!Files.exists(current)) {
            return Optional.empty();
        }
        byte[] file = Files.readAllBytes(current);
        String problem;
        T document = null;
        if (file.length < HEADER_LENGTH + DIGEST_LENGTH || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            problem = "invalid_envelope";
        } else {
            ByteBuffer buffer = ByteBuffer.wrap(file).position(MAGIC.length);
            int format = buffer.getInt();
            long length = Integer.toUnsignedLong(buffer.getInt());
            if (format != FORMAT) {
                problem = "unsupported_format";
            } else if (length != file.length - HEADER_LENGTH - DIGEST_LENGTH) {
                problem = "invalid_envelope";
            } else {
                byte[] body = Arrays.copyOfRange(file, HEADER_LENGTH, HEADER_LENGTH + (int) length);
                byte[] digest = Arrays.copyOfRange(file, file.length - DIGEST_LENGTH, file.length);
                if (!MessageDigest.isEqual(digest, sha256(body))) {
                    problem = "checksum_mismatch";
                } else {
                    try {
                        document = reader.apply(body);
                        problem = accept.apply(document);
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
        return Optional.of(document);
    }

    private void quarantine(Path file, String reason) throws IOException {
        Path quarantine = Files.createDirectories(directory.resolve("quarantine"));
        int n = 1;
        Path target;
        do {
            target = quarantine.resolve(file.getFileName() + "." + reason + "." + n++);
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
