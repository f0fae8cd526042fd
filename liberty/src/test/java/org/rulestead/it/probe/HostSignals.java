package org.rulestead.it.probe;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rulestead.guardrail.GuardrailQuery;
import org.rulestead.guardrail.GuardrailSignalProvider;
import org.rulestead.guardrail.SignalReport;

/**
 * A host application's guardrail signal provider, as a host deploys one in the EAR: it serves the
 * signals named {@code host_*} with a fixed behaviour each, and leaves every other signal to the
 * facts pushed over REST.
 */
@ApplicationScoped
public class HostSignals implements GuardrailSignalProvider {

    @Override
    public SignalReport fetchSignal(GuardrailQuery query) {
        switch (query.signalKey()) {
            case "host_healthy":
                return observed("0.001");
            case "host_breached":
                return observed("0.5");
            case "host_slow":
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException cancelled) {
                    Thread.currentThread().interrupt();
                }
                return observed("0.001");
            case "host_throws":
                throw new IllegalStateException("the metrics backend is down");
            case "host_null":
                return null;
            case "host_refuses":
                return new SignalReport.Refused("unsupported_signal");
            default:
                return new SignalReport.NoProvider();
        }
    }

    private static SignalReport observed(String value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("observed_value", value);
        fields.put("sample_size", 5000);
        fields.put("captured_at", Instant.now().toString());
        return new SignalReport.Reported(fields);
    }
}
