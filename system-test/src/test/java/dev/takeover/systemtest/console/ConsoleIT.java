package dev.takeover.systemtest.console;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.agent.ConversationHandedBack;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.InternalNoteAdded;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.infrastructure.FreePorts;
import dev.takeover.infrastructure.PlatformService;
import dev.takeover.infrastructure.testing.TopicRecorder;
import dev.takeover.localstack.DemoTokens;
import dev.takeover.localstack.Platform;
import dev.takeover.systemtest.browser.Browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The agents' console in headless Chromium against the four packaged services as processes, with the local stack's
 * demo identities (anna speaks German and English, ben English, sam supervises). Customers write on
 * conversation.inbound as a channel adapter would; what the console does is checked on the topics.
 */
class ConsoleIT {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Platform platform;
    private static KafkaCompanion kafka;
    private static ConsoleDriver.Stack stack;
    private static Path screenshots;

    private TopicRecorder outbound;
    private TopicRecorder agentEvents;
    private final List<String> conversations = new java.util.ArrayList<>();

    @BeforeAll
    static void startPlatform() {
        Path repository = Path.of(System.getProperty("takeover.repository", ".."))
                .toAbsolutePath()
                .normalize();
        Path work = repository.resolve("system-test/target/console-platform");
        screenshots = Path.of(System.getProperty(
                "takeover.screenshots",
                repository.resolve("system-test/target/screenshots").toString()));
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, FreePorts.next());
        }
        String console = "http://localhost:" + ports.get(PlatformService.AGENT);
        Path tokens = work.resolve("tokens");
        platform = Platform.start(new Platform.Settings(
                repository,
                work,
                1,
                0,
                0,
                ports,
                Map.of(
                        "CONSOLE_TRANSCRIPT_URL",
                        "http://localhost:" + ports.get(PlatformService.TRANSCRIPT),
                        "CONSOLE_HANDOVER_URL",
                        "http://localhost:" + ports.get(PlatformService.HANDOVER),
                        "CONSOLE_ORIGINS",
                        console,
                        "CONSOLE_DEMO_TOKENS",
                        tokens.toString()),
                Duration.ofMinutes(4)));
        kafka = new KafkaCompanion(platform.kafkaBootstrapServers());
        DemoTokens demo = new DemoTokens(platform.tokens(), tokens);
        stack = new ConsoleDriver.Stack(URI.create(console + "/console/"), platform, kafka, demo);
        stack.registerDemoAgents();
        demo.writeTokens();
    }

    @AfterAll
    static void stopPlatform() {
        if (kafka != null) {
            kafka.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @BeforeEach
    void everyoneOffline() {
        stack.presence("anna", "OFFLINE");
        stack.presence("ben", "OFFLINE");
        outbound = TopicRecorder.recording(kafka, "conversation.outbound");
        agentEvents = TopicRecorder.recording(kafka, "agent.events");
    }

    /** Each journey closes what it opened, so the next one starts with an empty queue and free agents. */
    @AfterEach
    void closeConversationsAndStopRecording() {
        conversations.forEach(stack::close);
        outbound.close();
        agentEvents.close();
    }

    private String conversation(String prefix) {
        String conversation = prefix + "-" + UUID.randomUUID();
        conversations.add(conversation);
        return conversation;
    }

    @Test
    void anAgentSignsInGoesOnlineAcceptsALiveOfferReadsTheHandoverAndReplies() {
        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            ConsoleDriver console = new ConsoleDriver(browser, stack);
            console.open();
            console.screenshot(screenshots.resolve("console-signin.png"));
            console.signInAs("anna");
            console.goOnline();

            String conversation = conversation("demo");
            stack.customerWrites(conversation, "m1", "Ich möchte mit einem Mitarbeiter sprechen");

            console.offer(conversation);
            // The countdown runs on the server's clock; it is read here, never waited out.
            assertThat(console.texts(".conversation-item.offer .countdown-label"))
                    .anyMatch(text -> text.matches("Offer expires in 0:[0-5][0-9]"));
            console.screenshot(screenshots.resolve("console-offer.png"));
            console.accept(conversation);

            console.awaitText(".conversation-header", conversation);
            console.awaitText(".transcript .entry-customer .entry-text", "Ich möchte mit einem Mitarbeiter sprechen");
            console.awaitText(".transcript .entry-bot .entry-text", "Kundennummer");
            console.awaitText(".package-why .reason-code", "");
            assertThat(console.texts(".package-why .reason-code")).isNotEmpty();
            console.awaitText(".package-why .quote p", "Ich möchte mit einem Mitarbeiter sprechen");
            console.awaitText(".package-summary .summary", "Nachricht");

            console.reply("Guten Tag, ich bin Anna und helfe Ihnen gern.");

            MessageSent reply = await().atMost(PATIENCE)
                    .until(
                            () -> outbound.events(conversation, MessageSent.TYPE).stream()
                                    .filter(sent -> sent.sender().type() == Sender.Type.AGENT)
                                    .toList(),
                            found -> !found.isEmpty())
                    .get(0);
            assertThat(reply.text()).isEqualTo("Guten Tag, ich bin Anna und helfe Ihnen gern.");
            assertThat(reply.sender().name()).isEqualTo("Anna");
            assertThat(reply.sender().id()).isEqualTo("anna");
            console.awaitText(".transcript .entry-agent:not(.pending) .entry-text", "Guten Tag, ich bin Anna");
            console.awaitText(".transcript .entry-system .system-text", "Anna");
            console.screenshot(screenshots.resolve("console-conversation.png"));
            assertThat(console.cspViolations()).isEmpty();
        }
    }

    @Test
    void anAgentAddsANoteUsesACannedReplyAndHandsBackToTheBot() {
        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            ConsoleDriver console = new ConsoleDriver(browser, stack);
            console.open();
            console.signInAs("anna");
            console.goOnline();
            String conversation = conversation("demo");
            stack.customerWrites(conversation, "m1", "Ich möchte mit einem Mitarbeiter sprechen");
            console.accept(conversation);
            console.awaitText(".transcript .entry-customer .entry-text", "Mitarbeiter");

            console.note("Kunde wirkt verärgert, Rechnung vom 3. prüfen.");
            console.awaitText(".transcript .entry-note .entry-text", "Rechnung vom 3. prüfen");
            InternalNoteAdded note = await().atMost(PATIENCE)
                    .until(() -> agentEvents.events(conversation, InternalNoteAdded.TYPE), found -> !found.isEmpty())
                    .get(0);
            assertThat(note.text()).isEqualTo("Kunde wirkt verärgert, Rechnung vom 3. prüfen.");

            WebElement input = console.replyMode();
            // Enter on a shortcut that matches nothing searches again and sends nothing: the first agent message
            // checked below must be the canned reply.
            input.sendKeys("/keinesolche");
            console.awaitText(".canned-popup:not([hidden]) .canned-none", "keinesolche");
            input.sendKeys(Keys.ENTER);
            console.awaitText(".canned-popup:not([hidden]) .canned-none", "keinesolche");
            assertThat(input.getAttribute("value")).isEqualTo("/keinesolche");
            input.clear();
            input.sendKeys("/hal");
            console.awaitText(".canned-popup:not([hidden]) .canned-shortcut", "/hallo");
            console.screenshot(screenshots.resolve("console-canned-replies.png"));
            input.sendKeys(Keys.ENTER);
            assertThat(input.getAttribute("value")).startsWith("Hallo").contains("ich bin Anna");
            input.sendKeys(Keys.ENTER);

            MessageSent canned = await().atMost(PATIENCE)
                    .until(
                            () -> outbound.events(conversation, MessageSent.TYPE).stream()
                                    .filter(sent -> sent.sender().type() == Sender.Type.AGENT)
                                    .toList(),
                            found -> !found.isEmpty())
                    .get(0);
            assertThat(canned.text()).startsWith("Hallo").contains("ich bin Anna und kümmere mich");
            // The note was added before the canned reply left, and it never reached the customer's topic.
            assertThat(outbound.events(conversation, MessageSent.TYPE))
                    .extracting(MessageSent::text)
                    .noneMatch(text -> text.contains("Rechnung vom 3."));

            console.handBack("Kundennummer ist bestätigt, Rest kann der Bot.");
            ConversationHandedBack handedBack = await().atMost(PATIENCE)
                    .until(
                            () -> agentEvents.events(conversation, ConversationHandedBack.TYPE),
                            found -> !found.isEmpty())
                    .get(0);
            assertThat(handedBack.agentId()).isEqualTo("anna");
            assertThat(handedBack.note()).isEqualTo("Kundennummer ist bestätigt, Rest kann der Bot.");
            console.awaitGone("[data-conversation='" + conversation + "']");
        }
    }

    @Test
    void aSupervisorSeesTheQueueAndReassignsAConversation() {
        stack.presence("ben", "AWAY");
        String conversation = conversation("queue");
        stack.customerWrites(conversation, "m1", "I want to talk to a human");

        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            ConsoleDriver console = new ConsoleDriver(browser, stack);
            console.open();
            console.signInAs("sam");
            console.navigate("queue");
            WebElement row = console.await(".queue-table tr[data-conversation='" + conversation + "']");
            assertThat(row.getText()).contains("Asked for a person").contains("Normal");
            console.screenshot(screenshots.resolve("console-queue.png"));

            String rowOf = ".queue-table tr[data-conversation='" + conversation + "']";
            new Select(console.await(rowOf + " select")).selectByValue("ben");
            console.click(rowOf + " .reassign button");

            ConversationOffered offered = await().atMost(PATIENCE)
                    .until(() -> agentEvents.events(conversation, ConversationOffered.TYPE), found -> !found.isEmpty())
                    .get(0);
            assertThat(offered.agentId()).isEqualTo("ben");
            console.awaitText(".toasts .toast", "Ben");

            console.navigate("team");
            console.awaitText(".table tr[data-agent='ben']", "1 of 3");
            console.screenshot(screenshots.resolve("console-team.png"));

            // Incidents live in handover-service: the browser declares and ends one there, across origins.
            console.awaitGone(".toast");
            console.navigate("incidents");
            console.type("#incident-description", "Card payments fail at checkout");
            console.type("#incident-keywords", "card, checkout");
            console.click("form button[type='submit']");
            console.awaitText(".incident-card", "Card payments fail at checkout");
            console.screenshot(screenshots.resolve("console-incidents.png"));
            console.click(".incident-card button");
            console.awaitText(".toasts .toast", "Incident ended");
            console.awaitGone(".incident-card");

            console.awaitGone(".toast");
            console.navigate("canned");
            console.awaitText("tr[data-shortcut='hello']", "Hi {customer}");
            console.type("#canned-shortcut", "refund");
            console.type("#canned-text", "Your refund is on its way, {customer}.");
            console.click("form button[type='submit']");
            console.awaitText("tr[data-shortcut='refund']", "Your refund is on its way");
            console.screenshot(screenshots.resolve("console-canned-catalogue.png"));
        }
    }

    @Test
    void htmlInACustomerMessageIsShownAsTextAndNeverRuns() {
        String attack = "Ich möchte mit einem Mitarbeiter sprechen <img src=x onerror=alert(1)>";
        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            ConsoleDriver console = new ConsoleDriver(browser, stack);
            console.open();
            console.signInAs("anna");
            console.goOnline();
            String conversation = conversation("xss");
            stack.customerWrites(conversation, "m1", attack);
            console.accept(conversation);

            console.awaitText(".transcript .entry-customer .entry-text", "<img src=x onerror=alert(1)>");
            console.awaitText(".package-why .quote p", "<img src=x onerror=alert(1)>");
            assertThat(browser.driver().findElements(By.cssSelector(".transcript img, .package-column img")))
                    .isEmpty();
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            assertThat(ExpectedConditions.alertIsPresent().apply(browser.driver()))
                    .isNull();
            List<LogEntry> violations = console.cspViolations();
            assertThat(violations).isEmpty();
        }
    }

    @Test
    void onANarrowScreenTheConversationAndItsHandoverAreOneColumn() {
        try (Browser browser = Browser.open(Browser.PHONE)) {
            ConsoleDriver console = new ConsoleDriver(browser, stack);
            console.open();
            console.signInAs("anna");
            console.goOnline();
            String conversation = conversation("narrow");
            stack.customerWrites(conversation, "m1", "I want to talk to a human, my invoice is wrong");
            console.accept(conversation);
            console.awaitText(".transcript .entry-customer .entry-text", "invoice");
            console.awaitText(".package-why .reason-code", "");

            assertThat(console.isDisplayed(".list-column")).isFalse();
            assertThat(console.widthOf(".transcript-scroll")).isLessThanOrEqualTo(Browser.PHONE.getWidth());
            // One column: who and what, then the handover package, then the transcript.
            assertThat(console.topOf(".conversation-header")).isLessThan(console.topOf(".package-column"));
            assertThat(console.topOf(".package-column")).isLessThan(console.topOf(".transcript-scroll"));
            assertThat(console.scrollWidth()).isLessThanOrEqualTo(Browser.PHONE.getWidth());
            console.screenshot(screenshots.resolve("console-narrow.png"));
            console.click(".conversation-header .back");
            console.await("[data-conversation='" + conversation + "']");
        }
    }
}
