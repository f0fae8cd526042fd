/** Operators' simulations and explanations of one flag for one identity, against what the node serves. */
package org.rulestead.simulation;
