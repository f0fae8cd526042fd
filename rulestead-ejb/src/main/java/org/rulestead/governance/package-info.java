/** Who may do what, where: roles, the action catalog, the host policy seam and its default. */
package org.rulestead.governance;
