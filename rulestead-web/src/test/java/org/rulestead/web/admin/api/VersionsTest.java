package org.rulestead.web.admin.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rulestead.command.CommandRejected;
import org.rulestead.command.ReadVersion;

/** The version a write states it read (decisions 17): missing 428, malformed 400, stale 409. */
class VersionsTest {

    private static void reads(ReadVersion version, long current) {
        assertThatCode(() -> version.check(current, "flag", Map.of())).doesNotThrowAnyException();
    }

    private static void refuses(ReadVersion version, Class<? extends CommandRejected> refusal) {
        assertThatThrownBy(() -> version.check(7, "flag", Map.of())).isInstanceOf(refusal);
    }

    @Test
    void theBodysVersionOrIfMatchNamesTheVersionRead() {
        reads(Versions.read(true, 7L, null), 7);
        reads(Versions.read(false, null, "\"7\""), 7);
        reads(Versions.read(false, null, "7"), 7);
        reads(Versions.read(true, 7L, "\"7\""), 7);
        reads(Versions.read(true, new BigDecimal("7.0"), null), 7);
    }

    @Test
    void noVersionIs428() {
        refuses(Versions.read(false, null, null), CommandRejected.VersionRequired.class);
        refuses(Versions.read(false, null, "  "), CommandRejected.VersionRequired.class);
    }

    @Test
    void somethingThatIsNoVersionIs400() {
        refuses(Versions.read(true, "7", null), CommandRejected.Malformed.class);
        refuses(Versions.read(true, null, null), CommandRejected.Malformed.class);
        refuses(Versions.read(true, -1L, null), CommandRejected.Malformed.class);
        refuses(Versions.read(true, new BigDecimal("7.5"), null), CommandRejected.Malformed.class);
        refuses(Versions.read(false, null, "W/\"7\""), CommandRejected.Malformed.class);
        refuses(Versions.read(false, null, "*"), CommandRejected.Malformed.class);
        refuses(Versions.read(false, null, "\"7\", \"8\""), CommandRejected.Malformed.class);
        refuses(Versions.read(false, null, "\"seven\""), CommandRejected.Malformed.class);
        refuses(Versions.read(true, 8L, "\"7\""), CommandRejected.Malformed.class);
    }

    @Test
    void anotherVersionIs409() {
        refuses(Versions.read(true, 6L, null), CommandRejected.Conflict.class);
        refuses(Versions.read(false, null, "\"8\""), CommandRejected.Conflict.class);
    }
}
