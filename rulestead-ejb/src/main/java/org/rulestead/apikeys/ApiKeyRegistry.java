package org.rulestead.apikeys;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rulestead.backup.EnvelopeFile;
import org.rulestead.json.JsonTrees;
import org.rulestead.runtime.DatabaseAnswered;
import org.rulestead.runtime.RefreshMonitor;

/**
 * The live API keys of every environment, held in memory so that recognising a key never waits on
 * the database (decisions 15). The refresh worker reloads the list on every poll that reaches the
 * database, so a key revoked on any node stops working within a poll interval; keys created or
 * revoked on this node take effect when their transaction commits. The list is kept on disk beside
 * the snapshot backups (key hashes only, never a secret), so a node restarted while the database is
 * out of reach still admits the keys it knew.
 */
@ApplicationScoped
public class ApiKeyRegistry {

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class.getName());

    /** The backup folder's name: environment keys start with a letter or digit, so none can clash. */
    static final String BACKUP_FOLDER = "_api-keys";

    /** Where the list came from: {@code none} yet, this node's {@code disk} backup, or the {@code database}. */
    private record KnownKeys(Map<String, KeyHolder> byHash, String source) {
        KnownKeys {
            byHash = Map.copyOf(byHash);
        }
    }

    private volatile KnownKeys known = new KnownKeys(Map.of(), "none");

    @Inject
    private ApiKeyService keys;

    @Inject
    private RefreshMonitor monitor;

    @Resource(lookup = "rulestead/runtime/backupDir")
    private String backupDir;

    private EnvelopeFile backup;

    @PostConstruct
    void restore() {
        backup = backupDir == null || backupDir.isBlank()
                ? null
                : new EnvelopeFile(Path.of(backupDir.trim()).resolve(BACKUP_FOLDER), "keys");
        if (backup == null) {
            return;
        }
        try {
            backup.read(ApiKeyRegistry::read, restored -> null).ifPresent(restored -> {
                synchronized (this) {
                    if ("none".equals(known.source())) {
                        known = new KnownKeys(restored, "disk");
                    }
                }
            });
        } catch (IOException | RuntimeException unreadable) {
            LOG.log(Level.WARNING, "could not restore the API keys backup", unreadable);
        }
    }

    /** Recognises a key from memory only. */
    public KeyRecognition recognise(String secret) {
        KnownKeys current = known;
        KeyHolder holder = current.byHash().get(ApiKeySecrets.hash(secret));
        if (holder != null) {
            return new KeyRecognition.Recognised(holder);
        }
        return "database".equals(current.source()) && monitor.confirmed()
                ? new KeyRecognition.Unrecognised()
                : new KeyRecognition.Undecided();
    }

    /** Whether the list in memory is the database's (else this node's disk backup, or nothing). */
    public String source() {
        return known.source();
    }

    void reload(@Observes DatabaseAnswered answered) {
        Map<String, KeyHolder> live;
        try {
            live = keys.liveKeys();
        } catch (RuntimeException unreachable) {
            LOG.log(Level.FINE, "could not reload the API keys; keeping the list this node has", unreachable);
            return;
        }
        boolean changed;
        synchronized (this) {
            changed = !live.equals(known.byHash());
            known = new KnownKeys(live, "database");
        }
        if (changed) {
            persist(live);
        }
    }

    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApiKeyCreated created) {
        synchronized (this) {
            Map<String, KeyHolder> byHash = new HashMap<>(known.byHash());
            byHash.put(created.keyHash(), created.holder());
            known = new KnownKeys(byHash, known.source());
        }
        persist(known.byHash());
    }

    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApiKeyRevoked revoked) {
        synchronized (this) {
            Map<String, KeyHolder> byHash = new HashMap<>(known.byHash());
            byHash.values().removeIf(holder -> holder.keyId() == revoked.keyId());
            known = new KnownKeys(byHash, known.source());
        }
        persist(known.byHash());
    }

    private void persist(Map<String, KeyHolder> byHash) {
        if (backup == null) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byHash.forEach((hash, holder) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", holder.keyId());
            row.put("environment_key", holder.environmentKey());
            row.put("key_hash", hash);
            rows.add(row);
        });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("written_at", Instant.now().toString());
        document.put("keys", rows);
        try {
            backup.write(JsonTrees.write(document).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException failed) {
            LOG.log(Level.WARNING, "could not write the API keys backup", failed);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, KeyHolder> read(byte[] body) {
        Map<String, Object> document = (Map<String, Object>) JsonTrees.read(new String(body, StandardCharsets.UTF_8));
        Map<String, KeyHolder> byHash = new HashMap<>();
        for (Object row : (List<Object>) document.get("keys")) {
            Map<String, Object> key = (Map<String, Object>) row;
            byHash.put((String) key.get("key_hash"), new KeyHolder(((Number) key.get("id")).longValue(), (String)
                    key.get("environment_key")));
        }
        return byHash;
    }
}
