/** The authored model: flags, their types, ownership and lifecycle, as operators write them. */
package org.rulestead.model;
