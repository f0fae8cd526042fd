package org.rulestead.evaluation;

import org.rulestead.model.WireNamed;

/**
 * Whose identity a rollout or experiment buckets by (spec §2.8): the targeting key ({@code
 * subject}, also for a missing or unknown name), the tenant, the session, or the account
 * attribute ({@code account_key}, else {@code account_id}).
 */
enum Identity {
    SUBJECT,
    TENANT,
    SESSION,
    ACCOUNT;

    static Identity of(Object bucketBy) {
        BucketBy named = bucketBy instanceof String name
                ? WireNamed.parse(BucketBy.class, name).orElse(BucketBy.SUBJECT)
                : BucketBy.SUBJECT;
        return switch (named) {
            case TENANT -> TENANT;
            case SESSION -> SESSION;
            case ACCOUNT -> ACCOUNT;
            case SUBJECT -> SUBJECT;
        };
    }

    /** The name shown in traces, warnings and error metadata. */
    static String displayName(Object bucketBy) {
        return bucketBy == null ? "subject" : Values.trimOrEmpty(bucketBy);
    }

    /**
     * The bucket of this identity of the context; {@code id} is {@link #of}'s answer. The context's
     * own fields come already encoded.
     */
    int bucket(Bucketing.Hasher hasher, EvaluationContext context, String id) {
        return switch (this) {
            case SUBJECT -> hasher.bucket(context.targetingKeyUtf8());
            case TENANT -> hasher.bucket(context.tenantKeyUtf8());
            case SESSION -> hasher.bucket(context.sessionIdUtf8());
            case ACCOUNT -> hasher.bucket(id);
        };
    }

    /** The identity of the context, or null when it has none (a missing or empty value). */
    String of(EvaluationContext context) {
        String identity =
                switch (this) {
                    case SUBJECT -> context.targetingKey();
                    case TENANT -> context.tenantKey();
                    case SESSION -> context.sessionId();
                    case ACCOUNT -> {
                        Object key = context.attributes().get("account_key");
                        yield Values.text(
                                key == null || Boolean.FALSE.equals(key)
                                        ? context.attributes().get("account_id")
                                        : key);
                    }
                };
        return identity == null || identity.isEmpty() ? null : identity;
    }
}
