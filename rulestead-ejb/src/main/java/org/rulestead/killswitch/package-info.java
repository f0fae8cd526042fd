/** The kill switch: engaged and released directly by an admin, in any environment, audited. */
package org.rulestead.killswitch;
