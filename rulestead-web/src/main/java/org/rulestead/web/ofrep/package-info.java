/** OFREP v1: the OpenFeature Remote Evaluation Protocol over this node's snapshots. */
package org.rulestead.web.ofrep;
