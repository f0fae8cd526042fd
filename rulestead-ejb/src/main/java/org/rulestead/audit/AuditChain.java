package org.rulestead.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.rulestead.json.JsonTrees;

/**
 * The audit trail's hash chain (decisions 11): each event's hash is the SHA-256 of its
 * predecessor's hash and its own canonical content, so an edited, inserted or deleted row breaks
 * every hash after it.
 */
final class AuditChain {

    /** The predecessor of the first event. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** The fields as one JSON array, in a fixed order; absent fields are null. */
    static String canonical(
            Long chainSeq,
            String eventType,
            String resourceType,
            String resourceKey,
            String environmentKey,
            String actorId,
            String actorType,
            String actorDisplay,
            String reason,
            String outcome,
            String metadata,
            String correlationId,
            Instant occurredAt) {
        List<Object> fields = new ArrayList<>();
        fields.add(chainSeq);
        fields.add(eventType);
        fields.add(resourceType);
        fields.add(resourceKey);
        fields.add(environmentKey);
        fields.add(actorId);
        fields.add(actorType);
        fields.add(actorDisplay);
        fields.add(reason);
        fields.add(outcome);
        fields.add(metadata);
        fields.add(correlationId);
        fields.add(occurredAt == null ? null : occurredAt.toString());
        return JsonTrees.write(fields);
    }

    static String hash(String previousHash, String canonicalContent) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
            sha256.update(canonicalContent.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
