package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The second Liberty node of the PostgreSQL tests: a server of its own, started and stopped here
 * with the EAR under test, on the same schema as the node the tests deploy to.
 */
final class NodeB {

    static final String BASE = System.getProperty("rulestead.nodeb.baseUrl", "http://localhost:9780");
    private static final String NAME = System.getProperty("rulestead.nodeb.server", "rulesteadNodeB");

    private NodeB() {}

    /** Starts the node with {@code environment} added, and waits until it is ready (or only started). */
    static void start(Map<String, String> environment, boolean awaitReady) throws IOException, InterruptedException {
        Path dropins = server().resolve("usr/servers/" + NAME + "/dropins");
        Files.createDirectories(dropins);
        Files.copy(
                Path.of(System.getProperty("rulestead.ear")),
                dropins.resolve("rulestead.ear"),
                StandardCopyOption.REPLACE_EXISTING);
        run("start", environment);
        if (!awaitReady) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                if (Api.send(Api.requestAt(BASE, "/health/ready", null).GET()).status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // the server is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node B did not become ready");
    }

    static void stop() throws IOException, InterruptedException {
        run("stop", Map.of());
    }

    /** Polls a node's keyed evaluation as {@code viewer} until its answer passes {@code wanted}, for up to 30 s. */
    static JsonObject awaitOn(String base, String key, String context, Predicate<JsonObject> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            Api.Reply reply =
                    Api.send(Api.requestAt(base, "/api/v1/environments/staging/flags/" + key + "/evaluate", "viewer")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(context)));
            if (reply.status() == 200) {
                last = reply.json();
                if (wanted.test(last)) {
                    return last;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("node " + base + " never answered as expected; last answer " + last);
    }

    private static Path server() {
        return Path.of(System.getProperty("rulestead.wlp.dir"));
    }

    private static void run(String command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        server().resolve("bin/server").toString(), command, NAME)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS))
                .as("server " + command)
                .isTrue();
    }
}
