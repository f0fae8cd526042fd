/** The web module: JAX-RS resources, Faces admin pages, authentication and health. */
package org.rulestead.web;
