package org.rulestead.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec §7.3: command metadata reaches the audit trail redacted. */
class AuditRedactionTest {

    @Test
    void allowlistedLeavesKeepTheirValuesAndOthersAreRedacted() {
        Map<String, Object> redacted = AuditRedaction.redact(Map.of(
                "ticket", "INC-42",
                "plan", "pro",
                "customer", "ACME Corp",
                "nested", Map.of("region", "eu", "city", "Lisbon")));

        assertThat(redacted)
                .containsEntry("ticket", "INC-42")
                .containsEntry("plan", "pro")
                .containsEntry("customer", AuditRedaction.REDACTED)
                .containsEntry("nested", Map.of("region", "eu", "city", AuditRedaction.REDACTED));
    }

    @Test
    void sessionsTokensEmailsAndPhonesAreDroppedAtEveryLevel() {
        Map<String, Object> redacted = AuditRedaction.redact(Map.of(
                "email", "ana@example.com",
                "session_id", "s-1",
                "api_token", "t",
                "nested", Map.of("phone", "+351", "refresh_token", "r", "region", "eu")));

        assertThat(redacted).containsOnlyKeys("nested");
        assertThat(redacted.get("nested")).isEqualTo(Map.of("region", "eu"));
    }

    @Test
    void theCommandContextCarriesItsIdsAndTheRedactedAnnotations() {
        CommandContext context = new CommandContext(
                "because", "req-1", "admin_api", Map.of("ticket", "INC-7", "email", "ana@example.com"));

        assertThat(context.auditContext())
                .isEqualTo(Map.of("ticket", "INC-7", "request_id", "req-1", "source", "admin_api"));
    }
}
