/** Errors as RFC 9457 problem details ({@code application/problem+json}), never stack traces. */
package org.rulestead.web.problem;
