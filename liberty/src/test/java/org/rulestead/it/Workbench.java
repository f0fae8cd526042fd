package org.rulestead.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An operator at the admin pages in Debian's headless Chromium: sign in, open pages, fill fields,
 * press buttons, keep screenshots for the docs.
 */
final class Workbench implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final WebDriverWait wait;

    private Workbench(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A fresh browser: no cookies, no session. */
    static Workbench open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the machine's closed network: no background connections, no component updates
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        return new Workbench(new ChromeDriver(service, options));
    }

    Workbench go(String path) {
        driver.get(Api.BASE + path);
        return this;
    }

    Workbench signIn(String user) {
        go("/login");
        return signInHere(user);
    }

    /** Fills the sign-in form the browser is on (after a redirect to it). */
    Workbench signInHere(String user) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        type(By.id("username"), user);
        type(By.id("password"), Api.PASSWORD);
        click(By.id("sign-in"));
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return this;
    }

    Workbench signOut() {
        go("/logout");
        return this;
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    String text(By by) {
        return find(by).getText();
    }

    Workbench type(By by, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(by));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Workbench typeIn(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Presses a button that posts the form, and waits for the next page. */
    Workbench click(By by) {
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(by));
        button.click();
        awaitReplaced(button);
        return this;
    }

    Workbench clickElement(WebElement button) {
        button.click();
        awaitReplaced(button);
        return this;
    }

    /**
     * Waits until the page (or the re-rendered form) no longer holds {@code element}. While the
     * browser swaps documents, Chrome may answer with an inspector error instead of "stale".
     */
    private void awaitReplaced(WebElement element) {
        wait.until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    Workbench select(By by, String value) {
        WebElement menu = find(by);
        new Select(menu).selectByValue(value);
        return this;
    }

    /** Chooses in a menu whose change re-renders the form (f:ajax), and waits for it. */
    Workbench selectAndWait(WebElement menu, String value) {
        new Select(menu).selectByValue(value);
        awaitReplaced(menu);
        return this;
    }

    /**
     * The WCAG 2 A and AA rules axe-core finds broken on the current page, one line each:
     * {@code rule (impact): elements}. Empty when the page passes.
     */
    List<String> accessibilityViolations() {
        org.openqa.selenium.JavascriptExecutor script = (org.openqa.selenium.JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(script.executeScript("return typeof axe !== 'undefined'"))) {
            script.executeScript(axeScript());
        }
        Object found = script.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '"
                + " + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    /** axe-core's script, read from the test classpath (the axe-core Selenium jar carries it). */
    private static String axeScript() {
        try (var in = Workbench.class.getResourceAsStream("/axe.min.js")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Presses Tab until the element with {@code id} has the focus; false if {@code most} presses do not get there. */
    boolean tabUntil(String id, int most) {
        for (int presses = 0; presses < most; presses++) {
            driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            if (id.equals(driver.switchTo().activeElement().getAttribute("id"))) {
                return true;
            }
        }
        return false;
    }

    /** Presses Enter on the focused control, and waits for the page it leads to. */
    void pressEnterOnFocused() {
        WebElement focused = driver.switchTo().activeElement();
        focused.sendKeys(org.openqa.selenium.Keys.ENTER);
        awaitReplaced(focused);
    }

    WebDriver driver() {
        return driver;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String page() {
        return driver.getPageSource();
    }

    String body() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves the page as {@code <name>.png} in the screenshots directory, taller pages whole. */
    void screenshot(String name) {
        Path directory = Path.of(System.getProperty("rulestead.screenshots", "target/screenshots"));
        Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight");
        org.openqa.selenium.Dimension size = driver.manage().window().getSize();
        int wanted = Math.min(2400, Math.max(700, ((Number) height).intValue() + 120));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), wanted));
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
