package dev.takeover.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A deployed service that checks bearer tokens must be able to read the key that verifies them. Without it, every
 * request would fail, health checks included; so the start fails instead, with one line that names the variable.
 */
@ApplicationScoped
public class JwtKeyCheck {

    static final String VARIABLE = "JWT_PUBLIC_KEY_LOCATION";
    private static final String VERIFIER = "io.smallrye.jwt.auth.principal.JWTAuthContextInfo";

    /**
     * Before anything else starts: with the messaging channels already polling, the stop raced their consumers, which
     * could log a stack trace after the one line (seen once in CI's MissingKeyIT).
     */
    void check(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location) {
        if (LaunchMode.current() != LaunchMode.NORMAL || !verifiesTokens()) {
            return;
        }
        problem(location).ifPresent(problem -> {
            throw new ConfigurationException(problem);
        });
    }

    /** Empty when the key can be read; otherwise what is wrong, in one line. */
    static Optional<String> problem(Optional<String> location) {
        if (location.isEmpty() || location.get().isBlank()) {
            return Optional.of("No public key to verify bearer tokens: set " + VARIABLE + " to the key's file or URL");
        }
        String value = location.get().strip();
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return Optional.empty(); // a key server: it is asked when a token arrives, and may be down for a moment
        }
        return readable(value)
                ? Optional.empty()
                : Optional.of("The public key to verify bearer tokens cannot be read from " + value + ": set "
                        + VARIABLE + " to a readable key file");
    }

    private static boolean readable(String location) {
        if (location.startsWith("file:")) {
            try {
                return readableFile(Path.of(URI.create(location)));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                return in.read() >= 0;
            }
        } catch (IOException e) {
            return false;
        }
        return readableFile(Path.of(location));
    }

    private static boolean readableFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0 && Files.isReadable(file);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean verifiesTokens() {
        try {
            Class.forName(VERIFIER, false, JwtKeyCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
