package org.rulestead.schema;

import java.util.Locale;
import java.util.Map;

/** The databases Rulestead runs on, and the few type names their SQL spells differently. */
public enum DatabaseDialect {
    DERBY(Map.of("text", "CLOB")),
    POSTGRESQL(Map.of("text", "TEXT"));

    private final Map<String, String> placeholders;

    DatabaseDialect(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    /**
     * Where Flyway finds this database's migrations: the shared set, and the few that only this
     * database's SQL can say (triggers).
     */
    public String[] migrationLocations() {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + name().toLowerCase(Locale.ROOT)};
    }

    /** Flyway placeholders that make one migration set valid on this database. */
    public Map<String, String> placeholders() {
        return placeholders;
    }

    /** The dialect for a JDBC database product name such as "Apache Derby" or "PostgreSQL". */
    public static DatabaseDialect forProduct(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("derby")) {
            return DERBY;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("Rulestead runs on Apache Derby or PostgreSQL, not " + productName);
    }
}
