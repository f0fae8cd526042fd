package org.rulestead.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date before the application serves anything. Flyway runs its
 * own transactions, so this bean manages none.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/rulestead")
    private DataSource dataSource;

    @Resource(lookup = "rulestead/db/schema")
    private String schema;

    @PostConstruct
    void migrate() {
        DatabaseDialect dialect = dialect();
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                // Liberty's class loaders find a folder by its flyway.location marker file (db/callback too,
                // which Flyway always scans for Java callbacks)
                .locations(dialect.migrationLocations())
                .failOnMissingLocations(true)
                .placeholders(dialect.placeholders())
                .load()
                .migrate();
        LOG.info(() -> "Database schema " + schema + " on " + dialect + " is at version "
                + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion)
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    private DatabaseDialect dialect() {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseDialect.forProduct(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("the database is unreachable: " + e.getMessage(), e);
        }
    }
}
