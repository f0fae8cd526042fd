/** MicroProfile Health checks: is this node ready to serve? */
package org.rulestead.web.health;
