/** Reading request bodies as JSON-shaped maps, with size limits and clear errors. */
package org.rulestead.web.json;
