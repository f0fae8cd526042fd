package org.rulestead.runtime;

import java.time.Instant;
import java.util.Map;

/** A flag's evaluation evidence in one environment: when it last answered and each variant's count. */
public record EvidenceSummary(Instant lastEvaluatedAt, Map<String, Long> variantsServed) {

    public EvidenceSummary {
        variantsServed = Map.copyOf(variantsServed);
    }
}
