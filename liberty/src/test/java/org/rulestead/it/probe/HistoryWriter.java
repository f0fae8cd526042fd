package org.rulestead.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.rulestead.json.JsonTrees;

/**
 * Writes a long history fast, straight into the tables, for the tests of pages with a long
 * history: audit events in batches of {@value #BATCH} rows (each batch one transaction under the
 * chain head's lock, as the application's writer takes it), chained and hashed as decisions 11
 * defines it (an independent second writer of that format: the application's verifier accepting
 * these rows proves both agree), and change requests. Also answers what the pages should show,
 * read with plain SQL.
 */
@Path("it-probe/history")
@RequestScoped
public class HistoryWriter {

    private static final int BATCH = 2_000;
    private static final String[] ENVIRONMENTS = {"development", "staging", "production", "test"};
    private static final String[] SWITCH = {"kill_switch.engage", "kill_switch.release"};
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    @Resource(lookup = "jdbc/rulestead")
    private DataSource dataSource;

    @Resource(lookup = "rulestead/db/schema")
    private String schema;

    /**
     * Appends {@code count} events to the chain: every 20th about {@code flag} in {@code env}
     * (every 8th of those a kill switch engage or release), the others spread over 500 other flags
     * and the four environments, with a publish or kill switch every 97th. Answers how many were
     * written.
     */
    @POST
    @Path("audit")
    @Produces(MediaType.TEXT_PLAIN)
    public String audit(@QueryParam("count") long count, @QueryParam("flag") String flag, @QueryParam("env") String env)
            throws SQLException {
        long written = 0;
        while (written < count) {
            written += appendBatch((int) Math.min(BATCH, count - written), flag, env);
        }
        return Long.toString(written);
    }

