/**
 * Granting and revoking roles in one environment (decisions 18): the admin's command, audited,
 * whose change the in-memory grants of every node pick up.
 */
package org.rulestead.grants;
