package dev.takeover.webchat.socket;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

/** The customers' WebSocket at {@code /chat}; each connection's frames are handled one at a time, in order. */
@WebSocket(path = "/chat")
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class);

    private final Chat chat;

    ChatSocket(Chat chat) {
        this.chat = chat;
    }

    @OnOpen
    public void opened(WebSocketConnection connection) {
        chat.opened(connection);
    }

    @OnTextMessage
    public void text(String frame, WebSocketConnection connection) {
        chat.received(connection, frame);
    }

    @OnBinaryMessage
    public void binary(Buffer frame, WebSocketConnection connection) {
        chat.receivedBinary(connection);
    }

    @OnClose
    public void closed(WebSocketConnection connection) {
        chat.closed(connection);
    }

    @OnError
    public void failed(WebSocketConnection connection, Throwable failure) {
        // The class only: a failure's message may quote the frame, and so what the customer wrote.
        LOG.warnf("socket %s failed: %s", connection.id(), failure.getClass().getName());
    }
}
