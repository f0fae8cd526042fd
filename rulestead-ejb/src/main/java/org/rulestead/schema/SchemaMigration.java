package org.rulestead.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
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
 * own transactions, so this bean manages none. When the database cannot be reached at start, the
 * application starts anyway (evaluation then serves the disk backups, marked stale) and the
 * migration is tried again every few seconds until it succeeds.
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

    private static final long RETRY_MILLIS = 5_000;

    @Resource
    private TimerService timers;

    @PostConstruct
    void start() {
        if (!migrated()) {
            timers.createIntervalTimer(RETRY_MILLIS, RETRY_MILLIS, new TimerConfig("schema migration retry", false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (migrated()) {
            timer.cancel();
        }
    }

    /** Migrates, or answers false when the database cannot be reached (and logs why). */
    private boolean migrated() {
        try {
            migrate();
            return true;
        } catch (DatabaseUnreachable unreachable) {
            LOG.warning("the database is unreachable (" + unreachable.getMessage()
                    + "); starting without it and trying the schema migration again every "
                    + RETRY_MILLIS / 1000 + " s");
            return false;
        }
    }

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
            throw new DatabaseUnreachable(e.getMessage());
        }
    }

    private static final class DatabaseUnreachable extends RuntimeException {
        DatabaseUnreachable(String message) {
            super(message, null, false, false);
        }
    }
}
