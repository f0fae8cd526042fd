package org.rulestead.command;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * What a failure of the store means to a caller, so the web layer can answer it without knowing
 * JPA or JDBC: another writer holds the row, the database is out of reach, the caller's copy is
 * stale, or none of these (a bug, logged with an incident id).
 */
public enum StoreFailure {
    /** Another transaction holds the row: try again. */
    LOCKED,
    /** A connection cannot be had or was lost (SQL state class 08, or the pool's wait ran out). */
    UNREACHABLE,
    /** Someone else changed the row meanwhile: reload and try again. */
    STALE_WRITE,
    /** A unique key is taken (SQL state 23505): the thing exists already. */
    DUPLICATE_KEY;

    /** Whether {@code failure} or one of its causes is a failure of this kind. */
    public boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (of(cause) == this) {
                return true;
            }
        }
        return false;
    }

    /** What {@code cause} itself (not its causes) means, or null when it is no store failure. */
    public static StoreFailure of(Throwable cause) {
        if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException) {
            return LOCKED;
        }
        if (cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLException sql
                        && sql.getSQLState() != null
                        && sql.getSQLState().startsWith("08")) {
            return UNREACHABLE;
        }
        if (cause instanceof OptimisticLockException) {
            return STALE_WRITE;
        }
        if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
            return DUPLICATE_KEY;
        }
        return null;
    }
}
