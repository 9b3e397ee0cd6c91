package dev.takeover.systemtest.webchat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.takeover.systemtest.browser.Browser;

/** The demo shop with the chat widget, as a customer sees and uses it; the widget lives in a shadow root. */
final class DemoShopPage {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Browser browser;
    private final URI shop;

    DemoShopPage(Browser browser, URI shop) {
        this.browser = browser;
        this.shop = shop;
    }

    DemoShopPage open(String path) {
        driver().get(shop.resolve(path).toString());
        waiting().until(d -> widget().findElements(By.cssSelector(".launcher")).size() == 1 && widgetShown());
        return this;
    }

    ChromeDriver driver() {
        return browser.driver();
    }

    WebDriverWait waiting() {
        WebDriverWait wait = browser.waitingUpTo(PATIENCE);
        wait.pollingEvery(Duration.ofMillis(25));
        return wait;
    }

    SearchContext widget() {
        return driver().findElement(By.cssSelector("[data-takeover-chat]")).getShadowRoot();
    }

    boolean widgetShown() {
        return driver().findElement(By.cssSelector("[data-takeover-chat]")).isDisplayed();
    }

    WebElement launcher() {
        return widget().findElement(By.cssSelector(".launcher"));
    }

    WebElement panel() {
        return widget().findElement(By.cssSelector(".panel"));
    }

    WebElement input() {
        return widget().findElement(By.cssSelector(".input"));
    }

    void openChat() {
        if (!panel().isDisplayed()) {
            launcher().click();
        }
        waiting().until(d -> panel().isDisplayed() && "online".equals(panel().getDomAttribute("data-connection")));
    }

    /** Types the message and presses Enter, as a customer would. */
    void say(String text) {
        input().sendKeys(text);
        input().sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    List<WebElement> messages() {
        return widget().findElements(By.cssSelector(".log > li"));
    }

    List<WebElement> messagesBy(String author) {
        return widget().findElements(By.cssSelector(".log > li.message[data-author='" + author + "']"));
    }

    List<WebElement> notices(String purpose) {
        return widget().findElements(By.cssSelector(".log > li.notice[data-purpose='" + purpose + "']"));
    }

    /** Every message's text as shown, in order: what the customer reads. */
    List<String> transcript() {
        return messages().stream()
                .map(item -> item.findElements(By.cssSelector(".bubble, .notice-text")).stream()
                        .findFirst()
                        .map(WebElement::getText)
                        .orElse(""))
                .toList();
    }

    String headerTitle() {
        return widget().findElement(By.cssSelector(".title")).getText();
    }

    WebElement queueCard() {
        return widget().findElement(By.cssSelector(".queue"));
    }

    String conversationId() {
        return (String) ((JavascriptExecutor) driver())
                .executeScript(
                        "return JSON.parse(localStorage.getItem('takeover-chat:' + arguments[0])).conversationId",
                        shop.toString().replaceAll("/$", ""));
    }

    /**
     * Starts timing in the page: the time from now until the first new message of the author appears, read with
     * {@link #elapsedUntilShown()}. The page measures it, so the test's polling interval does not count.
     */
    void startTimingUntil(String author) {
        ((JavascriptExecutor) driver()).executeScript("""
                        const log = document.querySelector('[data-takeover-chat]').shadowRoot.querySelector('.log');
                        const known = log.querySelectorAll("li[data-author='" + arguments[0] + "']").length;
                        window.__started = performance.now();
                        window.__elapsed = null;
                        const observer = new MutationObserver(() => {
                          if (log.querySelectorAll("li[data-author='" + arguments[0] + "']").length > known) {
                            window.__elapsed = performance.now() - window.__started;
                            observer.disconnect();
                          }
                        });
                        observer.observe(log, { childList: true });
                        """, author);
    }

    double elapsedUntilShown() {
        waiting().until(d -> ((JavascriptExecutor) d).executeScript("return window.__elapsed") != null);
        return ((Number) ((JavascriptExecutor) driver()).executeScript("return window.__elapsed")).doubleValue();
    }
}
