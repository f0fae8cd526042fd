package org.rulestead.command;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.evaluation.ErrorDomain;
import org.rulestead.evaluation.ErrorType;
import org.rulestead.validation.Finding;

/**
 * A command that was refused before it changed anything: the transaction rolls back and the
 * caller learns why, in the spec's closed error vocabulary (§3.2: domain, type, message, metadata,
 * details). The named factories below are the refusals every service shares, worded once.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract sealed class CommandRejected extends RuntimeException
        permits CommandRejected.Malformed,
                CommandRejected.NotFound,
                CommandRejected.Invalid,
                CommandRejected.Conflict,
                CommandRejected.VersionRequired,
                CommandRejected.Forbidden {

    private final ErrorDomain domain;
    private final ErrorType type;
    private final Map<String, Object> metadata;
    private final List<Finding> details;

    private CommandRejected(
            ErrorDomain domain, ErrorType type, String message, Map<String, Object> metadata, List<Finding> details) {
        super(message, null, false, false);
        this.domain = domain;
        this.type = type;
        this.metadata = Map.copyOf(metadata);
        this.details = List.copyOf(details);
    }

    public ErrorDomain domain() {
        return domain;
    }

    public ErrorType type() {
        return type;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public List<Finding> details() {
        return details;
    }

    /** 404: no flag with this key. */
    public static NotFound flagNotFound(String flagKey) {
        return new NotFound(
                ErrorDomain.STORE, ErrorType.FLAG_NOT_FOUND, "flag was not found", Map.of("flag_key", flagKey));
    }

    /** 404: the flag does not exist in the environment (spec §3.2's store message). */
    public static NotFound flagNotFoundIn(String flagKey, String environmentKey) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("flag_key", flagKey);
        metadata.put("environment_key", String.valueOf(environmentKey));
        return new NotFound(
                ErrorDomain.STORE, ErrorType.FLAG_NOT_FOUND, ErrorType.FLAG_NOT_FOUND.canonicalMessage(), metadata);
    }

    /** 404: no environment with this key. */
    public static NotFound environmentNotFound(String environmentKey) {
        return new NotFound(
                ErrorDomain.CONFIG,
                ErrorType.ENVIRONMENT_NOT_FOUND,
                ErrorType.ENVIRONMENT_NOT_FOUND.canonicalMessage(),
                Map.of("environment_key", String.valueOf(environmentKey)));
    }

    /** 404: the named resource (a change request, an API key, a grant) does not exist. */
    public static NotFound notFound(String message, Map<String, Object> metadata) {
        return new NotFound(ErrorDomain.STORE, ErrorType.INVALID_COMMAND, message, metadata);
    }

    /** 409: the flag is archived and takes no more changes. */
    public static Conflict flagArchived(String flagKey) {
        return new Conflict(
                ErrorDomain.STORE,
                ErrorType.FLAG_ARCHIVED,
                ErrorType.FLAG_ARCHIVED.canonicalMessage(),
                Map.of("flag_key", flagKey));
    }

    /**
     * 409: the command clashes with the state it would change; {@code reason} is one of the spec's
     * bounded codes (§3.2, e.g. {@code ruleset_not_publishable}) or a sentence.
     */
    public static Conflict conflict(String reason, Map<String, Object> metadata) {
        return new Conflict(ErrorDomain.STORE, ErrorType.INVALID_COMMAND, reason, metadata);
    }

    /** 422: the command does not hold what it must; each finding names a field. */
    public static Invalid invalid(String message, List<Finding> findings) {
        return new Invalid(ErrorDomain.CONFIG, ErrorType.INVALID_COMMAND, message, findings);
    }

    /** 422: a change must say why, for the audit trail. */
    public static Invalid reasonRequired() {
        return invalid(
                "a reason is required", List.of(new Finding("reason", "is required: say why, for the audit trail")));
    }

    /**
     * The request could not be read as a command at all (not JSON, too large or too deep, a
     * version that is no version): {@link #status()} 400, or 413 for a body over the size limit.
     */
    public static final class Malformed extends CommandRejected {
        private final int status;

        public Malformed(int status, String message, Map<String, Object> metadata, List<Finding> details) {
            super(ErrorDomain.CONFIG, ErrorType.INVALID_COMMAND, message, metadata, details);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The named flag, environment or other resource does not exist. */
    public static final class NotFound extends CommandRejected {
        public NotFound(ErrorDomain domain, ErrorType type, String message, Map<String, Object> metadata) {
            super(domain, type, message, metadata, List.of());
        }
    }

    /** The command is malformed or breaks a rule of the model; {@link #details()} says where. */
    public static final class Invalid extends CommandRejected {
        public Invalid(ErrorDomain domain, ErrorType type, String message, List<Finding> details) {
            super(domain, type, message, Map.of(), details);
        }
    }

    /** The command clashes with the current state (a taken key, a stale version). */
    public static final class Conflict extends CommandRejected {
        public Conflict(ErrorDomain domain, ErrorType type, String message, Map<String, Object> metadata) {
            super(domain, type, message, metadata, List.of());
        }
    }

    /**
     * A write that edits an aggregate did not say which version of it the caller read (decisions
     * 17): send {@code version} in the body or {@code If-Match} with the ETag the read answered.
     */
    public static final class VersionRequired extends CommandRejected {
        public VersionRequired(String message, Map<String, Object> metadata) {
            super(ErrorDomain.STORE, ErrorType.INVALID_COMMAND, message, metadata, List.of());
        }
    }

    /** The caller may not do this here; metadata names the action, environment and reason. */
    public static final class Forbidden extends CommandRejected {
        public Forbidden(String message, Map<String, Object> metadata) {
            super(ErrorDomain.AUTH, ErrorType.UNAUTHORIZED, message, metadata, List.of());
        }
    }
}
