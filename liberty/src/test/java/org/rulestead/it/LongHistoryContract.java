package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin pages with a long history (issue 11, item 8): 100,000 audit events and 1,200 change
 * requests written straight into the database (probe.HistoryWriter); the audit log, the overview,
 * the change-request queue and the kill-switch runbook still show the right rows, page through
 * the rest, and verify only the events added since the last check. Render times before and after
 * the long history are measured, never asserted (the machine is shared and noisy), and written to
 * {@code target/long-history-<database>.md} for docs/benchmarks.md. Run on each database.
 */
abstract class LongHistoryContract {

    static final long EVENTS = 100_000;
    static final int CHANGE_REQUESTS = 1_200;
    private static final int WARM_UP = 5;
    private static final int SAMPLES = 20;
    private static final List<String> HIGH_IMPACT = List.of(
            "ruleset.publish", "kill_switch.engage", "kill_switch.release", "change_request.merged", "flag.archive");
    private static final Pattern CHECKED = Pattern.compile("id=\"verification-checked\">(\\d+)<");
    /** Views of the audit log timed while it catches up with unverified events (plus the warm-up). */
    private static final int CATCHING_UP = 10;

    @BeforeEach
    void needsChromium() {
        assumeTrue(Workbench.available(), "Debian's chromium and chromium-driver are installed by .ci/run");
    }

