package org.rulestead.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when the PostgreSQL server of this machine answers, and hands it an
 * empty schema, so the migrations run from scratch every time.
 */
public class PostgresDatabase implements ExecutionCondition {

    private static final Logger LOG = Logger.getLogger(PostgresDatabase.class.getName());
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5";
    static final String SCHEMA = System.getProperty("rulestead.it.postgres.schema", "rulestead_it");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("the class-level check already ran");
        }
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            return ConditionEvaluationResult.enabled("PostgreSQL answers; schema " + SCHEMA + " is empty");
        } catch (SQLException e) {
            String why = "SKIPPED: no PostgreSQL answers at 127.0.0.1:5432 (" + e.getMessage() + ")";
            LOG.warning(why);
            return ConditionEvaluationResult.disabled(why);
        }
    }
}
