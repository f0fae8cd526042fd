/** What every command shares: who asked and why, and how a command is refused. */
package org.rulestead.command;
