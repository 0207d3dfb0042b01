package io.otedama.controller.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (no browser or driver download: both
 * paths are given, so Selenium Manager never runs), with a fresh profile per test class.
 */
final class Browser implements AutoCloseable {
  // an upper bound for polling, not a delay: generous because CI machines are shared
  private static final Duration WAIT = Duration.ofSeconds(20);
  final ChromeDriver driver;
  private final String base;

  Browser(String base, Path profile) {
    this.base = base;
    this.driver = io.otedama.controller.testing.HeadlessChromium.start(profile);
  }

  /** Loads the console fresh (a full page load, not a route change) at {@code hashRoute}. */
  void open(String hashRoute) {
    driver.get("about:blank");
    driver.get(base + "/" + hashRoute);
  }

  /** Changes the route inside the running page (what clicking a link does). */
  void go(String hashRoute) {
    script("location.hash = arguments[0]", hashRoute);
  }

  WebElement waitFor(String css) {
    return new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /**
   * Clicks once the element takes the click: right after a route change the page may still be
   * laying out, and another element briefly covers the target.
   */
  void click(String css) {
    new WebDriverWait(driver, WAIT)
        .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> {
          d.findElement(By.cssSelector(css)).click();
          return true;
        });
  }

  void waitForText(String css, String text) {
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  void waitForGone(String css) {
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
  }

  void waitForCount(String css, int n) {
    new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.cssSelector(css)).size() == n);
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  void signIn(String username, String password) {
    driver.manage().deleteAllCookies();
    open("#/login");
    waitFor("#username").sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
    waitForText("#who", username + " (");
  }

  /**
   * Saves a screenshot under target/screenshots; with {@code -Dotedama.screenshots=docs} (see
   * README) it refreshes the committed ones in docs/screenshots instead, so an ordinary test run
   * leaves the work tree clean.
   */
  void screenshot(String name) {
    Path dir =
        "docs".equals(System.getProperty("otedama.screenshots"))
            ? repositoryRoot().resolve("docs/screenshots")
            : Path.of("target", "screenshots").toAbsolutePath();
    try {
      script("window.scrollTo(0, 0)");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save screenshot " + name, e);
    }
  }

  /** The reactor root (tests run in controller/; the screenshots belong to the repository). */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("No docs/ directory above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /**
   * The SEVERE entries of the browser's console since the last call (uncaught exceptions, rejected
   * promises, failed requests), each as its message; reading clears them.
   */
  List<String> consoleErrors() {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(org.openqa.selenium.logging.LogEntry::getMessage)
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
