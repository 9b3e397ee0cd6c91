package dev.takeover.webchat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.takeover.infrastructure.testing.AdjustableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityVerifierTest {

    private static final String SECRET = "shop-secret";
    private final AdjustableClock clock = AdjustableClock.stoppedAt(Instant.parse("2026-11-25T09:00:00Z"));
    private final IdentityVerifier verifier = new IdentityVerifier(Optional.of(SECRET), clock);

    @Test
    void aSignedIdentityIsReadWithItsAttributesAndEmail() throws IdentityRefused {
        CustomerIdentity identity = verified("{\"customerId\":\" K-1 \",\"name\":\"Erika\",\"email\":\"e@example.com\","
                + "\"attributes\":{\"tier\":\"gold\",\"vip\":true,\"orders\":12}}");

        assertThat(identity.customerId()).isEqualTo("K-1");
        assertThat(identity.name()).isEqualTo("Erika");
        assertThat(identity.forwardedAttributes())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("tier", "gold", "vip", "true", "orders", "12", "email", "e@example.com"));
    }

    @Test
    void theSignatureIsCheckedOverTheExactEncodedText() {
        String identity = IdentityVerifier.encode("{\"customerId\":\"K-1\"}");
        String other = IdentityVerifier.encode("{\"customerId\":\"K-2\"}");

        assertThatThrownBy(() -> verifier.verify(other, IdentityVerifier.sign(SECRET, identity)))
                .hasMessage("the signature does not match the identity");
        assertThatThrownBy(() -> verifier.verify(identity, IdentityVerifier.sign("guess", identity)))
                .hasMessage("the signature does not match the identity");
        assertThatThrownBy(() -> verifier.verify(identity, "abc")).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> verifier.verify(identity, null)).hasMessageContaining("64 hex digits");
    }

    @Test
    void upperCaseHexIsAcceptedToo() throws IdentityRefused {
        String identity = IdentityVerifier.encode("{\"customerId\":\"K-1\"}");
        assertThat(verifier.verify(
                                identity,
                                IdentityVerifier.sign(SECRET, identity).toUpperCase())
                        .customerId())
                .isEqualTo("K-1");
    }

    @Test
    void withoutASecretEveryIdentityIsRefused() {
        IdentityVerifier unconfigured = new IdentityVerifier(Optional.of(" "), clock);
        String identity = IdentityVerifier.encode("{\"customerId\":\"K-1\"}");
        assertThatThrownBy(() -> unconfigured.verify(identity, IdentityVerifier.sign(" ", identity)))
                .hasMessageContaining("no secret is configured");
    }

    @Test
    void anIdentityExpiresAtItsExpiryInstant() throws IdentityRefused {
        String json =
                "{\"customerId\":\"K-1\",\"expiresAt\":\"" + clock.instant().plusSeconds(60) + "\"}";
        assertThat(verified(json).customerId()).isEqualTo("K-1");
        clock.advance(Duration.ofSeconds(60));
        assertThatThrownBy(() -> verified(json)).hasMessage("the identity has expired");
    }

    @Test
    void aSignedButInvalidIdentityIsRefusedWithTheFieldAtFault() {
        assertThatThrownBy(() -> verified("{\"name\":\"Erika\"}")).hasMessage("the identity has no customerId");
        assertThatThrownBy(() -> verified("[1,2]")).hasMessage("the identity is not a JSON object");
        assertThatThrownBy(() -> verified("{\"customerId\":42}")).hasMessageContaining("customerId must be");
        assertThatThrownBy(() -> verified("{\"customerId\":\"K-1\",\"attributes\":{\"Tier\":\"gold\"}}"))
                .hasMessageContaining("attribute names");
        assertThatThrownBy(() -> verified("{\"customerId\":\"K-1\",\"attributes\":{\"tier\":{\"a\":1}}}"))
                .hasMessageContaining("attribute values");
        assertThatThrownBy(() -> verified("{\"customerId\":\"K-1\",\"expiresAt\":\"tomorrow\"}"))
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> verifier.verify("%%%", IdentityVerifier.sign(SECRET, "%%%")))
                .hasMessage("the identity is not base64url-encoded JSON");
    }

    private CustomerIdentity verified(String json) throws IdentityRefused {
        String identity = IdentityVerifier.encode(json);
        return verifier.verify(identity, IdentityVerifier.sign(SECRET, identity));
    }
}
