package dev.takeover.systemtest.webchat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.infrastructure.FreePorts;
import dev.takeover.infrastructure.PlatformService;
import dev.takeover.localstack.Platform;
import dev.takeover.systemtest.browser.Browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer on the demo shop, in headless Chromium, against the packaged services as processes: the bot answers, a
 * person takes over and answers through agent-service's API, a reload loses nothing, and the hand-back ends with the
 * satisfaction question answered with a click. Screenshots go to target/screenshots/webchat.
 */
class WebChatBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "webchat");
    private static final String AGENT = "anna";

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        Path repository = Path.of(System.getProperty("takeover.repository", ".."))
                .toAbsolutePath()
                .normalize();
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, FreePorts.next());
        }
        platform = Platform.start(new Platform.Settings(
                repository,
                repository.resolve("system-test/target/webchat-platform"),
                1,
                0,
                0,
                ports,
                Map.of(),
                Duration.ofMinutes(4)));
        registerOnlineAgent(AGENT, "Anna");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aCustomerGetsTheBotThenAPersonKeepsEverythingAcrossAReloadAndRatesTheHelpWithAClick() {
        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            DemoShopPage shop = new DemoShopPage(browser, shopUri()).open("/");
            shot(browser, "01-demo-shop");
            shop.openChat();
            shot(browser, "02-chat-open");

            // 1. A routine question: the bot answers.
            shop.startTimingUntil("BOT");
            shop.say("How long does shipping take?");
            double botAnswerMillis = shop.elapsedUntilShown();
            WebElement answer = shop.messagesBy("BOT").get(0);
            assertThat(answer.findElement(By.cssSelector(".bubble")).getText()).contains("business days");
            assertThat(shop.messagesBy("CUSTOMER").get(0).getText()).contains("How long does shipping take?");
            shop.startTimingUntil("BOT");
            shop.say("Which payment methods do you accept?");
            double warmBotAnswerMillis = shop.elapsedUntilShown();
            assertThat(shop.messagesBy("BOT").get(1).getText()).contains("PayPal");
            shot(browser, "03-bot-answers");

            // 2. Asking for a person: the notice, then the place in the queue.
            shop.say("I want to talk to a person");
            shop.waiting().until(d -> !shop.notices("HANDOVER_NOTICE").isEmpty());
            shop.waiting().until(d -> shop.queueCard().isDisplayed());
            assertThat(shop.queueCard().getText()).containsPattern("(number \\d+ in the queue|next in line)");
            assertThat(shop.widget().findElement(By.cssSelector(".subtitle")).getText())
                    .isEqualTo("A person is on the way");
            shot(browser, "04-waiting-for-a-person");

            // 3. The agent accepts and replies through agent-service's API.
            String conversation = shop.conversationId();
            await().atMost(DemoShopPage.PATIENCE)
                    .until(() -> asAgent()
                                    .post("/conversations/" + conversation + "/accept")
                                    .statusCode()
                            == 200);
            shop.waiting().until(d -> !shop.notices("AGENT_JOINED").isEmpty());
            assertThat(shop.notices("AGENT_JOINED").get(0).getText()).contains("Anna");
            asAgent()
                    .contentType(ContentType.JSON)
                    .body(Map.of("text", "Hi, I'm Anna. I'll sort this out for you."))
                    .post("/conversations/" + conversation + "/messages")
                    .then()
                    .statusCode(202);
            shop.waiting().until(d -> !shop.messagesBy("AGENT").isEmpty());
            WebElement reply = shop.messagesBy("AGENT").get(0);
            assertThat(reply.findElement(By.cssSelector(".who")).getText()).isEqualTo("Anna");
            assertThat(reply.findElement(By.cssSelector(".bubble")).getText())
                    .isEqualTo("Hi, I'm Anna. I'll sort this out for you.");
            assertThat(shop.headerTitle()).isEqualTo("Anna");
            assertThat(shop.queueCard().isDisplayed()).isFalse();
            shot(browser, "05-anna-has-joined");

            // 4. A reload: the whole conversation is still there, once, in order.
            List<String> before = shop.transcript();
            shop.driver().navigate().refresh();
            shop.waiting().until(d -> shop.widgetShown() && shop.panel().isDisplayed());
            shop.waiting().until(d -> shop.transcript().size() >= before.size());
            assertThat(shop.transcript()).isEqualTo(before);
            assertThat(shop.headerTitle()).isEqualTo("Anna");
            shot(browser, "06-after-reload");

            // 5. Handed back to the bot, the customer answers the satisfaction question with a click.
            asAgent()
                    .contentType(ContentType.JSON)
                    .body(Map.of("note", "answered"))
                    .post("/conversations/" + conversation + "/hand-back")
                    .then()
                    .statusCode(200);
            shop.waiting().until(d -> !shop.notices("HAND_BACK").isEmpty());
            shop.waiting()
                    .until(d ->
                            shop.widget().findElements(By.cssSelector(".rate")).size() == 5);
            shot(browser, "07-satisfaction-question");
            shop.widget().findElement(By.cssSelector(".rate[data-rating='4']")).click();
            shop.waiting()
                    .until(d -> shop.messagesBy("CUSTOMER").stream()
                            .anyMatch(m -> m.getText().contains("4 of 5")));
            shop.waiting()
                    .until(d -> shop.widget()
                            .findElement(By.cssSelector(".rate[data-rating='4']"))
                            .getDomAttribute("aria-pressed")
                            .equals("true"));
            shop.waiting()
                    .until(d -> shop.messagesBy("BOT").stream()
                            .anyMatch(m -> m.getText().contains("Thank you for your feedback")));
            assertThat(shop.widget().findElements(By.cssSelector(".rate:not([disabled])")))
                    .isEmpty();
            assertThat(shop.headerTitle()).isEqualTo("Nordlicht Support");
            shot(browser, "08-rated");

            assertThat(contentSecurityViolations(browser)).isEmpty();
            System.out.printf(
                    "web chat: customer message -> bot answer shown in the browser: first %.0f ms, next %.0f ms"
                            + " (1-min load %s)%n",
                    botAnswerMillis, warmBotAnswerMillis, loadAverage());
            System.out.printf("web chat: raw Kafka hop in the same run: %.1f ms%n", rawKafkaHopMillis());
        }
    }

    @Test
    void onAPhoneTheChatFillsTheScreenWorksFromTheKeyboardRendersTextAsTextAndSurvivesNavigation() {
        try (Browser browser = Browser.open(Browser.PHONE)) {
            DemoShopPage shop = new DemoShopPage(browser, shopUri()).open("/");
            shot(browser, "10-phone-shop");

            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            for (int i = 0; i < 30 && !isLauncherFocused(shop); i++) {
                new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            }
            assertThat(isLauncherFocused(shop))
                    .as("the launcher is reachable with Tab")
                    .isTrue();
            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            shop.waiting().until(d -> shop.panel().isDisplayed());
            shop.waiting().until(d -> "online".equals(shop.panel().getDomAttribute("data-connection")));
            Object viewport = ((org.openqa.selenium.JavascriptExecutor) shop.driver())
                    .executeScript("return document.documentElement.clientWidth");
            assertThat((long) shop.panel().getSize().getWidth()).isEqualTo(((Number) viewport).longValue());

            String markup = "<img src=x onerror=alert(1)> <b>bold?</b>";
            new Actions(browser.driver()).sendKeys(markup).sendKeys(Keys.ENTER).perform();
            shop.waiting().until(d -> !shop.messagesBy("CUSTOMER").isEmpty());
            WebElement mine = shop.messagesBy("CUSTOMER").get(0);
            assertThat(mine.findElement(By.cssSelector(".bubble")).getText()).isEqualTo(markup);
            assertThat(mine.findElements(By.cssSelector("img, b"))).isEmpty();
            shop.say("Which payment methods do you accept?");
            shop.waiting()
                    .until(d -> shop.messagesBy("BOT").stream()
                            .anyMatch(m -> m.getText().contains("PayPal")));
            shot(browser, "11-phone-chat");
            List<String> before = shop.transcript();

            new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
            shop.waiting().until(d -> !shop.panel().isDisplayed());

            // Navigation within the site: the next page continues the same conversation.
            shop.open("/product.html").openChat();
            shop.waiting().until(d -> shop.transcript().size() >= before.size());
            assertThat(shop.transcript()).isEqualTo(before);
            shot(browser, "12-phone-next-page");
            assertThat(contentSecurityViolations(browser)).isEmpty();
        }
    }

    private static boolean isLauncherFocused(DemoShopPage shop) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) shop.driver())
                .executeScript("const host = document.querySelector('[data-takeover-chat]');"
                        + "return document.activeElement === host"
                        + " && host.shadowRoot.activeElement === host.shadowRoot.querySelector('.launcher');"));
    }

    private static List<LogEntry> contentSecurityViolations(Browser browser) {
        return browser.consoleMessages().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(entry -> entry.getMessage().contains("Content Security Policy")
                        || entry.getMessage().contains("Refused to"))
                .toList();
    }

    private static URI shopUri() {
        return platform.baseUri(PlatformService.WEB_CHAT);
    }

    private static RequestSpecification asAgent() {
        return given().baseUri(platform.baseUri(PlatformService.AGENT).toString())
                .header("Authorization", "Bearer " + platform.tokens().agentToken(AGENT));
    }

    private static void registerOnlineAgent(String agent, String name) {
        given().baseUri(platform.baseUri(PlatformService.AGENT).toString())
                .header("Authorization", "Bearer " + platform.tokens().supervisorToken("sam"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        agent,
                        "displayName",
                        name,
                        "skills",
                        List.of("general"),
                        "languages",
                        List.of("en", "de"),
                        "capacity",
                        3))
                .post("/agents")
                .then()
                .statusCode(201);
        asAgent()
                .contentType(ContentType.JSON)
                .body(Map.of("presence", "ONLINE"))
                .put("/agents/" + agent + "/presence")
                .then()
                .statusCode(200);
    }

    private static void shot(Browser browser, String name) {
        browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** One record produced and consumed on this run's broker, the floor under every hop of the platform. */
    private static double rawKafkaHopMillis() {
        String topic = "webchat-browser-hop-" + UUID.randomUUID();
        try (KafkaCompanion kafka = new KafkaCompanion(platform.kafkaBootstrapServers())) {
            kafka.topics().createAndWait(topic, 1);
            var consumer = kafka.consumeStrings().fromTopics(topic, 2);
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, "k", "warm-up"));
            consumer.awaitRecords(1, Duration.ofSeconds(30));
            long started = System.nanoTime();
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, "k", "v"));
            consumer.awaitCompletion(Duration.ofSeconds(30));
            return (System.nanoTime() - started) / 1e6;
        }
    }
}
