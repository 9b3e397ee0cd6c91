package dev.takeover.webchat.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.takeover.webchat.CustomerIdentity;
import dev.takeover.webchat.WebConversation;

/** The web channel's conversations, and the visitor tokens that open them. */
@ApplicationScoped
public class ConversationStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "c.conversation_id, c.customer_id, c.customer_name, c.attributes, c.language";

    private final DataSource dataSource;

    ConversationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<WebConversation> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return one(
                "select " + COLUMNS + " from visitor_token t join web_conversation c using (conversation_id)"
                        + " where t.token_hash = ?",
                hash(token));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<WebConversation> latestOf(String customerId) {
        return one(
                "select " + COLUMNS + " from web_conversation c where c.customer_id = ?"
                        + " order by c.started_at desc limit 1",
                customerId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<WebConversation> find(String conversationId) {
        return one("select " + COLUMNS + " from web_conversation c where c.conversation_id = ?", conversationId);
    }

    /** A new conversation, with an id nobody can guess. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WebConversation start(Optional<CustomerIdentity> identity, String language, Instant now) {
        WebConversation conversation = new WebConversation(
                "web-" + UUID.randomUUID(),
                identity.map(CustomerIdentity::customerId).orElse(null),
                identity.map(CustomerIdentity::name).orElse(null),
                identity.map(CustomerIdentity::forwardedAttributes).orElse(Map.of()),
                language);
        update(
                "insert into web_conversation"
                        + " (conversation_id, customer_id, customer_name, attributes, language, started_at)"
                        + " values (?, ?, ?, ?::jsonb, ?, ?)",
                conversation.conversationId(),
                conversation.customerId(),
                conversation.customerName(),
                json(conversation.attributes()),
                language,
                Timestamp.from(now));
        return conversation;
    }

    /** The customer as the host site now vouches for them, and the language the widget now speaks. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WebConversation refresh(WebConversation conversation, Optional<CustomerIdentity> identity, String language) {
        WebConversation refreshed = identity.map(customer -> new WebConversation(
                        conversation.conversationId(),
                        customer.customerId(),
                        customer.name(),
                        customer.forwardedAttributes(),
                        language))
                .orElse(new WebConversation(
                        conversation.conversationId(),
                        conversation.customerId(),
                        conversation.customerName(),
                        conversation.attributes(),
                        language));
        update(
                "update web_conversation set customer_id = ?, customer_name = ?, attributes = ?::jsonb, language = ?"
                        + " where conversation_id = ?",
                refreshed.customerId(),
                refreshed.customerName(),
                json(refreshed.attributes()),
                language,
                refreshed.conversationId());
        return refreshed;
    }

    /** Returns the token for the browser; only its hash is kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issueToken(String conversationId, Instant now) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        update(
                "insert into visitor_token (token_hash, conversation_id, issued_at) values (?, ?, ?)",
                hash(token),
                conversationId,
                Timestamp.from(now));
        return token;
    }

    private Optional<WebConversation> one(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new WebConversation(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        attributes(row.getString(4)),
                        row.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read web conversations", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write web conversations", e);
        }
    }

    private static Map<String, String> attributes(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not a JSON object", e);
        }
    }

    private static String json(Map<String, String> attributes) {
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
