package org.rulestead.runtime;

/**
 * The refresh worker reached the database and brought this node's snapshots up to date; what else
 * a node serves from memory (API keys) refreshes on it, on the worker's thread.
 */
public record DatabaseAnswered() {}
