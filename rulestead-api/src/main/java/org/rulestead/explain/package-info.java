/** Explainability: the plain-text explanation of an evaluation and redaction of what it saw. */
package org.rulestead.explain;
