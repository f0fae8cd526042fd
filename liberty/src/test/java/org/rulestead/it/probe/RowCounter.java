package org.rulestead.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/** Counts rows in the application's own tables, so tests can assert what was (not) written. */
@Path("it-probe")
@RequestScoped
public class RowCounter {

    private static final Map<String, String> KEY_COLUMNS = Map.of(
            "flags", "flag_key",
            "audit_events", "resource_key",
            "flag_environments", "flag_id",
            "rulesets", "flag_id",
            "change_requests", "resource_key",
            "approvals", "resource_key",
            "guardrail_decisions", "flag_key",
            "guardrail_signals", "flag_key",
            "scheduled_executions", "resource_key");

    @Resource(lookup = "jdbc/rulestead")
    private DataSource dataSource;

    @Resource(lookup = "rulestead/db/schema")
    private String schema;

    /**
     * Sets the reason of audit event {@code id} behind the application's back, as someone with
     * database access could: the append-only guard is lifted for the one statement.
     */
    @jakarta.ws.rs.POST
    @Path("audit/{id}/tamper")
    @Produces(MediaType.TEXT_PLAIN)
    public String tamper(@PathParam("id") long id, @QueryParam("reason") String reason) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            boolean derby = connection.getMetaData().getDatabaseProductName().contains("Derby");
            String table = schema + ".audit_events";
            if (derby) {
                statement.execute("DROP TRIGGER " + schema + ".audit_events_append_only_update");
            } else {
                statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER audit_events_append_only");
            }
            int changed;
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE " + table + " SET reason = ? WHERE id = ?")) {
                update.setString(1, reason);
                update.setLong(2, id);
                changed = update.executeUpdate();
            }
            if (derby) {
                statement.execute("CREATE TRIGGER " + schema + ".audit_events_append_only_update AFTER UPDATE ON "
                        + table + " FOR EACH STATEMENT INSERT INTO " + schema
                        + ".append_only_guard VALUES ('audit_events is append-only')");
            } else {
                statement.execute("ALTER TABLE " + table + " ENABLE TRIGGER audit_events_append_only");
            }
            return Integer.toString(changed);
        }
    }

    @GET
    @Path("rows/{table}")
    @Produces(MediaType.TEXT_PLAIN)
    public String count(@PathParam("table") String table, @QueryParam("key") String key) throws SQLException {
        String column = KEY_COLUMNS.get(table);
        if (column == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        String sql =
                switch (table) {
                    case "flag_environments" -> "SELECT COUNT(*) FROM " + schema + ".flag_environments fe JOIN "
                            + schema + ".flags f ON f.id = fe.flag_id WHERE f.flag_key = ?";
                    case "rulesets" -> "SELECT COUNT(*) FROM " + schema + ".rulesets r JOIN " + schema
                            + ".flag_environments fe ON fe.id = r.flag_environment_id JOIN " + schema
                            + ".flags f ON f.id = fe.flag_id WHERE f.flag_key = ?";
                    case "approvals" -> "SELECT COUNT(*) FROM " + schema + ".approvals a JOIN " + schema
                            + ".change_requests c ON c.id = a.change_request_id WHERE c.resource_key = ?";
                    default -> "SELECT COUNT(*) FROM " + schema + "." + table + " WHERE " + column + " = ?";
                };
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Long.toString(rows.getLong(1));
            }
        }
    }
}
