package org.rulestead.ruleset;

import java.util.List;
import java.util.Objects;
import org.rulestead.evaluation.RuleStrategy;

/**
 * One authored rule (spec §1.5): its key (used in bucketing and traces), optional name and
 * description, the conditions that must all pass, and what its strategy needs, one record per
 * {@link RuleStrategy}. Optional fields are null when the document leaves them out.
 */
public sealed interface Rule
        permits Rule.ForcedValue, Rule.SegmentMatch, Rule.PercentageRollout, Rule.VariantSplit, Rule.Experiment {

    String key();

    String name();

    String description();

    List<Condition> conditions();

    Extras extras();

    RuleStrategy strategy();

    /** Serves its value to everybody who passes the conditions. */
    record ForcedValue(
            String key, String name, String description, List<Condition> conditions, ServedValue value, Extras extras)
            implements Rule {

        public ForcedValue {
            Objects.requireNonNull(key, "key is required");
            Objects.requireNonNull(value, "a forced value needs its value");
            conditions = List.copyOf(conditions);
            extras = Extras.orNone(extras);
        }

        @Override
        public RuleStrategy strategy() {
            return RuleStrategy.FORCED_VALUE;
        }
    }

    /** Serves its value (if any) to the members of an audience; {@code audience_id} is optional. */
    record SegmentMatch(
            String key,
            String name,
            String description,
            List<Condition> conditions,
            String audienceId,
            String audienceKey,
            ServedValue value,
            Extras extras)
            implements Rule {

        public SegmentMatch {
            Objects.requireNonNull(key, "key is required");
            Objects.requireNonNull(audienceKey, "a segment match needs its audience_key");
            conditions = List.copyOf(conditions);
            extras = Extras.orNone(extras);
        }

        @Override
        public RuleStrategy strategy() {
            return RuleStrategy.SEGMENT_MATCH;
        }
    }

    /** Serves its value (the flag's default when it has none) to the rollout's percentage. */
    record PercentageRollout(
            String key,
            String name,
            String description,
            List<Condition> conditions,
            ServedValue value,
            Rollout rollout,
            Extras extras)
            implements Rule {

        public PercentageRollout {
            Objects.requireNonNull(key, "key is required");
            Objects.requireNonNull(rollout, "a percentage rollout needs its rollout");
            conditions = List.copyOf(conditions);
            extras = Extras.orNone(extras);
        }

        @Override
        public RuleStrategy strategy() {
            return RuleStrategy.PERCENTAGE_ROLLOUT;
        }
    }

    /** Splits the rollout's percentage between weighted variants. */
    record VariantSplit(
            String key,
            String name,
            String description,
            List<Condition> conditions,
            List<Variant> variants,
            Rollout rollout,
            Extras extras)
            implements Rule {

        public VariantSplit {
            Objects.requireNonNull(key, "key is required");
            Objects.requireNonNull(rollout, "a variant split needs its rollout");
            conditions = List.copyOf(conditions);
            variants = List.copyOf(variants);
            extras = Extras.orNone(extras);
        }

        @Override
        public RuleStrategy strategy() {
            return RuleStrategy.VARIANT_SPLIT;
        }
    }

    /** An experiment: a holdout gets the first variant (the control), the others are split. */
    record Experiment(
            String key,
            String name,
            String description,
            List<Condition> conditions,
            List<Variant> variants,
            ExperimentSettings experiment,
            Extras extras)
            implements Rule {

        public Experiment {
            Objects.requireNonNull(key, "key is required");
            Objects.requireNonNull(experiment, "an experiment needs its experiment block");
            conditions = List.copyOf(conditions);
            variants = List.copyOf(variants);
            extras = Extras.orNone(extras);
        }

        @Override
        public RuleStrategy strategy() {
            return RuleStrategy.EXPERIMENT;
        }
    }
}
