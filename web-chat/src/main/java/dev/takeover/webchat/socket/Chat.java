package dev.takeover.webchat.socket;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

import dev.takeover.common.tracing.Tracing;
import dev.takeover.webchat.Conversations;
import dev.takeover.webchat.Conversations.Opened;
import dev.takeover.webchat.CustomerIdentity;
import dev.takeover.webchat.IdentityRefused;
import dev.takeover.webchat.IdentityVerifier;
import dev.takeover.webchat.WebChatConfig;
import dev.takeover.webchat.socket.Frames.ClientFrame;
import dev.takeover.webchat.socket.Frames.Hello;
import dev.takeover.webchat.socket.Frames.MalformedFrame;
import dev.takeover.webchat.socket.Frames.Say;

/**
 * What a socket's frames mean: a hello opens the conversation and replays what the browser has not seen; a message is
 * checked against the limits and handed to {@link Conversations}. A refused frame gets an error frame and the socket
 * carries on; only a refused identity closes it. Nothing here logs what a customer wrote.
 */
@ApplicationScoped
public class Chat {

    private static final Logger LOG = Logger.getLogger(Chat.class);
    /** RFC 6455: the endpoint refuses a message that violates its policy. */
    private static final int POLICY_VIOLATION = 1008;

    private final Sockets sockets;
    private final Conversations conversations;
    private final IdentityVerifier identities;
    private final WebChatConfig config;
    private final Tracing tracing;

    Chat(Sockets sockets, Conversations conversations, WebChatConfig config, Tracing tracing, Clock clock) {
        this.sockets = sockets;
        this.conversations = conversations;
        this.tracing = tracing;
        this.config = config;
        this.identities = new IdentityVerifier(config.identity().secret(), clock);
    }

    void opened(WebSocketConnection connection) {
        sockets.opened(connection);
    }

    void closed(WebSocketConnection connection) {
        sockets.closed(connection);
    }

    void received(WebSocketConnection connection, String text) {
        CustomerSocket socket = sockets.of(connection);
        Optional<Duration> wait = socket.rateLimit().take();
        if (wait.isPresent()) {
            socket.send(Frames.error("rate-limited", "too many frames; wait before sending more", null, wait.get()));
            return;
        }
        ClientFrame frame;
        try {
            frame = Frames.parse(text);
        } catch (MalformedFrame e) {
            socket.send(Frames.error("malformed", e.getMessage(), null, null));
            return;
        }
        try {
            if (frame instanceof Hello hello) {
                hello(socket, hello);
            } else if (frame instanceof Say say) {
                say(socket, say);
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "could not handle a %s frame: %s",
                    frame.getClass().getSimpleName(), e.getClass().getName());
            String messageId = frame instanceof Say say ? say.messageId() : null;
            socket.send(
                    Frames.error("unavailable", "the chat is unavailable for a moment; try again", messageId, null));
        }
    }

    /** Binary frames are not part of the protocol. */
    void receivedBinary(WebSocketConnection connection) {
        sockets.of(connection).send(Frames.error("malformed", "frames are JSON text", null, null));
    }

    private void hello(CustomerSocket socket, Hello hello) {
        if (socket.joined()) {
            socket.send(Frames.error("already-open", "this socket has already opened its conversation", null, null));
            return;
        }
        Optional<CustomerIdentity> identity = Optional.empty();
        if (hello.identity() != null || hello.signature() != null) {
            try {
                identity = Optional.of(identities.verify(hello.identity(), hello.signature()));
            } catch (IdentityRefused e) {
                socket.send(Frames.error("identity-refused", e.getMessage(), null, null));
                socket.connection().closeAndAwait(new CloseReason(POLICY_VIOLATION, "identity refused"));
                return;
            }
        }
        Opened opened = conversations.open(Optional.ofNullable(hello.token()), identity, hello.language());
        String conversationId = opened.conversation().conversationId();
        socket.send(Frames.welcome(
                conversationId,
                opened.issuedToken().orElse(null),
                opened.conversation().customerName(),
                config.maxMessageLength()));
        long after = conversationId.equals(hello.conversationId()) ? hello.after() : 0;
        sockets.join(socket, conversationId, after);
    }

    private void say(CustomerSocket socket, Say say) {
        if (!socket.joined()) {
            socket.send(Frames.error("hello-first", "say hello before sending messages", say.messageId(), null));
            return;
        }
        int length = say.text().codePointCount(0, say.text().length());
        if (length > config.maxMessageLength()) {
            socket.send(Frames.error(
                    "too-long",
                    "a message has at most " + config.maxMessageLength() + " characters",
                    say.messageId(),
                    null));
            return;
        }
        // One trace per customer message, across every service it reaches.
        tracing.inNewTrace(
                "web-chat customer message",
                () -> conversations.receive(socket.conversationId(), say.messageId(), say.text()));
    }
}
