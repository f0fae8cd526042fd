package org.rulestead.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Produces the system UTC clock; a test deployment can specialize this producer. */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock utc() {
        return Clock.systemUTC();
    }
}
