package org.rulestead.apikeys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises API keys without a database read per request: answers are remembered for a few
 * seconds (unknown keys for one), in a bounded map. A key revoked on this node stops working at
 * once; on other nodes within {@value #REMEMBER_MILLIS} ms.
 */
@ApplicationScoped
public class ApiKeyCache {

    static final long REMEMBER_MILLIS = 5_000;
    private static final long FORGET_UNKNOWN_MILLIS = 1_000;
    private static final int CAPACITY = 10_000;

    private record Remembered(Optional<KeyHolder> holder, long expiresAtNanos) {}

    private final Map<String, Remembered> remembered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > CAPACITY;
        }
    };

    @Inject
    private ApiKeyService keys;

    public Optional<KeyHolder> holderOf(String secret) {
        String hash = ApiKeySecrets.hash(secret);
        long nanos = System.nanoTime();
        synchronized (remembered) {
            Remembered known = remembered.get(hash);
            if (known != null && known.expiresAtNanos() - nanos > 0) {
                return known.holder();
            }
        }
        Optional<KeyHolder> holder = keys.holderOfHash(hash);
        long keep = (holder.isPresent() ? REMEMBER_MILLIS : FORGET_UNKNOWN_MILLIS) * 1_000_000;
        synchronized (remembered) {
            remembered.put(hash, new Remembered(holder, nanos + keep));
        }
        return holder;
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApiKeyRevoked revoked) {
        synchronized (remembered) {
            remembered.values().removeIf(known -> known.holder()
                    .map(holder -> holder.keyId() == revoked.keyId())
                    .orElse(false));
        }
    }
}
