package org.rulestead.schedule;

import java.util.Map;
import org.rulestead.command.CommandContext;
import org.rulestead.governance.GovernedCommand;

/**
 * A scheduled execution being run: its id, the command it was scheduled with, its metadata, and
 * the context its audit rows carry (the scheduler's reason, the execution's correlation id).
 */
public record DueExecution(
        long id, GovernedCommand command, Map<String, Object> metadata, int attempt, CommandContext context) {}
