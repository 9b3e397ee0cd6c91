package dev.takeover.webchat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.awaitility.Awaitility.await;

/** A browser tab as the adapter sees it: a WebSocket that sends the widget's frames and keeps every frame it gets. */
public final class ChatClient implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private ChatClient(URI uri) {
        StringBuilder partial = new StringBuilder();
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(parse(partial.toString()));
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closed.complete(-1);
                    }
                })
                .orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** Connects to the adapter whose HTTP base is given (http://host:port). */
    public static ChatClient connect(URI httpBase) {
        return new ChatClient(
                URI.create(httpBase.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/chat"));
    }

    public ChatClient sendRaw(String frame) {
        socket.sendText(frame, true).join();
        return this;
    }

    public ChatClient sendBinary(byte[] frame) {
        socket.sendBinary(ByteBuffer.wrap(frame), true).join();
        return this;
    }

    public ChatClient send(Map<String, Object> frame) {
        try {
            return sendRaw(JSON.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An anonymous hello, or one that resumes with a token; returns the welcome frame. */
    public JsonNode hello(String token, String conversationId, long after) {
        int before = frames.size();
        send(Map.of(
                "type",
                "hello",
                "token",
                token == null ? "" : token,
                "conversationId",
                conversationId == null ? "" : conversationId,
                "after",
                after,
                "language",
                "en"));
        return awaitFrame(before, "welcome");
    }

    public JsonNode hello() {
        return hello(null, null, 0);
    }

    public ChatClient say(String messageId, String text) {
        return send(Map.of("type", "message", "messageId", messageId, "text", text));
    }

    public List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    public List<JsonNode> framesOfType(String type) {
        return frames.stream()
                .filter(frame -> type.equals(frame.path("type").asText()))
                .toList();
    }

    public List<JsonNode> entries() {
        return framesOfType("entry");
    }

    public List<String> entryTexts() {
        return entries().stream().map(entry -> entry.path("text").asText()).toList();
    }

    public List<JsonNode> awaitEntries(int count) {
        await().atMost(PATIENCE).until(() -> entries().size() >= count);
        return entries();
    }

    /** Waits for the first frame of this type after the first {@code skip} frames. */
    public JsonNode awaitFrame(int skip, String type) {
        return await().atMost(PATIENCE)
                .until(
                        () -> frames.stream()
                                .skip(skip)
                                .filter(frame -> type.equals(frame.path("type").asText()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .get();
    }

    public JsonNode awaitError(String code) {
        return await().atMost(PATIENCE)
                .until(
                        () -> framesOfType("error").stream()
                                .filter(frame -> code.equals(frame.path("code").asText()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .get();
    }

    /** The close code the adapter sent, once it closed the socket. */
    public int awaitClosed() {
        return closed.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                    .orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null);
            socket.abort();
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the adapter sent a frame that is not JSON", e);
        }
    }
}
