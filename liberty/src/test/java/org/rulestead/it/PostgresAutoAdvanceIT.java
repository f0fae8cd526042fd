package org.rulestead.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AutoAdvanceContract} on PostgreSQL: ticks on persistent timers stored in the production database. */
@ExtendWith({PostgresDatabase.class, ArquillianExtension.class})
@RunAsClient
class PostgresAutoAdvanceIT extends AutoAdvanceContract {

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }
}
