package org.rulestead.web.security;

import java.io.Serializable;
import java.util.Hashtable;

/**
 * The operator a form login established, kept in the HTTP session for the admin pages, with the
 * credential the server's registry built for them at sign-in (their realm and groups).
 */
public record SignedInOperator(String name, Hashtable<?, ?> registryCredential) implements Serializable {

    static final String SESSION_ATTRIBUTE = SignedInOperator.class.getName();

    public SignedInOperator {
        registryCredential = new Hashtable<>(registryCredential);
    }
}
