package dev.takeover.common.http;

import java.math.BigInteger;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

import static org.assertj.core.api.Assertions.assertThat;

class RequestGuardTest {

    private final RequestGuard guard = new RequestGuard(new HttpLimits() {
        @Override
        public MemorySize bodyLimit() {
            return size(65_536);
        }

        @Override
        public Map<String, MemorySize> bodyLimits() {
            return Map.of(
                    "/nlu", size(1_000),
                    "/nlu/catalogue", size(32_000_000));
        }

        @Override
        public int maxRequestTargetLength() {
            return 8192;
        }
    });

    @Test
    void theLongestDeclaredPrefixDecidesTheBodyLimit() {
        assertThat(guard.bodyLimit("/nlu/catalogue")).isEqualTo(32_000_000);
        assertThat(guard.bodyLimit("/nlu/analyze")).isEqualTo(1_000);
        assertThat(guard.bodyLimit("/incidents")).isEqualTo(65_536);
    }

    @Test
    void controlCharactersAreFoundWherePostgresOrALogWouldChokeOnThem() {
        assertThat(RequestGuard.hasControlCharacter("/conversations/c1\u0000")).isTrue();
        assertThat(RequestGuard.hasControlCharacter("/conversations/c1\nSet-Cookie: x"))
                .isTrue();
        assertThat(RequestGuard.hasControlCharacter("/conversations/Grüße 😀")).isFalse();
    }

    private static MemorySize size(long bytes) {
        return new MemorySize(BigInteger.valueOf(bytes));
    }
}
