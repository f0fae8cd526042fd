/** Test-only additions to the deployed EAR: a row counter, a fault injector and a writer of long histories. Never shipped. */
package org.rulestead.it.probe;
