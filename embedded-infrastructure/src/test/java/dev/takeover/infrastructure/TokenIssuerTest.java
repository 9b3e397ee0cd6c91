package dev.takeover.infrastructure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TokenIssuerTest {

    @Test
    void aSupervisorTokenVerifiesWithThePublishedKeyAndCarriesIdentityAndRoles(@TempDir Path dir) throws Exception {
        TokenIssuer issuer = TokenIssuer.generate();
        Path pem = issuer.writePublicKey(dir.resolve("public.pem"));

        JwtClaims claims = new JwtConsumerBuilder()
                .setExpectedIssuer(TokenIssuer.ISSUER)
                .setVerificationKey(read(pem))
                .setRequireExpirationTime()
                .build()
                .processToClaims(issuer.supervisorToken("sam"));

        assertThat(claims.getStringClaimValue("upn")).isEqualTo("sam");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("agent", "supervisor");
    }

    private static PublicKey read(Path pem) throws Exception {
        String base64 = Files.readString(pem, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
