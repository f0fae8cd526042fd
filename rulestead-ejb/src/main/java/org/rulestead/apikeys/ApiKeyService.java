package org.rulestead.apikeys;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditRecord;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.evaluation.ErrorDomain;
import org.rulestead.evaluation.ErrorType;
import org.rulestead.flags.FlagStore;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.Attempt;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.ResourceRef;
import org.rulestead.time.Now;
import org.rulestead.validation.Finding;

/**
 * Creates, lists, revokes and recognises evaluation API keys. Admins of an environment manage its
 * keys; the secret is answered once, at creation, and only its hash is stored; every change is
 * audited.
 */
@Stateless
public class ApiKeyService {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    @Inject
    private FlagStore flags;

    @Inject
    private AuditLog auditLog;

    @Inject
    private Now now;

    @Inject
    private Event<ApiKeyRevoked> revoked;

    @Inject
    private Event<ApiKeyCreated> created;

    public NewApiKey create(String environmentKey, String name, CommandContext context) {
        Actor actor = authorization.require(
                Action.MANAGE_SETTINGS,
                ResourceRef.environment(environmentKey),
                environmentKey,
                new Attempt("api_key.created", context));
        if (name == null || name.isBlank() || name.length() > 128) {
            throw CommandRejected.invalid(
                    "the API key is invalid",
                    List.of(new Finding("name", "is required: 1 to 128 characters saying who uses the key")));
        }
        flags.requireEnvironment(environmentKey);
        String secret = ApiKeySecrets.newSecret();
        ApiKey key = new ApiKey(
                environmentKey,
                name.trim(),
                ApiKeySecrets.displayPrefix(secret),
                ApiKeySecrets.hash(secret),
                actor.id(),
                now.instant());
        entityManager.persist(key);
        entityManager.flush();
        audit("api_key.created", key, actor, context);
        created.fire(new ApiKeyCreated(key.keyHash(), new KeyHolder(key.id(), environmentKey)));
        return new NewApiKey(key.view(), secret);
    }

    public void revoke(String environmentKey, long id, CommandContext context) {
        Actor actor = authorization.require(
                Action.MANAGE_SETTINGS,
                ResourceRef.environment(environmentKey),
                environmentKey,
                new Attempt("api_key.revoked", context));
        context.requireReason();
        ApiKey key = entityManager.find(ApiKey.class, id);
        if (key == null || !key.environmentKey().equals(environmentKey)) {
            throw new CommandRejected.NotFound(
                    ErrorDomain.AUTH, ErrorType.INVALID_COMMAND, "API key was not found", Map.of("api_key_id", id));
        }
        if (!key.revoked()) {
            key.revoke(actor.id(), now.instant());
            entityManager.flush();
        }
        audit("api_key.revoked", key, actor, context);
        revoked.fire(new ApiKeyRevoked(id));
    }

    public List<ApiKeyView> list(String environmentKey) {
        authorization.require(Action.MANAGE_SETTINGS, ResourceRef.environment(environmentKey), environmentKey);
        flags.requireEnvironment(environmentKey);
        return entityManager
                .createNamedQuery("ApiKey.inEnvironment", ApiKey.class)
                .setParameter("environment", environmentKey)
                .getResultList()
                .stream()
                .map(ApiKey::view)
                .toList();
    }

    /**
     * Every live key by its hash, for {@link ApiKeyRegistry}. No authorization: this is what
     * authentication reads.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<String, KeyHolder> liveKeys() {
        Map<String, KeyHolder> byHash = new HashMap<>();
        entityManager
                .createNamedQuery("ApiKey.live", ApiKey.class)
                .getResultList()
                .forEach(key -> byHash.put(key.keyHash(), new KeyHolder(key.id(), key.environmentKey())));
        return byHash;
    }

    private void audit(String eventType, ApiKey key, Actor actor, CommandContext context) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(
                "api_key",
                Map.of(
                        "id",
                        key.id(),
                        "name",
                        key.view().name(),
                        "prefix",
                        key.view().keyPrefix()));
        metadata.put("context", context.auditContext());
        auditLog.record(AuditRecord.ofChange(
                eventType,
                ResourceRef.environment(key.environmentKey()),
                key.environmentKey(),
                actor,
                context,
                metadata));
    }
}
