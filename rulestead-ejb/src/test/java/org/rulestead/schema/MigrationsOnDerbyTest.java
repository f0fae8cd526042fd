package org.rulestead.schema;

import static org.assertj.core.api.Assertions.assertThat;

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
                .locations("classpath:db/migration")
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
    }

    @Test
    void recognisesTheDatabasesItRunsOn() {
        assertThat(DatabaseDialect.forProduct("Apache Derby")).isEqualTo(DatabaseDialect.DERBY);
        assertThat(DatabaseDialect.forProduct("PostgreSQL")).isEqualTo(DatabaseDialect.POSTGRESQL);
    }
}
