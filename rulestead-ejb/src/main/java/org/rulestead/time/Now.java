package org.rulestead.time;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current instant at the precision both databases keep (microseconds). */
@Dependent
public class Now {

    private final Clock clock;

    @Inject
    public Now(Clock clock) {
        this.clock = clock;
    }

    public Instant instant() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
