/**
 * Scheduled executions (spec §6.7): governed commands the scheduler runs when they fall due, on
 * persistent EJB timers, each run in its own transaction under a row lock, retried, quarantined
 * after three failed attempts, and cancelled or requeued by an operator, every step audited.
 */
package org.rulestead.schedule;
