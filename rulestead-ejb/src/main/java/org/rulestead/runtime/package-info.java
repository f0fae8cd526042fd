/**
 * Live evaluation (spec §10): runtime snapshots written with every change that affects
 * evaluation, and each node's in-memory compiled flags, refreshed after local commits and by
 * polling the environments' snapshot versions.
 */
package org.rulestead.runtime;
