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
            "flag_environments", "flag_id");

    @Resource(lookup = "jdbc/rulestead")
    private DataSource dataSource;

    @Resource(lookup = "rulestead/db/schema")
    private String schema;

    @GET
    @Path("rows/{table}")
    @Produces(MediaType.TEXT_PLAIN)
    public String count(@PathParam("table") String table, @QueryParam("key") String key) throws SQLException {
        String column = KEY_COLUMNS.get(table);
        if (column == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        String sql = table.equals("flag_environments")
                ? "SELECT COUNT(*) FROM " + schema + ".flag_environments fe JOIN " + schema
                        + ".flags f ON f.id = fe.flag_id WHERE f.flag_key = ?"
                : "SELECT COUNT(*) FROM " + schema + "." + table + " WHERE " + column + " = ?";
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
