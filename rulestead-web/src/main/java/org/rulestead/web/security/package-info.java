/** Authentication: HTTP Basic for the REST API, form login for the admin pages, one registry behind both. */
package org.rulestead.web.security;
