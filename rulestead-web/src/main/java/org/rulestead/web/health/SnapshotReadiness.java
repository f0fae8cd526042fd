package org.rulestead.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.rulestead.runtime.EnvironmentState;
import org.rulestead.runtime.RefreshStatus;
import org.rulestead.runtime.RuntimeCache;

/**
 * Whether this node can serve evaluations (decisions 16): up while every environment has a snapshot
 * to serve, fresh or stale, so a load balancer keeps exactly the nodes that answer when the
 * database is gone; down while the node knows no environment or one has nothing loaded. The data
 * say how: the database as the refresh worker last found it, whether answers are stale, and each
 * environment's refresh status. Nothing here waits on the database, and it shows no versions,
 * timestamps or ages (spec §10.5).
 */
@Readiness
@ApplicationScoped
public class SnapshotReadiness implements HealthCheck {

    @Inject
    private RuntimeCache runtime;

    @Override
    public HealthCheckResponse call() {
        List<EnvironmentState> environments = runtime.all();
        boolean stale = false;
        boolean nothingToServe = environments.isEmpty();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("snapshots")
                .withData("database", runtime.database())
                .withData("environments", environments.size());
        for (EnvironmentState environment : environments) {
            response.withData(
                    environment.environmentKey(), environment.status().name().toLowerCase(Locale.ROOT));
            stale |= runtime.stale(environment);
            nothingToServe |= environment.status() == RefreshStatus.DEGRADED;
        }
        return response.withData("stale", stale).status(!nothingToServe).build();
    }
}
