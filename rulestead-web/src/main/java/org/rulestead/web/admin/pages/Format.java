package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the admin pages write moments: to the second, in UTC, the same on every page ({@code #{format.when(...)}}). */
@Named
@ApplicationScoped
public class Format {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public String when(Instant instant) {
        return moment(instant);
    }

    static String moment(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
