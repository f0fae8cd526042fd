/**
 * Change requests (spec §6.5): governed changes proposed, reviewed by others, and executed with
 * their audit in one transaction; approvals bound to the exact proposal by its fingerprint.
 */
package org.rulestead.changerequests;
