package org.rulestead.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The migration set applies cleanly to an empty Derby database and seeds the environments. */
class MigrationsOnDerbyTest {

    @Test
    void migratesAnEmptyDatabaseAndSeedsTheFourEnvironments() throws SQLException {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:migrations-" + System.nanoTime());
        dataSource.setCreateDatabase("create");

        int applied = Flyway.configure()
                .dataSource(dataSource)
                .schemas("RULESTEAD")
                .locations(DatabaseDialect.DERBY.migrationLocations())
                .placeholders(DatabaseDialect.DERBY.placeholders())
                .load()
                .migrate()
                .migrationsExecuted;

        assertThat(applied).isPositive();
        List<String> environments = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT env_key, protected_env FROM RULESTEAD.environments ORDER BY id")) {
            while (rows.next()) {
                environments.add(rows.getString(1) + (rows.getBoolean(2) ? " (protected)" : ""));
            }
        }
        assertThat(environments).containsExactly("development", "staging", "production (protected)", "test");

        // the chain's checkpoint starts before the first event, so the first check walks from the start
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet checkpoint = statement.executeQuery(
                        "SELECT verified_seq, verified_hash, full_check_at FROM RULESTEAD.audit_chain_checkpoint")) {
            assertThat(checkpoint.next()).isTrue();
            assertThat(checkpoint.getLong(1)).isZero();
            assertThat(checkpoint.getString(2)).isEqualTo("0".repeat(64));
            assertThat(checkpoint.getTimestamp(3)).isNull();
            assertThat(checkpoint.next()).isFalse();
        }
    }

    @Test
    void theAuditTrailIsAppendOnlyAndPublishedRulesetsImmutableInTheDatabaseItself() throws SQLException {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:guards-" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("RULESTEAD")
                .locations(DatabaseDialect.DERBY.migrationLocations())
                .placeholders(DatabaseDialect.DERBY.placeholders())
                .load()
                .migrate();

        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET SCHEMA RULESTEAD");
            statement.executeUpdate(
                    "INSERT INTO audit_events (event_type, resource_type, actor_id, actor_type, outcome,"
                            + " metadata, correlation_id, occurred_at) VALUES ('flag.create', 'flag', 'ana', 'operator', 'OK',"
                            + " '{}', 'c-1', CURRENT_TIMESTAMP)");
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_events SET reason = 'edited'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("CK_APPEND_ONLY_VIOLATED");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_events"))
                    .isInstanceOf(SQLException.class);

            statement.executeUpdate("INSERT INTO flags (flag_key, flag_type, value_type, default_value, owner_ref,"
                    + " owner_kind, lifecycle_mode, lifecycle_source, lifecycle_overridden, created_at, updated_at,"
                    + " version) VALUES ('f', 'RELEASE', 'BOOLEAN', '{\"value\": false}', 't', 'TEAM', 'PERMANENT',"
                    + " 'FLAG_TYPE', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            statement.executeUpdate("INSERT INTO flag_environments (flag_id, environment_id, status, created_at,"
                    + " updated_at, version) SELECT f.id, e.id, 'DRAFT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0"
                    + " FROM flags f, environments e WHERE e.env_key = 'staging'");
            statement.executeUpdate("INSERT INTO rulesets (flag_environment_id, ruleset_version, status, rules,"
                    + " created_by, created_at, version) SELECT id, 1, 'DRAFT', '[]', 'ana', CURRENT_TIMESTAMP, 0"
                    + " FROM flag_environments");
            statement.executeUpdate(
                    "UPDATE rulesets SET status = 'PUBLISHED', published_at = CURRENT_TIMESTAMP, version = 1");
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE rulesets SET rules = '[{}]'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("CK_APPEND_ONLY_VIOLATED");
        }
    }

    @Test
    void recognisesTheDatabasesItRunsOn() {
        assertThat(DatabaseDialect.forProduct("Apache Derby")).isEqualTo(DatabaseDialect.DERBY);
        assertThat(DatabaseDialect.forProduct("PostgreSQL")).isEqualTo(DatabaseDialect.POSTGRESQL);
    }
}
