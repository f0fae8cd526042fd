package org.rulestead.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ScheduledExecutionsContract} on embedded Derby. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScheduledExecutionsIT extends ScheduledExecutionsContract {

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }
}
