/** How request paths reach the application's routes, whatever a client's base URL looks like. */
package org.rulestead.web.routing;