    @Test
    void thePagesShowTheNewestRowsPageThroughTheRestAndVerifyOnlyNewEventsWithAHundredThousandEvents() {
        String key = LiveEvaluationIT.published("long-history");
        Api.Reply engaged = Api.post(
                GovernanceIT.env(key, "staging") + "/kill-switch", "admin", "{\"reason\": \"before the history\"}");
        assertThat(engaged.status()).as(engaged.body()).isEqualTo(200);
        Browser timer = new Browser();
        assertThat(timer.signIn("admin", Api.PASSWORD, "/admin").status()).isEqualTo(302);
        Map<String, String> pages = pages(key);

        // the history as the server had it: every event verified, then each page timed
        JsonObject small = fullCheck();
        long smallHistory = small.getJsonNumber("chain_length").longValue();
        Map<String, double[]> before = measure(timer, pages);

        // up to 100,000 events, and at least 20,000 new ones so this run's flag has its own long history
        long writing = System.nanoTime();
        long toWrite = Math.max(EVENTS - smallHistory, 20_000);
        long written = 0;
        while (written < toWrite) {
            long count = Math.min(20_000, toWrite - written);
            written += Long.parseLong(
                    post("/api/it-probe/history/audit?count=" + count + "&flag=" + key + "&env=staging"));
        }
        double writeSeconds = (System.nanoTime() - writing) / 1e9;
        post("/api/it-probe/history/change-requests?total=" + CHANGE_REQUESTS + "&env=production");
        long history = Api.get("/api/v1/admin/audit/verify?scope=new_events", "auditor")
                .json()
                .getJsonNumber("chain_length")
                .longValue();
        assertThat(history).isGreaterThanOrEqualTo(EVENTS);

        double[] catchingUp = null;
        try (Workbench admin = Workbench.open()) {
            admin.signIn("admin");

            // events written behind the verifier's back: a view checks a bounded number of them
            long unchecked = history - verifiedThrough();
            admin.go("/admin/audit?env=staging");
            if (unchecked > 2_000) {
                assertThat(admin.text(By.id("verification")))
                        .startsWith("Hash chain verified through event")
                        .contains("checked over the next views");
                assertThat(admin.text(By.id("verification-checked"))).isEqualTo("2000");
            }
            // each of these views checks another 2,000 (timed only while that many are left for every one)
            if (unchecked > (WARM_UP + CATCHING_UP + 1) * 2_000L) {
                assertThat(checked(timer.get("/admin/audit?env=staging").body()))
                        .isEqualTo(2_000);
                catchingUp = measureOnce(timer, "/admin/audit?env=staging", CATCHING_UP);
            }

            // the whole chain on demand, from the page
            admin.click(By.id("verifyAll"));
            assertThat(admin.text(By.id("verification")))
                    .startsWith("Hash chain verified: all")
                    .contains("re-read just now");
            assertThat(Long.parseLong(admin.text(By.id("verification-checked"))))
                    .isGreaterThanOrEqualTo(history);
            assertThat(admin.text(By.id("last-full-check")))
                    .contains(LocalDate.now(ZoneOffset.UTC).toString());

            // three new events: the next view checks those and no others
            long verified = fullCheck().getJsonNumber("chain_length").longValue();
            for (int i = 0; i < 3; i++) {
                assertThat(GovernanceIT.putDraft(key, "development", "editor", GovernanceIT.RULES)
                                .status())
                        .isEqualTo(201);
            }
            admin.go("/admin/audit?env=development");
            long now = verifiedThrough();
            assertThat(admin.text(By.id("verification"))).startsWith("Hash chain verified through its last event");
            assertThat(Long.parseLong(admin.text(By.id("verification-checked"))))
                    .isEqualTo(now - verified)
                    .isBetween(3L, 100L);

            // the audit log: the newest 50 of staging, then the 50 before them, and back
            admin.go("/admin/audit?env=staging");
            List<String> newest = lines(Api.get("/api/it-probe/history/newest?env=staging&limit=100", null));
            assertThat(cells(admin, "#audit tbody tr td:nth-child(5)")).isEqualTo(newest.subList(0, 50));
            admin.click(By.id("older"));
            assertThat(admin.url()).contains("before=");
            assertThat(cells(admin, "#audit tbody tr td:nth-child(5)")).isEqualTo(newest.subList(50, 100));
            admin.click(By.id("newest"));
            assertThat(cells(admin, "#audit tbody tr td:nth-child(5)")).isEqualTo(newest.subList(0, 50));

            // the date filters read in the same query: from the start of today, and before it
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            JsonArray fromToday = Api.get("/api/v1/admin/audit?env=staging&limit=5&from=" + today, "auditor")
                    .json()
                    .getJsonArray("items");
            assertThat(fromToday).hasSize(5);
            assertThat(fromToday.getValuesAs(JsonObject.class))
                    .allSatisfy(
                            event -> assertThat(event.getString("occurred_at")).startsWith(today));
            JsonArray beforeToday = Api.get("/api/v1/admin/audit?env=staging&limit=5&to=" + today, "auditor")
                    .json()
                    .getJsonArray("items");
            assertThat(beforeToday.getValuesAs(JsonObject.class))
                    .allSatisfy(
                            event -> assertThat(event.getString("occurred_at")).isLessThan(today));

            // the kill-switch runbook: the 10 latest engage and release, out of the flag's ~5,000 events
            admin.go("/admin/flags/" + key + "/kill?env=staging");
            List<String> switches = lines(Api.get(
                    "/api/it-probe/history/latest?flag=" + key
                            + "&env=staging&types=kill_switch.engage,kill_switch.release&limit=10",
                    null));
            assertThat(switches).hasSize(10);
            assertThat(cells(admin, "#kill-history tbody tr td:nth-child(4)")).isEqualTo(switches);
            assertThat(admin.text(By.xpath("//dt[text()='Latest reason']/following-sibling::dd[1]")))
                    .isEqualTo(switches.get(0));

            // the overview: counts and the first rows, asked of the database as such
            admin.go("/admin?env=staging");
            assertThat(admin.text(By.id("killed"))).contains(key);
            List<String> highImpact = lines(Api.get(
                    "/api/it-probe/history/latest?env=staging&types=" + String.join(",", HIGH_IMPACT) + "&limit=10",
                    null));
            assertThat(cells(admin, "#recent-changes tbody tr td:nth-child(5)")).isEqualTo(highImpact);
            admin.go("/admin?env=production");
            long awaiting = Long.parseLong(lines(Api.get("/api/it-probe/history/awaiting?env=production", null))
                    .get(0));
            assertThat(awaiting).isGreaterThanOrEqualTo(CHANGE_REQUESTS / 3);
            assertThat(admin.text(By.id("awaiting-count"))).isEqualTo(Long.toString(awaiting));
            assertThat(admin.all(By.cssSelector("#awaiting li"))).hasSize(10);
            admin.click(By.id("awaiting-all"));
            assertThat(admin.all(By.cssSelector("#change-requests tbody tr"))).hasSize(50);

            // the queue: the oldest 120 requests, 1,080 newer ones in front of them, all found and paged
            admin.go("/admin/change-requests?env=production&flag=bulk-cr-early");
            List<Long> early = new ArrayList<>();
            for (int page = 0; page < 5; page++) {
                List<String> ids = cells(admin, "#change-requests tbody tr td:nth-child(1)");
                assertThat(cells(admin, "#change-requests tbody tr td:nth-child(3)"))
                        .allSatisfy(proposal -> assertThat(proposal).contains("bulk-cr-early"));
                ids.forEach(id -> early.add(Long.parseLong(id.substring(1))));
                if (!admin.present(By.id("older"))) {
                    break;
                }
                admin.click(By.id("older"));
            }
            assertThat(early).hasSize(120).doesNotHaveDuplicates();
            assertThat(early).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        }

        Map<String, double[]> after = measure(timer, pages);
        double[] full = fullCheckSeconds();
        report(smallHistory, history, before, after, catchingUp, full, small, written, writeSeconds);
    }