    private int appendBatch(int rows, String flag, String env) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // the application's writers take this row's lock for every event: so do these batches
                statement.executeUpdate("UPDATE " + schema + ".audit_chain_head SET last_seq = last_seq WHERE id = 1");
                long seq;
                String previous;
                try (ResultSet head = statement.executeQuery(
                        "SELECT last_seq, last_hash FROM " + schema + ".audit_chain_head WHERE id = 1")) {
                    head.next();
                    seq = head.getLong(1);
                    previous = head.getString(2);
                }
                Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusMillis(rows);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema
                        + ".audit_events (event_type, resource_type, resource_key, environment_key, actor_id,"
                        + " actor_type, actor_display, reason, outcome, metadata, correlation_id, occurred_at,"
                        + " chain_seq, previous_hash, event_hash) VALUES (?, 'flag', ?, ?, ?, ?, ?, ?, 'OK', ?, ?, ?, ?,"
                        + " ?, ?)")) {
                    for (int i = 0; i < rows; i++) {
                        seq++;
                        Event event = event(seq, flag, env, start.plusMillis(i));
                        String eventHash = hash(previous, canonical(seq, event));
                        insert.setString(1, event.type());
                        insert.setString(2, event.flag());
                        insert.setString(3, event.environment());
                        insert.setString(4, event.actor());
                        insert.setString(5, event.actorType());
                        insert.setString(6, event.actor());
                        insert.setString(7, event.reason());
                        insert.setString(8, event.metadata());
                        insert.setString(9, "bulk-" + seq);
                        insert.setTimestamp(10, Timestamp.from(event.at()), UTC);
                        insert.setLong(11, seq);
                        insert.setString(12, previous);
                        insert.setString(13, eventHash);
                        insert.addBatch();
                        previous = eventHash;
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement head = connection.prepareStatement(
                        "UPDATE " + schema + ".audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                    head.setLong(1, seq);
                    head.setString(2, previous);
                    head.executeUpdate();
                }
                connection.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private record Event(
            String type,
            String flag,
            String environment,
            String actor,
            String actorType,
            String reason,
            String metadata,
            Instant at) {}

    private static Event event(long seq, String flag, String env, Instant at) {
        String reason = "bulk history " + seq;
        String metadata = JsonTrees.write(Map.of("bulk", seq));
        if (seq % 20 == 0) {
            String type = seq % 160 == 0 ? SWITCH[(int) (seq / 160 % 2)] : "ruleset.save_draft";
            return new Event(type, flag, env, "bulk-operator-" + seq % 7, "operator", reason, metadata, at);
        }
        String environment = ENVIRONMENTS[(int) (seq % ENVIRONMENTS.length)];
        String type =
                switch ((int) (seq % 97)) {
                    case 0 -> "ruleset.publish";
                    case 1 -> "kill_switch.engage";
                    case 2 -> "kill_switch.release";
                    default -> seq % 3 == 0 ? "flag.update" : "ruleset.save_draft";
                };
        if (type.equals("flag.update")) {
            environment = null;
        }
        boolean automated = seq % 11 == 0;
        return new Event(
                type,
                "bulk-flag-" + seq % 500,
                environment,
                automated ? "rollout-ticker" : "bulk-operator-" + seq % 7,
                automated ? "system" : "operator",
                reason,
                metadata,
                at);
    }

    /** The canonical content of decisions 11: the hashed fields as one JSON array, in their fixed order. */
    private static String canonical(long seq, Event event) {
        List<Object> fields = new ArrayList<>(Arrays.asList(
                seq,
                event.type(),
                "flag",
                event.flag(),
                event.environment(),
                event.actor(),
                event.actorType(),
                event.actor(),
                event.reason(),
                "OK",
                event.metadata(),
                "bulk-" + seq,
                event.at().toString()));
        return JsonTrees.write(fields);
    }

    private static String hash(String previousHash, String canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
            sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds change requests in {@code env} until {@code total} carry a bulk correlation id: the
     * first {@value #EARLY} about the flag {@code bulk-cr-early}, then others spread over 300 flag
     * keys, a third of them awaiting review. Answers how many were written.
     */
    @POST
    @Path("change-requests")
    @Produces(MediaType.TEXT_PLAIN)
    public String changeRequests(@QueryParam("total") int total, @QueryParam("env") String env) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int existing;
            try (Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + schema
                            + ".change_requests WHERE correlation_id LIKE 'bulk-cr-%'")) {
                count.next();
                existing = count.getInt(1);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema
                    + ".change_requests (status, governed_action, environment_key, resource_type, resource_key,"
                    + " submitter_id, submitter_type, submitter_display, reason, command, fingerprint,"
                    + " required_approvals, self_approval_allowed, correlation_id, submitted_at, resolved_at,"
                    + " version) VALUES (?, 'publish_ruleset', ?, 'flag', ?, 'bulk-editor', 'operator', 'bulk-editor',"
                    + " ?, '{\"version\": 1}', ?, 1, FALSE, ?, ?, ?, 0)")) {
                for (int i = existing; i < total; i++) {
                    boolean submitted = i % 3 == 0;
                    insert.setString(1, submitted ? "SUBMITTED" : (i % 3 == 1 ? "EXECUTED" : "REJECTED"));
                    insert.setString(2, env);
                    insert.setString(3, i < EARLY ? "bulk-cr-early" : "bulk-cr-flag-" + i % 300);
                    insert.setString(4, "bulk change request " + i);
                    insert.setString(5, "bulk-fingerprint-" + i);
                    insert.setString(6, "bulk-cr-" + i + "-" + now.toEpochMilli());
                    insert.setTimestamp(7, Timestamp.from(now.minusSeconds(total - i)), UTC);
                    insert.setTimestamp(8, submitted ? null : Timestamp.from(now.minusSeconds(total - i)), UTC);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            return Integer.toString(Math.max(0, total - existing));
        }
    }

    private static final int EARLY = 120;

    /**
     * The reasons of the newest {@code limit} events in {@code env} of these types (about {@code
     * flag} only, when given), one a line.
     */
    @GET
    @Path("latest")
    @Produces(MediaType.TEXT_PLAIN)
    public String latest(
            @QueryParam("flag") String flag,
            @QueryParam("env") String env,
            @QueryParam("types") String types,
            @QueryParam("limit") int limit)
            throws SQLException {
        List<String> wanted = Arrays.asList(types.split(","));
        String marks = String.join(", ", wanted.stream().map(type -> "?").toList());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT reason FROM " + schema
                        + ".audit_events WHERE environment_key = ? AND event_type IN (" + marks + ")"
                        + (flag == null ? "" : " AND resource_type = 'flag' AND resource_key = ?")
                        + " ORDER BY chain_seq DESC")) {
            query.setString(1, env);
            for (int i = 0; i < wanted.size(); i++) {
                query.setString(2 + i, wanted.get(i));
            }
            if (flag != null) {
                query.setString(2 + wanted.size(), flag);
            }
            query.setMaxRows(limit);
            return lines(query);
        }
    }

    /** The reasons of the newest {@code limit} events of {@code env}, one a line. */
    @GET
    @Path("newest")
    @Produces(MediaType.TEXT_PLAIN)
    public String newest(@QueryParam("env") String env, @QueryParam("limit") int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT reason FROM " + schema
                        + ".audit_events WHERE environment_key = ? ORDER BY chain_seq DESC")) {
            query.setString(1, env);
            query.setMaxRows(limit);
            return lines(query);
        }
    }

    /** How many change requests await review in {@code env}. */
    @GET
    @Path("awaiting")
    @Produces(MediaType.TEXT_PLAIN)
    public String awaiting(@QueryParam("env") String env) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + schema
                        + ".change_requests WHERE environment_key = ? AND status = 'SUBMITTED'")) {
            query.setString(1, env);
            return lines(query);
        }
    }

    private static String lines(PreparedStatement query) throws SQLException {
        StringBuilder lines = new StringBuilder();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String value = rows.getString(1);
                lines.append(value == null ? "" : value).append('\n');
            }
        }
        return lines.toString();
    }
}
