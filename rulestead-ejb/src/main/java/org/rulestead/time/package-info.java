/** The clock every service reads, so tests and timers agree on what "now" is. */
package org.rulestead.time;
