/** The rules editor's form model: rules, conditions and variants as operators type them, to and from the ruleset document. */
package org.rulestead.web.admin.rules;
