/** Reading requests: JSON bodies within shared bounds, query parameters strictly, with clear errors. */
package org.rulestead.web.json;
