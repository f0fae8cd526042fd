package org.rulestead.evaluation;

import java.util.Map;
import org.rulestead.model.WireNamed;

/**
 * How a rule whose conditions passed produces its answer (spec §2.6), compiled from the rule's
 * {@code strategy} and its blocks. Incomplete rules keep the reference's behaviour: a rollout
 * strategy without a rollout, or an experiment without its block, is skipped; an unknown strategy
 * errors once its rollout lets the identity in.
 *
 * <p>Each strategy answers twice over: {@link #answer} on the hot path (a prepared result, null to
 * go on with the next rule, or an error result; no trace, hashes skipped where the percentage
 * alone decides) and {@link #decide} with the trace. Tests hold the two to the same answers.
 */
sealed interface Strategy {

    EvaluationResult answer(EvaluationContext context);

    Outcome decide(Walk walk);

    static Strategy of(
            Answers flag, String ruleKey, String hashKey, Object rulesetSalt, Map<?, ?> rule, Object audiences) {
        Object strategy = rule.get("strategy");
        Object value = Values.extract(rule.get("value"));
        Map<?, ?> rollout = rule.get("rollout") instanceof Map<?, ?> map ? map : null;
        String name = strategy instanceof String text ? text : "";
        // exact names, as the reference reads them: " forced_value" is an unknown strategy here
        RuleStrategy known =
                WireNamed.parseExactly(RuleStrategy.class, strategy).orElse(null);
        if (known == RuleStrategy.FORCED_VALUE) {
            return new ForcedValue(flag.match(ruleKey, value, null));
        }
        if (known == RuleStrategy.SEGMENT_MATCH) {
            return new SegmentMatch(
                    AudienceCheck.of(rule.get("audience_key"), audiences), flag.match(ruleKey, value, null));
        }
        if (known == RuleStrategy.EXPERIMENT) {
            return rule.get("experiment") instanceof Map<?, ?> experiment
                    ? new Experiment(
                            new ExperimentGate(
                                    flag.hashKey(),
                                    hashKey,
                                    experiment,
                                    Variants.of(rule.get("variants"), flag, ruleKey)),
                            flag)
                    : new Skipped(Outcome.MISSING_EXPERIMENT);
        }
        if (rollout == null) {
            return new Skipped(Outcome.MISSING_ROLLOUT);
        }
        RolloutGate gate = new RolloutGate(flag.hashKey(), hashKey, rulesetSalt, rollout);
        if (known == RuleStrategy.PERCENTAGE_ROLLOUT) {
            return new PercentageRollout(
                    gate,
                    flag.match(ruleKey, value != null ? value : flag.defaulted().value(), null),
                    flag);
        }
        if (known == RuleStrategy.VARIANT_SPLIT) {
            return new VariantSplit(gate, Variants.of(rule.get("variants"), flag, ruleKey), flag);
        }
        return new Unrecognized(gate, name, flag);
    }

    record ForcedValue(EvaluationResult matched) implements Strategy {
        @Override
        public EvaluationResult answer(EvaluationContext context) {
            return matched;
        }

        @Override
        public Outcome decide(Walk walk) {
            return new Outcome.Match(matched.value(), null);
        }
    }

    record SegmentMatch(AudienceCheck audience, EvaluationResult matched) implements Strategy {
        @Override
        public EvaluationResult answer(EvaluationContext context) {
            return audience.admits(context) ? matched : null;
        }

        @Override
        public Outcome decide(Walk walk) {
            Outcome.Skip skip = audience.check(walk);
            return skip != null ? skip : new Outcome.Match(matched.value(), null);
        }
    }

    /** A null rule value serves the flag's default, as the reference does. */
    record PercentageRollout(RolloutGate gate, EvaluationResult matched, Answers flag) implements Strategy {
        @Override
        public EvaluationResult answer(EvaluationContext context) {
            String id = gate.identityOf(context);
            if (id == null) {
                return flag.missingIdentity(context, gate.bucketBy());
            }
            return gate.includes(context, id) ? matched : null;
        }

        @Override
        public Outcome decide(Walk walk) {
            Outcome admitted = gate.admit(walk);
            return admitted instanceof Outcome.Included ? new Outcome.Match(matched.value(), null) : admitted;
        }
    }

    record VariantSplit(RolloutGate gate, Variants variants, Answers flag) implements Strategy {
        @Override
        public EvaluationResult answer(EvaluationContext context) {
            String id = gate.identityOf(context);
            if (id == null) {
                return flag.missingIdentity(context, gate.bucketBy());
            }
            if (!gate.includes(context, id)) {
                return null;
            }
            return variants.decidedWithoutBucket()
                    ? variants.answer(0)
                    : variants.answer(gate.variantBucket(context, id));
        }

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

    record Experiment(ExperimentGate gate, Answers flag) implements Strategy {
        @Override
        public EvaluationResult answer(EvaluationContext context) {
            return gate.answer(context, flag);
        }

        @Override
        public Outcome decide(Walk walk) {
            return gate.decide(walk);
        }
    }

    record Skipped(Outcome.Skip reason) implements Strategy {
        @Override
        public EvaluationResult answer(EvaluationContext context) {
            return null;
        }

        @Override
        public Outcome decide(Walk walk) {
            return reason;
        }
    }

    record Unrecognized(RolloutGate gate, String name, Answers flag) implements Strategy {
        @Override
        public EvaluationResult answer(EvaluationContext context) {
            String id = gate.identityOf(context);
            if (id == null) {
                return flag.missingIdentity(context, gate.bucketBy());
            }
            return gate.includes(context, id) ? flag.failure(unknown()) : null;
        }

        @Override
        public Outcome decide(Walk walk) {
            Outcome admitted = gate.admit(walk);
            return admitted instanceof Outcome.Included ? new Outcome.Fail(unknown()) : admitted;
        }

        private EvaluationError unknown() {
            return EvaluationError.malformed("unknown strategy \"" + name + "\"");
        }
    }
}
