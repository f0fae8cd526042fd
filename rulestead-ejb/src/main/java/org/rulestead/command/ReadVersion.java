package org.rulestead.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.validation.Finding;

/**
 * The version of an aggregate that a write says it read (decisions 17), from the body's {@code
 * version} or the {@code If-Match} header: a write that edits an aggregate is refused with 428
 * when it states none, 400 when what it states is no version, and 409 when the aggregate changed
 * since. Checked after authorization, as every other part of a command.
 */
public final class ReadVersion {

    private static final ReadVersion ABSENT = new ReadVersion(null, null);

    private final Long value;
    private final String problem;

    private ReadVersion(Long value, String problem) {
        this.value = value;
        this.problem = problem;
    }

    public static ReadVersion of(long value) {
        return new ReadVersion(value, null);
    }

    /** The caller stated no version. */
    public static ReadVersion absent() {
        return ABSENT;
    }

    /** What the caller stated is no version; {@code problem} says why. */
    public static ReadVersion malformed(String problem) {
        return new ReadVersion(null, problem);
    }

    /**
     * Passes when the caller read {@code current}; otherwise the refusal: 428 without a version,
     * 400 with a malformed one, 409 with another one ({@code metadata} names the aggregate, and
     * the 409 adds its current version).
     */
    public void check(long current, String aggregate, Map<String, Object> metadata) {
        if (problem != null) {
            throw new CommandRejected.Malformed(
                    400, "the version is malformed: " + problem, metadata, List.of(new Finding("version", problem)));
        }
        if (value == null) {
            throw new CommandRejected.VersionRequired(
                    "say which version of the " + aggregate + " you read: send \"version\" in the body or"
                            + " If-Match with the ETag its read answered",
                    metadata);
        }
        if (value != current) {
            Map<String, Object> conflict = new LinkedHashMap<>(metadata);
            conflict.put("reason", "stale_version");
            conflict.put("version", current);
            throw CommandRejected.conflict(
                    "the " + aggregate + " changed since you read it: read it again and retry", conflict);
        }
    }

    @Override
    public String toString() {
        return value != null ? "version " + value : problem != null ? "malformed version" : "no version";
    }
}
