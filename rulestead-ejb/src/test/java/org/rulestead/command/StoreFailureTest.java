package org.rulestead.command;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** What a store failure means to a caller, whichever JPA or JDBC type carries it. */
class StoreFailureTest {

    @Test
    void aHeldRowIsLocked() {
        assertThat(StoreFailure.of(new PessimisticLockException())).isEqualTo(StoreFailure.LOCKED);
        assertThat(StoreFailure.of(new LockTimeoutException())).isEqualTo(StoreFailure.LOCKED);
    }

    @Test
    void aConnectionThatCannotBeHadIsUnreachable() {
        assertThat(StoreFailure.of(new SQLTransientConnectionException("pool wait ran out")))
                .isEqualTo(StoreFailure.UNREACHABLE);
        assertThat(StoreFailure.of(new SQLNonTransientConnectionException("refused")))
                .isEqualTo(StoreFailure.UNREACHABLE);
        assertThat(StoreFailure.of(new SQLException("connection lost", "08006")))
                .isEqualTo(StoreFailure.UNREACHABLE);
    }

    @Test
    void aConcurrentChangeIsAStaleWriteAndATakenKeyADuplicate() {
        assertThat(StoreFailure.of(new OptimisticLockException())).isEqualTo(StoreFailure.STALE_WRITE);
        assertThat(StoreFailure.of(new SQLException("duplicate", "23505"))).isEqualTo(StoreFailure.DUPLICATE_KEY);
    }

    @Test
    void anythingElseIsNoStoreFailure() {
        assertThat(StoreFailure.of(new SQLException("syntax", "42601"))).isNull();
        assertThat(StoreFailure.of(new SQLException("no state"))).isNull();
        assertThat(StoreFailure.of(new IllegalStateException())).isNull();
    }

    @Test
    void aFailureIsFoundAmongTheCauses() {
        PersistenceException wrapped =
                new PersistenceException("flush failed", new RuntimeException(new SQLException("duplicate", "23505")));

        assertThat(StoreFailure.DUPLICATE_KEY.causes(wrapped)).isTrue();
        assertThat(StoreFailure.UNREACHABLE.causes(wrapped)).isFalse();
    }
}
