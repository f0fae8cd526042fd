package org.rulestead.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Collects the trace of one rule while it is evaluated; only made when a trace was asked for. */
final class RuleRecorder {

    final List<DebugTrace.ConditionTrace> conditions = new ArrayList<>();
    final List<DebugTrace.Warning> warnings = new ArrayList<>();
    DebugTrace.RolloutTrace rollout;
    DebugTrace.ExperimentTrace experiment;
    DebugTrace.AudienceTrace audience;

    DebugTrace.RuleTrace finish(String ruleKey, boolean matched, String reason) {
        return new DebugTrace.RuleTrace(ruleKey, matched, reason, conditions, rollout, experiment, audience, warnings);
    }
}
