package dev.takeover.webchat.socket;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.takeover.webchat.LogEntry;
import dev.takeover.webchat.LogEntry.Author;
import dev.takeover.webchat.socket.Frames.Hello;
import dev.takeover.webchat.socket.Frames.MalformedFrame;
import dev.takeover.webchat.socket.Frames.Say;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FramesTest {

    @Test
    void aHelloCarriesTheTokenTheLastEntrySeenAndTheLanguage() throws MalformedFrame {
        Hello hello = (Hello) Frames.parse(
                "{\"type\":\"hello\",\"token\":\"t\",\"conversationId\":\"web-1\",\"after\":7,\"language\":\"de-AT\"}");
        assertThat(hello).isEqualTo(new Hello("t", "web-1", 7, null, null, "de"));
        assertThat(((Hello) Frames.parse("{\"type\":\"hello\",\"language\":\"fr\"}")).language())
                .isNull();
        assertThat(((Hello) Frames.parse("{\"type\":\"hello\",\"token\":\"\"}")).token())
                .isNull();
    }

    @Test
    void aMessageNeedsAnIdAndText() throws MalformedFrame {
        assertThat(Frames.parse("{\"type\":\"message\",\"messageId\":\"a-1_B\",\"text\":\" hi \"}"))
                .isEqualTo(new Say("a-1_B", " hi "));
        assertThatThrownBy(() -> Frames.parse("{\"type\":\"message\",\"text\":\"hi\"}"))
                .hasMessageContaining("messageId");
        assertThatThrownBy(() -> Frames.parse("{\"type\":\"message\",\"messageId\":\"m\",\"text\":\"  \"}"))
                .hasMessageContaining("non-empty text");
        assertThatThrownBy(() -> Frames.parse("{\"type\":\"message\",\"messageId\":\"" + "m".repeat(65) + "\"}"))
                .hasMessageContaining("at most 64");
    }

    @Test
    void reasonsNeverQuoteTheFrame() {
        assertThatThrownBy(() -> Frames.parse("{\"type\":\"message\",\"text\":\"secret"))
                .hasMessage("not valid JSON");
        assertThatThrownBy(() -> Frames.parse("\"secret\"")).hasMessage("a frame is a JSON object");
        assertThatThrownBy(() -> Frames.parse("{\"type\":\"secret\"}"))
                .hasMessage("unknown frame type; expected hello or message");
        assertThatThrownBy(() -> Frames.parse("{\"type\":\"hello\",\"after\":\"secret\"}"))
                .hasMessage("after must be a whole number, 0 or more");
    }

    @Test
    void anEntryNamesItsAuthorAndSenderButACustomerEntryHasNoSender() {
        Instant at = Instant.parse("2026-11-25T09:00:00Z");
        assertThat(Frames.entry(new LogEntry(3, "m-1", Author.AGENT, "anna", "Anna", "Hi", "AGENT_REPLY", at)))
                .isEqualTo("{\"type\":\"entry\",\"seq\":3,\"messageId\":\"m-1\",\"author\":\"AGENT\","
                        + "\"sender\":{\"id\":\"anna\",\"name\":\"Anna\"},\"text\":\"Hi\",\"purpose\":\"AGENT_REPLY\","
                        + "\"sentAt\":\"2026-11-25T09:00:00Z\"}");
        assertThat(Frames.entry(LogEntry.fromCustomer("m-2", "<b>hello</b>", at).numbered(4)))
                .isEqualTo("{\"type\":\"entry\",\"seq\":4,\"messageId\":\"m-2\",\"author\":\"CUSTOMER\","
                        + "\"text\":\"<b>hello</b>\",\"sentAt\":\"2026-11-25T09:00:00Z\"}");
    }
}
