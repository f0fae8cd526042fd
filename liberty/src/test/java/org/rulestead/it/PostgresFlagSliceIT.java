package org.rulestead.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The slice on PostgreSQL (the production database): a Liberty server configured with
 * RULESTEAD_DB_KIND=postgresql, migrations from an empty schema, then every slice check.
 */
@ExtendWith({PostgresDatabase.class, ArquillianExtension.class})
@RunAsClient
class PostgresFlagSliceIT extends FlagSliceContract {

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }
}
