/** Authoring validation: findings with field paths, never exceptions. */
package org.rulestead.validation;
