/** Evaluation over REST: the payload-first endpoint for tools and tests. */
package org.rulestead.web.evaluation;
