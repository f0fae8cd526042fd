package org.rulestead.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.rulestead.runtime.EnvironmentState;
import org.rulestead.runtime.RefreshStatus;
import org.rulestead.runtime.RuntimeCache;

/**
 * Snapshot freshness (spec §10.5): each environment's refresh status on this node. Up while every
 * environment serves from a snapshot, fresh or stale; down while one has nothing to serve. It
 * shows no versions or timestamps.
 */
@Readiness
@ApplicationScoped
public class SnapshotReadiness implements HealthCheck {

    @Inject
    private RuntimeCache runtime;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("snapshots").up();
        for (EnvironmentState environment : runtime.all()) {
            response.withData(
                    environment.environmentKey(), environment.status().name().toLowerCase(Locale.ROOT));
            if (environment.status() == RefreshStatus.DEGRADED) {
                response.down();
            }
        }
        return response.build();
    }
}
