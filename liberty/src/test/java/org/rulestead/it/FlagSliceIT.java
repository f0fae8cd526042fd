package org.rulestead.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The slice on embedded Derby, the default database. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FlagSliceIT extends FlagSliceContract {

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }
}
