package org.rulestead.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rulestead.runtime.DatabaseAnswered;

/** Grants in memory: loaded by the refresh worker, changed at once by a local commit. */
class EnvironmentGrantsTest {

    /** The database's grants, and what happens on this node while a reload reads them. */
    private static final class Database extends StoredGrants {
        final List<RoleGrantView> rows = new ArrayList<>();
        Runnable duringRead = () -> {};
        boolean reachable = true;

        @Override
        public List<RoleGrantView> all() {
            if (!reachable) {
                throw new IllegalStateException("connection refused");
            }
            List<RoleGrantView> read = List.copyOf(rows);
            duringRead.run();
            return read;
        }

        void grant(String principal, String environment, Role role) {
            rows.add(new RoleGrantView(rows.size() + 1, principal, role, environment, "admin", Instant.EPOCH));
        }
    }

    private final Database database = new Database();
    private final EnvironmentGrants grants = grants(database);

    private static EnvironmentGrants grants(StoredGrants stored) {
        EnvironmentGrants grants = new EnvironmentGrants();
        try {
            Field field = EnvironmentGrants.class.getDeclaredField("stored");
            field.setAccessible(true);
            field.set(grants, stored);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return grants;
    }

    @Test
    void noneAreKnownUntilTheDatabaseAnswers() {
        database.grant("newcomer", "staging", Role.EDITOR);

        assertThat(grants.loaded()).isFalse();
        assertThat(grants.of("newcomer")).isEmpty();

        grants.reload(new DatabaseAnswered());

        assertThat(grants.loaded()).isTrue();
        assertThat(grants.of("newcomer")).isEqualTo(Map.of("staging", Set.of(Role.EDITOR)));
        assertThat(grants.of("someone-else")).isEmpty();
    }

    @Test
    void aLocalCommitCountsAtOnceAndARevocationRemovesTheRole() {
        grants.reload(new DatabaseAnswered());

        grants.changed(new RoleGrantChanged("newcomer", "staging", Role.EDITOR, true));
        grants.changed(new RoleGrantChanged("newcomer", "staging", Role.VIEWER, true));
        assertThat(grants.of("newcomer")).isEqualTo(Map.of("staging", Set.of(Role.EDITOR, Role.VIEWER)));

        grants.changed(new RoleGrantChanged("newcomer", "staging", Role.EDITOR, false));
        grants.changed(new RoleGrantChanged("newcomer", "staging", Role.VIEWER, false));
        assertThat(grants.of("newcomer")).isEmpty();
    }

    @Test
    void aReloadThatReadBeforeALocalCommitDoesNotUndoIt() {
        grants.reload(new DatabaseAnswered());
        database.duringRead = () -> grants.changed(new RoleGrantChanged("newcomer", "staging", Role.EDITOR, true));

        grants.reload(new DatabaseAnswered());

        assertThat(grants.of("newcomer")).isEqualTo(Map.of("staging", Set.of(Role.EDITOR)));
    }

    @Test
    void aRevocationOnAnotherNodeCountsAtTheNextPoll() {
        database.grant("newcomer", "staging", Role.EDITOR);
        grants.reload(new DatabaseAnswered());

        database.rows.clear();
        grants.reload(new DatabaseAnswered());

        assertThat(grants.of("newcomer")).isEmpty();
    }

    @Test
    void anUnreachableDatabaseKeepsWhatTheNodeKnows() {
        database.grant("newcomer", "staging", Role.EDITOR);
        grants.reload(new DatabaseAnswered());

        database.reachable = false;
        grants.reload(new DatabaseAnswered());

        assertThat(grants.loaded()).isTrue();
        assertThat(grants.of("newcomer")).isEqualTo(Map.of("staging", Set.of(Role.EDITOR)));
    }
}
