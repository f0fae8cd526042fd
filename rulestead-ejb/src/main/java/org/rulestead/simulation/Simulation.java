package org.rulestead.simulation;

import java.util.Map;
import org.rulestead.runtime.RuntimeAnswer;

/**
 * One simulated evaluation: the live answer with its trace, the explanation sentence (spec §4.1,
 * with the runtime suffix) and the context's attributes as the audit trail may keep them (§4.2).
 */
public record Simulation(RuntimeAnswer answer, String explanation, Map<String, Object> redactedContext) {}
