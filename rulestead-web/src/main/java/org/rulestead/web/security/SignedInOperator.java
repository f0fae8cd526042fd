package org.rulestead.web.security;

import java.io.Serializable;
import java.util.Set;

/** The operator a form login established, kept in the HTTP session for the admin pages. */
public record SignedInOperator(String name, Set<String> groups, boolean checkedByServerRegistry)
        implements Serializable {

    static final String SESSION_ATTRIBUTE = SignedInOperator.class.getName();

    public SignedInOperator {
        groups = Set.copyOf(groups);
    }
}
