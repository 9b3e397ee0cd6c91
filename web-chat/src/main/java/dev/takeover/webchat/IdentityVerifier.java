package dev.takeover.webchat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Verifies the identity a host site vouches for, as Intercom's identity verification does: the host's server signs
 * the customer's fields with a secret it shares with the adapter, and the browser only passes them on.
 *
 * <p>The identity is the base64url encoding of a JSON object {@code {customerId, name?, email?, attributes?{}, expiresAt?}};
 * the signature is the lowercase hex HMAC-SHA256 of that exact base64url text under the shared secret. Signing the
 * encoded text, not re-serialised fields, leaves nothing to canonicalise.
 */
public final class IdentityVerifier {

    static final String ALGORITHM = "HmacSHA256";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ENCODED = 4096;
    private static final int MAX_FIELD = 200;
    private static final int MAX_ATTRIBUTES = 20;
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    private final Optional<String> secret;
    private final Clock clock;

    public IdentityVerifier(Optional<String> secret, Clock clock) {
        this.secret = secret.filter(value -> !value.isBlank());
        this.clock = clock;
    }

    public CustomerIdentity verify(String identity, String signature) throws IdentityRefused {
        if (secret.isEmpty()) {
            throw new IdentityRefused("this adapter accepts no signed identities (no secret is configured)");
        }
        if (identity == null || identity.isBlank() || identity.length() > MAX_ENCODED) {
            throw new IdentityRefused("the identity is missing or longer than " + MAX_ENCODED + " characters");
        }
        if (signature == null || !signature.matches("[0-9a-fA-F]{64}")) {
            throw new IdentityRefused("the signature must be 64 hex digits (HMAC-SHA256)");
        }
        byte[] expected = hmac(secret.get(), identity);
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.toLowerCase()))) {
            throw new IdentityRefused("the signature does not match the identity");
        }
        return parse(identity);
    }

    /** What the host site's server computes: the signature of an encoded identity. */
    public static String sign(String secret, String encodedIdentity) {
        return HexFormat.of().formatHex(hmac(secret, encodedIdentity));
    }

    /** What the host site's server sends to the browser: the identity's JSON, base64url-encoded. */
    public static String encode(String identityJson) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(identityJson.getBytes(StandardCharsets.UTF_8));
    }

    private CustomerIdentity parse(String identity) throws IdentityRefused {
        JsonNode fields;
        try {
            fields = JSON.readTree(Base64.getUrlDecoder().decode(identity));
        } catch (IllegalArgumentException | IOException e) {
            throw new IdentityRefused("the identity is not base64url-encoded JSON");
        }
        if (fields == null || !fields.isObject()) {
            throw new IdentityRefused("the identity is not a JSON object");
        }
        String customerId =
                text(fields, "customerId").orElseThrow(() -> new IdentityRefused("the identity has no customerId"));
        Optional<String> expiresAt = text(fields, "expiresAt");
        if (expiresAt.isPresent() && !expiry(expiresAt.get()).isAfter(clock.instant())) {
            throw new IdentityRefused("the identity has expired");
        }
        return new CustomerIdentity(
                customerId,
                text(fields, "name").orElse(null),
                text(fields, "email").orElse(null),
                attributes(fields.get("attributes")));
    }

    private static Instant expiry(String value) throws IdentityRefused {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IdentityRefused("expiresAt is not an ISO-8601 instant");
        }
    }

    private static Map<String, String> attributes(JsonNode node) throws IdentityRefused {
        Map<String, String> attributes = new HashMap<>();
        if (node == null || node.isNull()) {
            return attributes;
        }
        if (!node.isObject() || node.size() > MAX_ATTRIBUTES) {
            throw new IdentityRefused("attributes must be an object of at most " + MAX_ATTRIBUTES + " entries");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = it.next();
            JsonNode value = attribute.getValue();
            if (!ATTRIBUTE_NAME.matcher(attribute.getKey()).matches()) {
                throw new IdentityRefused("attribute names are lowercase words of at most 40 characters");
            }
            if (!(value.isTextual() || value.isNumber() || value.isBoolean())
                    || value.asText().length() > MAX_FIELD) {
                throw new IdentityRefused("attribute values are short strings, numbers or booleans");
            }
            attributes.put(attribute.getKey(), value.asText());
        }
        return attributes;
    }

    private static Optional<String> text(JsonNode fields, String name) throws IdentityRefused {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_FIELD) {
            throw new IdentityRefused(name + " must be a non-empty string of at most " + MAX_FIELD + " characters");
        }
        return Optional.of(value.asText().strip());
    }

    private static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
