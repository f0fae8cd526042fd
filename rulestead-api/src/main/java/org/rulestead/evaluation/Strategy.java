package org.rulestead.evaluation;

import java.util.Map;

/**
 * How a rule whose conditions passed produces its answer (spec §2.6), compiled from the rule's
 * {@code strategy} and its blocks. Incomplete rules keep the reference's behaviour: a rollout
 * strategy without a rollout, or an experiment without its block, is skipped; an unknown strategy
 * errors once its rollout lets the identity in.
 */
sealed interface Strategy {

    Outcome decide(Walk walk);

    static Strategy of(
            String flagKey, String ruleKey, Object rulesetSalt, Map<?, ?> rule, Object audiences, Object flagDefault) {
        Object strategy = rule.get("strategy");
        Object value = Values.extract(rule.get("value"));
        Map<?, ?> rollout = rule.get("rollout") instanceof Map<?, ?> map ? map : null;
        Variants variants = Variants.of(rule.get("variants"));
        String name = strategy instanceof String text ? text : "";
        switch (name) {
            case "forced_value":
                return new ForcedValue(value);
            case "segment_match":
                return new SegmentMatch(AudienceCheck.of(rule.get("audience_key"), audiences), value);
            case "experiment":
                return rule.get("experiment") instanceof Map<?, ?> experiment
                        ? new Experiment(new ExperimentGate(flagKey, ruleKey, experiment, variants))
                        : new Skipped(Outcome.MISSING_EXPERIMENT);
            default:
                break;
        }
        if (rollout == null) {
            return new Skipped(Outcome.MISSING_ROLLOUT);
        }
        RolloutGate gate = new RolloutGate(flagKey, ruleKey, rulesetSalt, rollout);
        return switch (name) {
            case "percentage_rollout" -> new PercentageRollout(gate, value != null ? value : flagDefault);
            case "variant_split" -> new VariantSplit(gate, variants);
            default -> new Unrecognized(gate, name);
        };
    }

    record ForcedValue(Object value) implements Strategy {
        @Override
        public Outcome decide(Walk walk) {
            return new Outcome.Match(value, null);
        }
    }

    record SegmentMatch(AudienceCheck audience, Object value) implements Strategy {
        @Override
        public Outcome decide(Walk walk) {
            Outcome.Skip skip = audience.check(walk);
            return skip != null ? skip : new Outcome.Match(value, null);
        }
    }

    /** A null rule value serves the flag's default, as the reference does. */
    record PercentageRollout(RolloutGate gate, Object value) implements Strategy {
        @Override
        public Outcome decide(Walk walk) {
            Outcome admitted = gate.admit(walk);
            return admitted instanceof Outcome.Included ? new Outcome.Match(value, null) : admitted;
        }
    }

    record VariantSplit(RolloutGate gate, Variants variants) implements Strategy {
        @Override
        public Outcome decide(Walk walk) {
            Outcome admitted = gate.admit(walk);
            if (!(admitted instanceof Outcome.Included included)) {
                return admitted;
            }
            Outcome chosen = variants.choose(included.variantBucket());
            if (walk.tracing() && chosen instanceof Outcome.Match match) {
                DebugTrace.RolloutTrace rollout = walk.recorder().rollout;
                walk.recorder().rollout = new DebugTrace.RolloutTrace(
                        true,
                        rollout.bucketBy(),
                        rollout.identity(),
                        rollout.bucket(),
                        rollout.percentage(),
                        rollout.variantBucket(),
                        match.variant());
            }
            return chosen;
        }
    }

    record Experiment(ExperimentGate gate) implements Strategy {
        @Override
        public Outcome decide(Walk walk) {
            return gate.decide(walk);
        }
    }

    record Skipped(Outcome.Skip reason) implements Strategy {
        @Override
        public Outcome decide(Walk walk) {
            return reason;
        }
    }

    record Unrecognized(RolloutGate gate, String name) implements Strategy {
        @Override
        public Outcome decide(Walk walk) {
            Outcome admitted = gate.admit(walk);
            return admitted instanceof Outcome.Included
                    ? new Outcome.Fail(EvaluationError.malformed("unknown strategy \"" + name + "\""))
                    : admitted;
        }
    }
}
