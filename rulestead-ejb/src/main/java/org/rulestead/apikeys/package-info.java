/** Per-environment API keys for evaluation clients: created by admins, shown once, stored hashed, revocable. */
package org.rulestead.apikeys;
