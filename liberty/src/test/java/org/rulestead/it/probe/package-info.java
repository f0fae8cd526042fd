/** Test-only additions to the deployed EAR: a row counter and a fault injector. Never shipped. */
package org.rulestead.it.probe;
