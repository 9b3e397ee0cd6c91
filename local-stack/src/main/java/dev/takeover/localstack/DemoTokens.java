package dev.takeover.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.takeover.infrastructure.TokenIssuer;

/**
 * The demo identities (supervisor sam, agents anna and ben) and their bearer tokens, written next to the public key
 * the services verify them with. Run on its own, it prepares a directory for Docker Compose.
 */
public final class DemoTokens {

    public static final String SUPERVISOR = "sam";

    public record DemoAgent(String id, String name, List<String> skills, List<String> languages) {}

    public static final List<DemoAgent> AGENTS = List.of(
            new DemoAgent("anna", "Anna", List.of("general", "billing"), List.of("de", "en")),
            new DemoAgent("ben", "Ben", List.of("general", "technical"), List.of("en")));

    private final TokenIssuer issuer;
    private final Path directory;

    public DemoTokens(TokenIssuer issuer, Path directory) {
        this.issuer = issuer;
        this.directory = directory;
    }

    public Path publicKey() {
        return issuer.writePublicKey(directory.resolve("public.pem"));
    }

    public String supervisorToken() {
        return issuer.supervisorToken(SUPERVISOR);
    }

    public String agentToken(DemoAgent agent) {
        return issuer.agentToken(agent.id());
    }

    /** Writes {@code <id>.jwt} for each demo identity and returns the files by identity. */
    public Map<String, Path> writeTokens() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put(SUPERVISOR, write(SUPERVISOR, supervisorToken()));
        for (DemoAgent agent : AGENTS) {
            files.put(agent.id(), write(agent.id(), agentToken(agent)));
        }
        return files;
    }

    private Path write(String identity, String token) {
        try {
            Files.createDirectories(directory);
            return Files.writeString(directory.resolve(identity + ".jwt"), token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code DemoTokens <directory>}: a fresh key pair, the public key and the demo tokens, for Docker Compose. */
    public static void main(String[] args) {
        Path directory = Path.of(args.length > 0 ? args[0] : "jwt");
        DemoTokens tokens = new DemoTokens(TokenIssuer.generate(), directory);
        System.out.println("public key: " + tokens.publicKey());
        tokens.writeTokens()
                .forEach((identity, file) -> System.out.println(identity + " (" + file + "): " + read(file)));
    }
}
