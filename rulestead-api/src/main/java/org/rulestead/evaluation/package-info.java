/**
 * The evaluator: context normalization, compiling a runtime flag payload once, evaluating it many
 * times (rules in order, strategies, audiences, bucketing), results, errors and the debug trace.
 */
package org.rulestead.evaluation;
