package dev.takeover.webchat.socket;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.WebSocketConnection;

import dev.takeover.webchat.RateLimit;
import dev.takeover.webchat.WebChatConfig;
import dev.takeover.webchat.store.DeliveryLog;

/** This instance's open sockets, by connection and by conversation, and the delivery of new log entries to them. */
@ApplicationScoped
public class Sockets {

    private final Map<String, CustomerSocket> byConnection = new ConcurrentHashMap<>();
    private final Map<String, Set<CustomerSocket>> byConversation = new ConcurrentHashMap<>();
    private final DeliveryLog log;
    private final WebChatConfig config;
    private final Clock clock;
    private final ExecutorService delivery = Executors.newFixedThreadPool(4, new DeliveryThreads());

    Sockets(DeliveryLog log, WebChatConfig config, Clock clock) {
        this.log = log;
        this.config = config;
        this.clock = clock;
    }

    CustomerSocket opened(WebSocketConnection connection) {
        return of(connection);
    }

    CustomerSocket of(WebSocketConnection connection) {
        return byConnection.computeIfAbsent(
                connection.id(),
                id -> new CustomerSocket(
                        connection,
                        new RateLimit(
                                config.rateLimit().burst(), config.rateLimit().refillEvery(), clock)));
    }

    /** Registers first, then catches up: an entry logged in between is either read now or notified after. */
    void join(CustomerSocket socket, String conversationId, long after) {
        socket.join(conversationId, after);
        byConversation
                .computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet())
                .add(socket);
        socket.catchUp(log, config.historyPage());
    }

    void closed(WebSocketConnection connection) {
        CustomerSocket socket = byConnection.remove(connection.id());
        if (socket != null && socket.joined()) {
            byConversation.computeIfPresent(socket.conversationId(), (id, sockets) -> {
                sockets.remove(socket);
                return sockets.isEmpty() ? null : sockets;
            });
        }
    }

    /** Something was appended to this conversation's log, by this instance or another. */
    public void appended(String conversationId) {
        Set<CustomerSocket> sockets = byConversation.get(conversationId);
        if (sockets != null) {
            sockets.forEach(socket -> socket.requestCatchUp(delivery, log, config.historyPage()));
        }
    }

    /** After notifications may have been missed (the listener reconnected), every socket looks for itself. */
    public void appendedAnywhere() {
        byConversation.keySet().forEach(this::appended);
    }

    public int openSockets() {
        return byConnection.size();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        delivery.shutdownNow();
    }

    private static final class DeliveryThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "web-chat-delivery-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
