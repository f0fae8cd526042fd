/** JSON-shaped Java values (maps, lists, scalars) to and from JSON-P and text. */
package org.rulestead.json;
