/**
 * Guarded rollouts (spec §5): advancing a rollout rule stage by stage, the guardrail decisions
 * taken on each stage, and what the rollouts of a flag in an environment look like now.
 */
package org.rulestead.rollout;
