package org.rulestead.command;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;
import org.rulestead.validation.Finding;

/**
 * A command that was refused before it changed anything: the transaction rolls back and the
 * caller learns why, in the spec's error vocabulary (§3.2: domain, type, message, metadata,
 * details).
 */
@ApplicationException(rollback = true, inherited = true)
public abstract sealed class CommandRejected extends RuntimeException
        permits CommandRejected.Malformed,
                CommandRejected.NotFound,
                CommandRejected.Invalid,
                CommandRejected.Conflict,
                CommandRejected.VersionRequired,
                CommandRejected.Forbidden {

    private final String domain;
    private final String type;
    private final Map<String, Object> metadata;
    private final List<Finding> details;

    private CommandRejected(
            String domain, String type, String message, Map<String, Object> metadata, List<Finding> details) {
        super(message, null, false, false);
        this.domain = domain;
        this.type = type;
        this.metadata = Map.copyOf(metadata);
        this.details = List.copyOf(details);
    }

    public String domain() {
        return domain;
    }

    public String type() {
        return type;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public List<Finding> details() {
        return details;
    }

    /**
     * The request could not be read as a command at all (not JSON, too large or too deep, a
     * version that is no version): {@link #status()} 400, or 413 for a body over the size limit.
     */
    public static final class Malformed extends CommandRejected {
        private final int status;

        public Malformed(int status, String message, Map<String, Object> metadata, List<Finding> details) {
            super("config", "invalid_command", message, metadata, details);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The named flag, environment or other resource does not exist. */
    public static final class NotFound extends CommandRejected {
        public NotFound(String domain, String type, String message, Map<String, Object> metadata) {
            super(domain, type, message, metadata, List.of());
        }
    }

    /** The command is malformed or breaks a rule of the model; {@link #details()} says where. */
    public static final class Invalid extends CommandRejected {
        public Invalid(String domain, String type, String message, List<Finding> details) {
            super(domain, type, message, Map.of(), details);
        }
    }

    /** The command clashes with the current state (a taken key, a stale version). */
    public static final class Conflict extends CommandRejected {
        public Conflict(String domain, String type, String message, Map<String, Object> metadata) {
            super(domain, type, message, metadata, List.of());
        }
    }

    /**
     * A write that edits an aggregate did not say which version of it the caller read (decisions
     * 17): send {@code version} in the body or {@code If-Match} with the ETag the read answered.
     */
    public static final class VersionRequired extends CommandRejected {
        public VersionRequired(String message, Map<String, Object> metadata) {
            super("store", "invalid_command", message, metadata, List.of());
        }
    }

    /** The caller may not do this here; metadata names the action, environment and reason. */
    public static final class Forbidden extends CommandRejected {
        public Forbidden(String message, Map<String, Object> metadata) {
            super("auth", "unauthorized", message, metadata, List.of());
        }
    }
}
