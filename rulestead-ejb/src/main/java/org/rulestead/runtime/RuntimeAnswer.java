package org.rulestead.runtime;

import org.rulestead.evaluation.EvaluationResult;

/**
 * A live evaluation: the engine's result and where it came from (decisions 6): the snapshot
 * version, its age on this node, and whether it is stale.
 */
public record RuntimeAnswer(
        EvaluationResult result, long snapshotVersion, Long cacheAgeMs, boolean stale, String source) {}
