package org.rulestead.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk backup's envelope, rotation and quarantine (spec §10.4). */
class SnapshotBackupTest {

    @TempDir
    Path root;

    private static final Instant PUBLISHED = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void aSnapshotReadsBackAsItWasWrittenAndThePreviousOneIsKept() throws IOException {
        SnapshotBackup backup = new SnapshotBackup(root);
        backup.persist("staging", 6, PUBLISHED, "{\"flags\": {}}");
        backup.persist("staging", 7, PUBLISHED, "{\"flags\": {\"a\": {}}}");

        assertThat(backup.load("staging"))
                .contains(new SnapshotBackup.Backup("staging", 7, PUBLISHED, "{\"flags\": {\"a\": {}}}"));
        assertThat(root.resolve("staging/snapshot.previous")).exists();
        assertThat(backup.load("production")).isEmpty();
    }

    @Test
    void aCorruptFileIsQuarantinedNotServed() throws IOException {
        SnapshotBackup backup = new SnapshotBackup(root);
        backup.persist("staging", 7, PUBLISHED, "{\"flags\": {}}");
        Path current = root.resolve("staging/snapshot.current");
        byte[] bytes = Files.readAllBytes(current);
        bytes[20] ^= 0x01;
        Files.write(current, bytes);

        assertThat(backup.load("staging")).isEmpty();
        assertThat(current).doesNotExist();
        assertThat(root.resolve("staging/quarantine/snapshot.current.checksum_mismatch.1"))
                .exists();
    }

    @Test
    void aFileThatIsNotABackupOrOfAnotherEnvironmentIsQuarantined() throws IOException {
        SnapshotBackup backup = new SnapshotBackup(root);
        Files.createDirectories(root.resolve("staging"));
        Files.writeString(root.resolve("staging/snapshot.current"), "not a backup at all, clearly not");
        assertThat(backup.load("staging")).isEmpty();
        assertThat(root.resolve("staging/quarantine/snapshot.current.invalid_envelope.1"))
                .exists();

        backup.persist("production", 3, PUBLISHED, "{}");
        Files.createDirectories(root.resolve("test"));
        Files.copy(root.resolve("production/snapshot.current"), root.resolve("test/snapshot.current"));
        assertThat(backup.load("test")).isEmpty();
        assertThat(root.resolve("test/quarantine/snapshot.current.environment_mismatch.1"))
                .exists();
    }
}
