/** The admin REST API under {@code /api/v1/admin}: thin resources that parse, delegate and render. */
package org.rulestead.web.admin.api;
