package dev.takeover.agent.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import com.fasterxml.jackson.databind.JsonNode;

import dev.takeover.common.http.Roles;
import dev.takeover.events.EventCodec;

/**
 * The local stack's demo identities, read from the directory of token files it writes, so a new user signs in with one
 * click. Nothing is offered unless that directory is configured, which a deployment never does.
 */
@ApplicationScoped
public class DemoIdentities {

    private static final Logger LOG = Logger.getLogger(DemoIdentities.class);
    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String SUFFIX = ".jwt";

    /** Who a demo token signs in as; {@code supervisor} when it carries that role. */
    public record Identity(String id, boolean supervisor) {}

    private final Optional<Path> directory;

    DemoIdentities(ConsoleConfig config) {
        this.directory = config.demoTokens().filter(path -> !path.isBlank()).map(Path::of);
    }

    void announce(@Observes StartupEvent started) {
        directory.ifPresent(path -> LOG.warnf(
                "the console offers the demo identities in %s to anyone who reaches it: for a local demo only", path));
    }

    public boolean enabled() {
        return directory.isPresent();
    }

    public List<Identity> list() {
        if (directory.isEmpty() || !Files.isDirectory(directory.get())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory.get())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(SUFFIX))
                    .map(name -> name.substring(0, name.length() - SUFFIX.length()))
                    .filter(id -> IDENTITY.matcher(id).matches())
                    .sorted()
                    .flatMap(id -> token(id).map(token -> new Identity(id, isSupervisor(token))).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bearer token of one demo identity; empty when demo sign-in is off or there is no such identity. */
    public Optional<String> token(String id) {
        if (directory.isEmpty() || id == null || !IDENTITY.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = directory.get().resolve(id + SUFFIX);
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only to label the choice; the services verify the token itself whenever it is used. */
    private static boolean isSupervisor(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return false;
        }
        try {
            JsonNode claims = EventCodec.mapper()
                    .readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            for (JsonNode group : claims.path("groups")) {
                if (Roles.SUPERVISOR.equals(group.asText())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
