package org.rulestead.audit;

/**
 * Fired synchronously, inside the recording transaction, after an audit event is written.
 * Observers extend what a change triggers (outbound webhooks, metrics); an observer that throws
 * rolls back the change together with its audit event.
 */
public record AuditEventRecorded(long id, AuditRecord record) {}
