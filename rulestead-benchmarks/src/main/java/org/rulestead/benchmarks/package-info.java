/**
 * JMH benchmarks: five equivalent flags evaluated by Rulestead's engine, the LaunchDarkly Java
 * server SDK and the Unleash Java SDK, all offline, with one SHA-256 of a bucketing payload as the
 * floor. See docs/benchmarks.md.
 */
package org.rulestead.benchmarks;
