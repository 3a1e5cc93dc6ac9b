package dev.engram.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.engram.app.http.TestServer.Answer;
import dev.engram.app.http.keys.ApiRole;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's Chromium, headless, driven through its ChromeDriver, against a real
 * server over a fresh embedded store holding a known set of trajectories. The numbers are read off the page (the
 * data-* attributes of the SVG marks and lists) and compared with what was recorded; a trajectory recorded during
 * the test must appear in the live feed. Screenshots are kept in target/dashboard/.
 */
class DashboardIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "dashboard");
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Three days before today (UTC): the recorded runs fall on it and the two days after; the live one today. */
    private static final Instant FIRST_DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));

    /** What was recorded: agent, task, outcome, reward, day (FIRST_DAY + n), and a mistake card's type or null. */
    record Run(String agent, String task, String outcome, double reward, int day, String card) {
        String bucket() {
            return FIRST_DAY.plus(Duration.ofDays(day)).toString();
        }
    }

    private static final List<Run> RUNS = List.of(
            new Run("alice", "deploy", "success", 0.95, 0, null),
            new Run("alice", "deploy", "failure", 0.15, 0, null),
            new Run("alice", "deploy", "success", 1.0, 1, null),
            new Run("alice", "deploy", "success", 0.85, 1, null),
            new Run("alice", "deploy", "success", 0.55, 2, null),
            new Run("alice", "deploy", "success", 0.9, 2, null),
            new Run("alice", "triage", "success", 0.75, 0, null),
            new Run("alice", "triage", "failure", 0.05, 1, null),
            new Run("alice", "triage", "success", 0.8, 2, null),
            new Run("bob", "deploy", "failure", 0.2, 0, "skipped_canary"),
            new Run("bob", "deploy", "failure", 0.0, 0, "skipped_canary"),
            new Run("bob", "deploy", "partial", 0.45, 1, null),
            new Run("bob", "deploy", "failure", 0.3, 1, "skipped_canary"),
            new Run("bob", "deploy", "success", 0.65, 2, null),
            new Run("bob", "triage", "partial", 0.5, 0, null),
            new Run("bob", "triage", "success", 1.0, 1, null),
            new Run("bob", "triage", "failure", 0.35, 2, "wrong_priority"));
    /** The tenths of [0, 1] that RUNS's rewards fall in, counted by hand. */
    private static final long[] HISTOGRAM = {2, 1, 1, 2, 1, 2, 1, 1, 2, 4};

    @TempDir
    static Path dir;
    static TestServer s;
    static String reader;
    static String writer;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium package (apt-get install chromium chromium-driver; .ci/run does)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver package").isExecutable();
        s = new TestServer(dir);
        reader = s.key("acme", ApiRole.READ);
        writer = s.key("acme", ApiRole.WRITE);
        String intruder = s.key("other", ApiRole.WRITE);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < RUNS.size(); i++) {
            items.add(json("d" + i, RUNS.get(i), Instant.parse(RUNS.get(i).bucket()).plusSeconds(3_600 + 60L * i).toString()));
        }
        assertThat(s.post("/v1/trajectories", writer, "[" + String.join(",", items) + "]").status()).isEqualTo(201);
        // another tenant's data, which the page must never show
        assertThat(s.post("/v1/trajectories", intruder, json("x1", new Run("mallory", "exfiltrate", "success", 1.0, 0, "noticed"),
                FIRST_DAY.toString())).status()).isEqualTo(201);

        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(SHOTS.resolve("chromedriver.log").toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (s != null) {
                s.close();
            }
        }
    }

    private static String json(String id, Run r, String createdAt) {
        String card = r.card() == null ? "" : ", \"mistake_cards\": [{\"mistake_type\": \"" + r.card() + "\", \"bad_decision\": \"skip it\","
                + " \"correct_decision\": \"do it\", \"evidence\": \"" + r.agent() + " " + r.outcome() + " " + r.task() + "\","
                + " \"lesson\": \"Lesson of " + r.card() + ".\"}]";
        return "{\"trajectory_id\": \"" + id + "\", \"agent_id\": \"" + r.agent() + "\", \"task_id\": \"" + r.task() + "\", \"final_outcome\": \""
                + r.outcome() + "\", \"reward\": " + r.reward() + ", \"created_at\": \"" + createdAt + "\", \"steps\": [{\"tool_name\": \"check\","
                + " \"tool_args\": {}, \"tool_result\": \"ok\"}], \"reflection\": {\"summary\": \"run " + id + "\"" + card + "}}";
    }

    @Test
    void theDashboardShowsTheNamespacesNumbersAndTheLiveFeed() throws IOException {
        // the page and its assets need no key; the API does
        assertThat(s.get("/", null).status()).isEqualTo(200);
        assertThat(s.get("/", null).header("Content-Type")).startsWith("text/html");
        // the page runs under a policy that allows only its own script, stylesheet and API (the checks below prove it works so)
        assertThat(s.get("/", null).header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'");
        assertThat(s.get("/dashboard.js", null).header("Content-Type")).startsWith("text/javascript");
        assertThat(s.get("/dashboard.css", null).header("Content-Type")).startsWith("text/css");
        assertThat(s.get("/v1/stats", null).status()).isEqualTo(401);

        browser.get(s.uri("/").toString());
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        // a wrong key is refused and the page says so
        login("not-a-key");
        wait.until(b -> b.findElement(By.id("login-error")).isDisplayed());
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("401");
        shot("login-refused");

        login(reader);
        wait.until(b -> !b.findElements(By.cssSelector("svg[data-chart=rewards] rect")).isEmpty()
                && !b.findElements(By.cssSelector("#mistake-cards li[data-mistake-type]")).isEmpty()
                && "live".equals(b.findElement(By.id("feed-status")).getDomAttribute("data-state")));
        assertThat(script("return sessionStorage.getItem('engram.apiKey')")).isEqualTo(reader);
        assertThat(script("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.findElement(By.id("namespace")).getDomAttribute("data-namespace")).isEqualTo("acme");

        // totals
        long successes = RUNS.stream().filter(r -> r.outcome().equals("success")).count();
        assertThat(count("#kpi-total", "data-value")).isEqualTo(RUNS.size());
        assertThat(number("#kpi-success", "data-value")).isCloseTo((double) successes / RUNS.size(), within(1e-9));
        assertThat(number("#kpi-reward", "data-value")).isCloseTo(RUNS.stream().mapToDouble(Run::reward).average().orElseThrow(), within(1e-9));
        assertThat(browser.findElement(By.id("kpi-total")).getText()).isEqualTo(Integer.toString(RUNS.size()));

        // outcome mix: the stacked bar's segments and the list
        Map<String, Long> outcomes = RUNS.stream().collect(Collectors.groupingBy(Run::outcome, Collectors.counting()));
        for (String o : List.of("success", "partial", "failure")) {
            assertThat(count("svg[data-chart=outcomes] rect[data-outcome=" + o + "]", "data-count")).isEqualTo(outcomes.get(o));
            assertThat(count("#outcome-chart li[data-outcome=" + o + "]", "data-count")).isEqualTo(outcomes.get(o));
        }

        // reward distribution: ten bars, counted by hand
        List<WebElement> bars = browser.findElements(By.cssSelector("svg[data-chart=rewards] rect"));
        assertThat(bars).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(Long.parseLong(bars.get(i).getDomAttribute("data-count"))).as("bucket %d", i).isEqualTo(HISTOGRAM[i]);
            assertThat(Double.parseDouble(bars.get(i).getDomAttribute("data-from"))).isCloseTo(i / 10.0, within(1e-12));
        }
        assertThat(number("svg[data-chart=rewards] rect[data-count='4']", "height"))
                .as("the fullest bar is the tallest").isGreaterThan(number("svg[data-chart=rewards] rect[data-from='0.8']", "height"));

        // success rate over time: one line per agent, a point per day it ran, the rate of that agent on that day
        assertLines("agent", Run::agent);
        browser.findElement(By.cssSelector("button[data-split=task]")).click();
        assertLines("task", Run::task);
        browser.findElement(By.cssSelector("button[data-split=agent]")).click();

        // replay: everything recorded is in the index, nothing drawn yet
        assertThat(count("#replay-facts [data-fact='index size']", "data-value")).isEqualTo(RUNS.size());
        assertThat(count("#replay-facts [data-fact='replays drawn']", "data-value")).isZero();

        // mistake cards: bob's skipped_canary, seen three times, first; as the API says
        List<WebElement> cards = browser.findElements(By.cssSelector("#mistake-cards li[data-mistake-type]"));
        assertThat(cards).extracting(c -> c.getDomAttribute("data-mistake-type")).containsExactly("skipped_canary", "wrong_priority");
        Answer bob = s.get("/v1/memory/bob", reader);
        long seen = RUNS.stream().filter(r -> "skipped_canary".equals(r.card())).count();
        assertThat(bob.text()).contains("\"seen_count\":" + seen);
        assertThat(cards.get(0).getDomAttribute("data-seen-count")).isEqualTo(Long.toString(seen));
        assertThat(cards.get(0).getText()).contains("Lesson of skipped_canary.", "bob · deploy");

        // the memory context of the chosen agent, as the API gives it
        new Select(browser.findElement(By.id("context-agent"))).selectByValue("bob");
        String context = Json.text(s.get("/v1/memory/bob/context", reader).json(), "text");
        wait.until(b -> context.equals(script("return document.getElementById('context-text').textContent")));
        assertThat(context).contains("skipped_canary");

        // nothing of the other tenant anywhere on the page
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("mallory", "exfiltrate", "noticed");
        shot("dashboard");

        // filters narrow the statistics: bob alone
        new Select(browser.findElement(By.id("agent-filter"))).selectByValue("bob");
        long bobs = RUNS.stream().filter(r -> r.agent().equals("bob")).count();
        wait.until(b -> Long.toString(bobs).equals(b.findElement(By.id("kpi-total")).getDomAttribute("data-value")));
        assertThat(browser.findElements(By.cssSelector("svg[data-chart=success-rate] g.line"))).extracting(g -> g.getDomAttribute("data-key"))
                .containsExactly("bob");
        new Select(browser.findElement(By.id("agent-filter"))).selectByValue("");
        wait.until(b -> Integer.toString(RUNS.size()).equals(b.findElement(By.id("kpi-total")).getDomAttribute("data-value")));

        // a trajectory recorded now shows in the live feed, and the totals follow
        Run live = new Run("alice", "deploy", "success", 0.7, 0, null);
        assertThat(s.post("/v1/trajectories", writer, json("live-1", live, Instant.now().toString())).status()).isEqualTo(201);
        wait.until(b -> !b.findElements(By.cssSelector("#feed li[data-trajectory-id='live-1']")).isEmpty());
        WebElement item = browser.findElement(By.cssSelector("#feed li[data-trajectory-id='live-1']"));
        assertThat(item.getDomAttribute("data-outcome")).isEqualTo("success");
        assertThat(Double.parseDouble(item.getDomAttribute("data-reward"))).isEqualTo(0.7);
        assertThat(item.getText()).contains("alice · deploy", "0.70", "live-1");
        wait.until(b -> Integer.toString(RUNS.size() + 1).equals(b.findElement(By.id("kpi-total")).getDomAttribute("data-value")));
        assertThat(count("svg[data-chart=rewards] rect[data-from='0.7']", "data-count")).isEqualTo(HISTOGRAM[7] + 1);
        shot("live");

        // forgetting the key clears it from the tab
        browser.findElement(By.id("forget-key")).click();
        assertThat(script("return sessionStorage.getItem('engram.apiKey')")).isNull();
        assertThat(browser.findElement(By.id("login")).isDisplayed()).isTrue();
    }

    private void assertLines(String split, Function<Run, String> key) {
        new WebDriverWait(browser, WAIT).until(b -> split.equals(b.findElement(By.cssSelector("svg[data-chart=success-rate]")).getDomAttribute("data-split")));
        Map<String, Map<String, double[]>> expected = new TreeMap<>();
        for (Run r : RUNS) {
            double[] c = expected.computeIfAbsent(key.apply(r), k -> new TreeMap<>()).computeIfAbsent(r.bucket(), b -> new double[2]);
            c[0] += r.outcome().equals("success") ? 1 : 0;
            c[1]++;
        }
        List<WebElement> lines = browser.findElements(By.cssSelector("svg[data-chart=success-rate] g.line"));
        assertThat(lines).extracting(g -> g.getDomAttribute("data-key")).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (WebElement line : lines) {
            Map<String, double[]> days = expected.get(line.getDomAttribute("data-key"));
            List<WebElement> points = line.findElements(By.tagName("circle"));
            assertThat(points).extracting(p -> p.getDomAttribute("data-bucket")).containsExactlyElementsOf(days.keySet());
            for (WebElement p : points) {
                double[] c = days.get(p.getDomAttribute("data-bucket"));
                assertThat(Double.parseDouble(p.getDomAttribute("data-rate"))).as("%s on %s", line.getDomAttribute("data-key"), p.getDomAttribute("data-bucket"))
                        .isCloseTo(c[0] / c[1], within(1e-9));
                assertThat(Long.parseLong(p.getDomAttribute("data-count"))).isEqualTo((long) c[1]);
            }
        }
    }

    private void login(String key) {
        WebElement field = new WebDriverWait(browser, WAIT).until(b -> {
            WebElement f = b.findElement(By.id("api-key"));
            return f.isDisplayed() ? f : null;
        });
        field.clear();
        field.sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
    }

    private double number(String css, String attribute) {
        return Double.parseDouble(browser.findElement(By.cssSelector(css)).getDomAttribute(attribute));
    }

    private long count(String css, String attribute) {
        return Long.parseLong(browser.findElement(By.cssSelector(css)).getDomAttribute(attribute));
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
