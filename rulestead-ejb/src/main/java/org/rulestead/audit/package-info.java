/** The append-only audit trail: every state change and every denied attempt, with who, what, when and why. */
package org.rulestead.audit;
