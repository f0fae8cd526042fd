package org.rulestead.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.rulestead.it.probe.FaultInjector;
import org.rulestead.it.probe.HistoryWriter;
import org.rulestead.it.probe.HostSignals;
import org.rulestead.it.probe.RowCounter;

/** The real EAR, as built, plus the test probes. */
public final class Deployments {

    private Deployments() {}

    public static EnterpriseArchive rulesteadWithProbes() {
        File built = new File(System.getProperty("rulestead.ear", "target/it/rulestead.ear"));
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, built);
        JavaArchive ejb =
                nested(ear, "rulestead-ejb.jar", JavaArchive.class).addClasses(FaultInjector.class, HostSignals.class);
        WebArchive war =
                nested(ear, "rulestead-web.war", WebArchive.class).addClasses(RowCounter.class, HistoryWriter.class);
        ear.delete("/rulestead-ejb.jar");
        ear.delete("/rulestead-web.war");
        return ear.addAsModule(ejb).addAsModule(war);
    }

    private static <T extends Archive<T>> T nested(EnterpriseArchive ear, String name, Class<T> type) {
        try (InputStream bytes = ear.get("/" + name).getAsset().openStream()) {
            return ShrinkWrap.create(ZipImporter.class, name).importFrom(bytes).as(type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + " from the EAR", e);
        }
    }
}
