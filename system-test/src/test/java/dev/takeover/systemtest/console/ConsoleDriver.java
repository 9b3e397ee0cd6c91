package dev.takeover.systemtest.console;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.infrastructure.PlatformService;
import dev.takeover.localstack.DemoTokens;
import dev.takeover.localstack.Platform;
import dev.takeover.systemtest.browser.Browser;

import static io.restassured.RestAssured.given;

/** What a person does in the console, said once for every journey: sign in, go online, accept, reply, note, … */
final class ConsoleDriver {

    private final Browser browser;
    private final Stack stack;
    private final WebDriverWait wait;

    ConsoleDriver(Browser browser, Stack stack) {
        this.browser = browser;
        this.stack = stack;
        // The console re-renders what changes (a countdown, a new message), so an element found a moment ago may be
        // gone.
        this.wait = browser.waitingUpTo(ConsoleIT.PATIENCE);
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** The sign-in page, in English, whatever language the browser prefers. */
    void open() {
        browser.driver().get(stack.console().toString());
        await(".signin-card");
        click(".language-switch button[lang='en']");
        await(".signin-card h1");
    }

    void signInAs(String identity) {
        click(".demo-identity[data-identity='" + identity + "']");
        await(".topbar .who");
    }

    void goOnline() {
        new Select(await("#presence")).selectByValue("ONLINE");
        await(".topbar .dot-ONLINE");
    }

    /** The offer of the conversation, once it has arrived live (shown in the list, or opened on a narrow screen). */
    WebElement offer(String conversation) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(offerOf(conversation))));
    }

    /**
     * Accepts the offer that has arrived live: in the list, or, where the list gives way to the conversation (a narrow
     * screen), in the opened conversation.
     */
    void accept(String conversation) {
        offer(conversation);
        if (isDisplayed(offerOf(conversation) + " button.accept")) {
            click(offerOf(conversation) + " button.accept");
        } else {
            awaitText(".conversation-header", conversation);
            click(".composer-banner button.primary");
        }
        await(".composer-input");
    }

    private static String offerOf(String conversation) {
        return ".conversation-item.offer[data-conversation='" + conversation + "']";
    }

    void navigate(String view) {
        click(".nav-item[data-view='" + view + "']");
    }

    WebElement replyMode() {
        click(".composer [data-mode='reply']");
        return await(".composer-input");
    }

    void reply(String text) {
        WebElement input = replyMode();
        input.sendKeys(text);
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    void note(String text) {
        click(".composer [data-mode='note']");
        WebElement input = await(".composer.note-mode .composer-input");
        input.sendKeys(text);
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    void handBack(String note) {
        click(".conversation-actions button:nth-child(2)");
        WebElement field = await("dialog[open] textarea");
        field.sendKeys(note);
        click("dialog[open] button[type='submit']");
    }

    void type(String css, String text) {
        WebElement field = await(css);
        field.clear();
        field.sendKeys(text);
    }

    WebElement await(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void awaitGone(String css) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until one of the elements shows the text (textContent, as the customer wrote it). */
    void awaitText(String css, String text) {
        wait.withMessage(() -> "no " + css + " containing '" + text + "'; found " + texts(css))
                .until(driver -> texts(css).stream().anyMatch(found -> found.contains(text)));
    }

    List<String> texts(String css) {
        return wait.until(driver -> driver.findElements(By.cssSelector(css)).stream()
                .map(element -> element.getAttribute("textContent"))
                .toList());
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    boolean isDisplayed(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.driver().findElements(By.cssSelector(css)).stream()
                        .anyMatch(WebElement::isDisplayed);
            } catch (StaleElementReferenceException rerendered) {
                if (attempt == 10) {
                    throw rerendered;
                }
            }
        }
    }

    int widthOf(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getSize().getWidth();
    }

    int topOf(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getLocation().getY();
    }

    int scrollWidth() {
        return ((Number) ((JavascriptExecutor) browser.driver())
                        .executeScript("return document.documentElement.scrollWidth"))
                .intValue();
    }

    /** The browser's console reports every Content-Security-Policy violation and every script error. */
    List<LogEntry> cspViolations() {
        return browser.consoleMessages().stream()
                .filter(entry -> entry.getMessage().contains("Content Security Policy")
                        || entry.getMessage().contains("Uncaught"))
                .toList();
    }

    void screenshot(Path file) {
        browser.screenshot(file);
    }

    /** The platform side: demo agents, presence, and customers writing on conversation.inbound. */
    record Stack(URI console, Platform platform, KafkaCompanion kafka, DemoTokens demo) {

        void registerDemoAgents() {
            for (DemoTokens.DemoAgent agent : DemoTokens.AGENTS) {
                given().baseUri(agentService())
                        .auth()
                        .oauth2(demo.supervisorToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "id", agent.id(),
                                "displayName", agent.name(),
                                "skills", agent.skills(),
                                "languages", agent.languages(),
                                "capacity", 3))
                        .post("/agents")
                        .then()
                        .statusCode(201);
            }
        }

        void presence(String agent, String presence) {
            given().baseUri(agentService())
                    .auth()
                    .oauth2(demo.supervisorToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("presence", presence))
                    .put("/agents/" + agent + "/presence")
                    .then()
                    .statusCode(200);
        }

        /** Plain JSON keyed by conversation, as a channel adapter sends it (and as the README's kcat example does). */
        void customerWrites(String conversation, String messageId, String text) {
            String json = String.format(
                    "{\"messageId\":\"%s\",\"conversationId\":\"%s\",\"channel\":\"web\",\"text\":\"%s\"}",
                    messageId, conversation, text.replace("\"", "\\\""));
            kafka.produce(String.class, byte[].class)
                    .fromRecords(new ProducerRecord<>(
                            "conversation.inbound", conversation, json.getBytes(StandardCharsets.UTF_8)))
                    .awaitCompletion(Duration.ofSeconds(30));
        }

        /**
         * Resolves the conversation if an agent has it (accepting an offer first, as the offered agent), so it holds
         * no agent's slot and waits in no queue after the journey.
         */
        void close(String conversation) {
            io.restassured.path.json.JsonPath handover = given().baseUri(agentService())
                    .auth()
                    .oauth2(demo.supervisorToken())
                    .get("/conversations/" + conversation)
                    .then()
                    .extract()
                    .jsonPath();
            String state = handover.getString("state");
            String agent = handover.getString("agentId");
            if ("OFFERED".equals(state)) {
                given().baseUri(agentService())
                        .auth()
                        .oauth2(platform.tokens().agentToken(agent))
                        .post("/conversations/" + conversation + "/accept");
                state = "ASSIGNED";
            }
            if ("ASSIGNED".equals(state)) {
                given().baseUri(agentService())
                        .auth()
                        .oauth2(demo.supervisorToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of("summary", "closed after the journey"))
                        .post("/conversations/" + conversation + "/resolve");
            }
        }

        private String agentService() {
            return platform.baseUri(PlatformService.AGENT).toString();
        }
    }
}
