package org.rulestead.web.admin.pages;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.rulestead.audit.AuditEventView;
import org.rulestead.governance.ActorType;
import org.rulestead.web.admin.rules.RulesetText;

/** An audit event as the timeline and audit pages list it, automation told apart from people. */
public record AuditLine(AuditEventView event) {

    private static final int SUMMARY_LENGTH = 140;

    static List<AuditLine> of(List<AuditEventView> events) {
        return events.stream().map(AuditLine::new).toList();
    }

    public String when() {
        return Format.moment(event.occurredAt());
    }

    /** Timers, guardrails and other system actors, as opposed to an operator's own action. */
    public boolean automated() {
        return !ActorType.OPERATOR.wireName().equals(event.actorType());
    }

    public String outcome() {
        return event.outcome().name().toLowerCase(Locale.ROOT);
    }

    /**
     * What the event changed, from its metadata's {@code before} and {@code after}: the fields
     * that differ ({@code status: active → killswitched}), or what was set.
     */
    public String change() {
        if (!(event.metadata() instanceof Map<?, ?> metadata)) {
            return "";
        }
        Map<?, ?> before = metadata.get("before") instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> after = metadata.get("after") instanceof Map<?, ?> map ? map : Map.of();
        Set<Object> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        return fields.stream()
                .filter(field -> !Objects.equals(before.get(field), after.get(field)))
                .map(field -> field + ": "
                        + (before.containsKey(field) ? shown(before.get(field)) + " → " : "")
                        + shown(after.get(field)))
                .collect(Collectors.collectingAndThen(Collectors.joining(" · "), AuditLine::brief));
    }

    /** A summary stays one glance long; the full metadata is one click away. */
    private static String brief(String summary) {
        return summary.length() <= SUMMARY_LENGTH ? summary : summary.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    private static String shown(Object value) {
        return value == null ? "none" : JsonText.write(value);
    }

    /** The event's metadata as indented JSON. */
    public String metadataText() {
        return String.join("\n", RulesetText.lines(event.metadata()));
    }
}
