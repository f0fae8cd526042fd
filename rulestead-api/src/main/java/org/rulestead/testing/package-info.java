/**
 * A test double for host applications: flags held in memory, forced values, variants pinned per
 * targeting key, and assertions that code evaluated a flag, all on the real evaluator.
 */
package org.rulestead.testing;
