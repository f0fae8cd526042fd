package org.rulestead.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under {@code /api}: {@code /api/v1/admin/...} and {@code /api/v1/evaluate...}. */
@ApplicationPath("/api")
public class RulesteadApi extends Application {}
