package org.rulestead.web.admin.pages;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rulestead.evaluation.EvaluationContext;

/** Who is simulated or explained: the identity fields an explain link may carry (spec §4.3). */
public class IdentityFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String targetingKey;
    private String tenantKey;
    private String sessionId;
    private String requestId;

    public boolean isEmpty() {
        return targetingKey == null || targetingKey.isBlank();
    }

    /** The evaluation context of this identity with {@code attributes}. */
    public EvaluationContext context(Map<String, Object> attributes) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("targeting_key", targetingKey);
        raw.put("tenant_key", tenantKey);
        raw.put("session_id", sessionId);
        raw.put("request_id", requestId);
        raw.put("attributes", attributes);
        return EvaluationContext.from(raw);
    }

    public String getTargetingKey() {
        return targetingKey;
    }

    public void setTargetingKey(String targetingKey) {
        this.targetingKey = targetingKey;
    }

    public String getTenantKey() {
        return tenantKey;
    }

    public void setTenantKey(String tenantKey) {
        this.tenantKey = tenantKey;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }
}
