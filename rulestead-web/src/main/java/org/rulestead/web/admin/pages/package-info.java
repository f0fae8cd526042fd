/** Faces backing beans of the admin pages: one bean per operator job, thin, delegating to services. */
package org.rulestead.web.admin.pages;
