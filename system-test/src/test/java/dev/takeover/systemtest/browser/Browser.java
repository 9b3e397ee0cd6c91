package dev.takeover.systemtest.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages, driven through Debian's chromedriver. Both paths are given explicitly, so
 * Selenium never looks for (or downloads) a browser or a driver of its own. Without them a test fails with one line
 * that says how to install them: a browser test is never skipped.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1280, 800);
    public static final Dimension PHONE = new Dimension(390, 844);

    private static final Path CHROMIUM = Path.of(System.getProperty("takeover.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("takeover.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser with an empty profile: no cookies, no storage, nothing shared with another test. */
    public static Browser open(Dimension size) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's Chromium and its driver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + ": run `apt-get install -y chromium chromium-driver` (.ci/run does).");
        }
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine has no network beyond loopback: without these, Chromium keeps trying to reach Google's hosts.
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
                "--disable-default-apps",
                "--disable-extensions",
                "--user-data-dir=" + profile,
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(size);
        return new Browser(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waitingUpTo(Duration patience) {
        return new WebDriverWait(driver, patience);
    }

    /** Saves what the page shows now as a PNG; returns the file. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page's scripts logged, errors included (a Content-Security-Policy violation shows up here). */
    public List<LogEntry> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless; the browser itself has been stopped.
        }
    }
}
