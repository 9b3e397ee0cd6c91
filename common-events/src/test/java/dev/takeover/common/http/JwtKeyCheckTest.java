package dev.takeover.common.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JwtKeyCheckTest {

    @TempDir
    Path directory;

    @Test
    void aMissingLocationNamesTheVariable() {
        assertThat(JwtKeyCheck.problem(Optional.empty()))
                .hasValueSatisfying(problem ->
                        assertThat(problem).contains("JWT_PUBLIC_KEY_LOCATION").doesNotContain("\n"));
    }

    @Test
    void anUnreadableFileNamesTheVariableAndTheLocation() {
        String missing = directory.resolve("public.pem").toUri().toString();
        assertThat(JwtKeyCheck.problem(Optional.of(missing)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("JWT_PUBLIC_KEY_LOCATION", missing));
        assertThat(JwtKeyCheck.problem(Optional.of("file:not a uri"))).isPresent();
    }

    @Test
    void anEmptyKeyFileIsNoKey() throws IOException {
        Path empty = Files.createFile(directory.resolve("empty.pem"));
        assertThat(JwtKeyCheck.problem(Optional.of(empty.toUri().toString()))).isPresent();
    }

    @Test
    void aReadableFileOrAKeyServerIsFine() throws IOException {
        Path key = Files.writeString(directory.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----\n...");
        assertThat(JwtKeyCheck.problem(Optional.of(key.toUri().toString()))).isEmpty();
        assertThat(JwtKeyCheck.problem(Optional.of(key.toString()))).isEmpty();
        assertThat(JwtKeyCheck.problem(Optional.of("https://idp.example.com/keys")))
                .isEmpty();
    }
}
