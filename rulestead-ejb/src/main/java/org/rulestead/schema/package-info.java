/** The database schema: Flyway migrations applied when the application starts. */
package org.rulestead.schema;
