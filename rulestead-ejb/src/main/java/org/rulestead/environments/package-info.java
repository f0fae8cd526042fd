/** The environments flags live in (development, staging, production, test, ...) and their protection. */
package org.rulestead.environments;
