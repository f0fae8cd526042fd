package org.rulestead.web.admin.pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rulestead.audit.AuditEventView;
import org.rulestead.governance.Actor;
import org.rulestead.web.admin.rules.RulesetText;

/** An audit event as the timeline and audit pages list it, automation told apart from people. */
public record AuditLine(AuditEventView event) {

    static List<AuditLine> of(List<AuditEventView> events) {
        return events.stream().map(AuditLine::new).toList();
    }

    public String when() {
        return Format.moment(event.occurredAt());
    }

    /** Timers, guardrails and other system actors, as opposed to an operator's own action. */
    public boolean automated() {
        return !Actor.OPERATOR.equals(event.actorType());
    }

    public String outcome() {
        return event.outcome().name().toLowerCase(Locale.ROOT);
    }

    /** {@code before → after} of the event's metadata, where it records them. */
    public String change() {
        if (!(event.metadata() instanceof Map<?, ?> metadata)) {
            return "";
        }
        Object before = metadata.get("before");
        Object after = metadata.get("after");
        if (before == null && after == null) {
            return "";
        }
        return JsonText.write(before) + " → " + JsonText.write(after);
    }

    /** The event's metadata as indented JSON. */
    public String metadataText() {
        return String.join("\n", RulesetText.lines(event.metadata()));
    }
}
