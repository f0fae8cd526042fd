/** Drafting and publishing rulesets: numbered versions, validation, governed publish. */
package org.rulestead.authoring;
