package dev.takeover.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import dev.takeover.common.http.Roles;

/**
 * Signs bearer tokens for agents where no identity provider runs (tests and the local stack), and publishes the
 * public key that the services verify them with. The services accept any issuer configured in production.
 */
public final class TokenIssuer {

    /** The {@code iss} of these tokens, and what the services expect unless configured otherwise. */
    public static final String ISSUER = "takeover-local";

    private final RsaJsonWebKey key;

    private TokenIssuer(RsaJsonWebKey key) {
        this.key = key;
    }

    public static TokenIssuer generate() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("takeover-local");
            return new TokenIssuer(key);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    /** Writes the public key as PEM, for {@code mp.jwt.verify.publickey.location}. */
    public Path writePublicKey(Path file) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the public key", e);
        }
    }

    /** A token for an agent: {@code upn} is the agent id, {@code groups} their roles. */
    public String tokenFor(String agentId, String displayName, List<String> roles, Duration validity) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(agentId);
        claims.setClaim("upn", agentId);
        claims.setClaim("name", displayName);
        claims.setStringListClaim("groups", roles);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(validity.toMinutes());

        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(key.getPrivateKey());
        signature.setKeyIdHeaderValue(key.getKeyId());
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    public String agentToken(String agentId) {
        return tokenFor(agentId, agentId, List.of(Roles.AGENT), Duration.ofHours(12));
    }

    public String supervisorToken(String agentId) {
        return tokenFor(agentId, agentId, List.of(Roles.AGENT, Roles.SUPERVISOR), Duration.ofHours(12));
    }
}