    /** The pages measured, each with a path that shows one page of what it lists. */
    private static Map<String, String> pages(String key) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("audit log, newest 50 of an environment", "/admin/audit?env=staging");
        pages.put("audit log, a flag's newest 50", "/admin/audit?env=staging&flag=" + key);
        pages.put("overview", "/admin?env=staging");
        pages.put("overview, protected environment", "/admin?env=production");
        pages.put("change-request queue", "/admin/change-requests?env=production");
        pages.put("change-request queue, one flag", "/admin/change-requests?env=production&flag=bulk-cr-early");
        pages.put("kill-switch runbook", "/admin/flags/" + key + "/kill?env=staging");
        pages.put("timeline of the flag", "/admin/flags/" + key + "/timeline?env=staging");
        pages.put("flag page", "/admin/flags/" + key + "?env=staging");
        return pages;
    }

    /** Median and 90th percentile in ms of each page's render, after a warm-up. */
    private static Map<String, double[]> measure(Browser browser, Map<String, String> pages) {
        Map<String, double[]> times = new LinkedHashMap<>();
        pages.forEach((name, path) -> times.put(name, measureOnce(browser, path, SAMPLES)));
        return times;
    }

    private static double[] measureOnce(Browser browser, String path, int samples) {
        for (int i = 0; i < WARM_UP; i++) {
            browser.get(path);
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            Api.Reply page = browser.get(path);
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("cannot be read right now");
        }
        Arrays.sort(millis);
        return new double[] {millis[samples / 2], millis[(int) Math.ceil(samples * 0.9) - 1]};
    }

    private static JsonObject fullCheck() {
        Api.Reply verified = Api.send(Api.request("/api/v1/admin/audit/verify", "auditor")
                .timeout(Duration.ofMinutes(10))
                .GET());
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        JsonObject verification = verified.json();
        assertThat(verification.getBoolean("valid")).as(verified.body()).isTrue();
        assertThat(verification.getString("scope")).isEqualTo("full");
        assertThat(verification.getJsonNumber("verified_through").longValue())
                .isEqualTo(verification.getJsonNumber("chain_length").longValue());
        return verification;
    }

    /** Three full checks of the long history: the fastest and slowest, in seconds. */
    private static double[] fullCheckSeconds() {
        double[] seconds = new double[3];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            fullCheck();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return new double[] {seconds[0], seconds[2]};
    }

    private static long verifiedThrough() {
        JsonObject verification = Api.get("/api/v1/admin/audit/verify?scope=new_events", "auditor")
                .json();
        return verification.getJsonNumber("verified_through").longValue();
    }

    private static String post(String path) {
        Api.Reply reply = Api.send(Api.request(path, null)
                .timeout(Duration.ofMinutes(10))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.body().trim();
    }

    /** The probe's answer, one value a line (an empty line is an empty value). */
    private static List<String> lines(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> lines = new ArrayList<>(Arrays.asList(reply.body().split("\n", -1)));
        lines.remove(lines.size() - 1);
        return lines;
    }

    private static List<String> cells(Workbench browser, String selector) {
        browser.find(By.cssSelector(selector));
        return browser.all(By.cssSelector(selector)).stream()
                .map(WebElement::getText)
                .map(String::trim)
                .toList();
    }

    private static void report(
            long smallHistory,
            long history,
            Map<String, double[]> before,
            Map<String, double[]> after,
            double[] catchingUp,
            double[] full,
            JsonObject small,
            long written,
            double writeSeconds) {
        StringBuilder table = new StringBuilder();
        table.append("| page | ")
                .append(String.format("%,d", smallHistory))
                .append(" events: median / p90 | ")
                .append(String.format("%,d", history))
                .append(" events: median / p90 |\n| --- | --- | --- |\n");
        before.forEach((page, times) -> table.append("| ")
                .append(page)
                .append(" | ")
                .append(ms(times))
                .append(" | ")
                .append(ms(after.get(page)))
                .append(" |\n"));
        if (catchingUp != null) {
            table.append("| audit log while catching up (each view checks 2,000 unverified events) | — | ")
                    .append(ms(catchingUp))
                    .append(" |\n");
        }
        table.append("\nFull check (`GET /api/v1/admin/audit/verify`): ")
                .append(String.format("%,d", small.getJsonNumber("checked").longValue()))
                .append(" events before the long history; ")
                .append(String.format("%,d", history))
                .append(" events in ")
                .append(String.format("%.1f-%.1f s", full[0], full[1]))
                .append(" (3 runs).\nWriting ")
                .append(String.format("%,d", written))
                .append(" events with the probe took ")
                .append(String.format("%.1f s", writeSeconds))
                .append(".\n");
        Logger.getLogger(LongHistoryContract.class.getName())
                .info("Admin pages with a long history on " + System.getProperty("arquillian.launch") + ":\n" + table);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(
                    Path.of("target", "long-history-" + System.getProperty("arquillian.launch") + ".md"), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many events the page's verification checked. */
    private static long checked(String page) {
        Matcher found = CHECKED.matcher(page);
        assertThat(found.find()).as("the verification banner").isTrue();
        return Long.parseLong(found.group(1));
    }

    private static String ms(double[] times) {
        return String.format("%.0f / %.0f ms", times[0], times[1]);
    }
}
