/** Flags: what defines them, their state per environment, and the service that creates and reads them. */
package org.rulestead.flags;
