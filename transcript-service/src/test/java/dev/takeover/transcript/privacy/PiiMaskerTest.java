package dev.takeover.transcript.privacy;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.takeover.events.EventCodec;

import static org.assertj.core.api.Assertions.assertThat;

class PiiMaskerTest {

    private final PiiMasker masker = new PiiMasker(EnumSet.allOf(PiiKind.class), Map.of());

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "write to ana.example@mail.com please        | write to [EMAIL] please",
                "Jörg.Müller+shop@beispiel.de                | [EMAIL]",
                "call +49 170 1234567 now                     | call [PHONE] now",
                "call 0170/1234567                            | call [PHONE]",
                "call (030) 123 456 78                        | call [PHONE]",
                "call 555-123-4567                            | call [PHONE]",
                "call 0041 44 668 18 00                       | call [PHONE]",
                "IBAN DE89 3704 0044 0532 0130 00 please      | IBAN [IBAN] please",
                "iban de89370400440532013000                  | iban [IBAN]",
                "GB82 WEST 1234 5698 7654 32                  | [IBAN]",
                "card 4111 1111 1111 1111                     | card [CARD]",
                "card 4111-1111-1111-1111, exp 12/27          | card [CARD], exp 12/27",
                "card 5555555555554444                        | card [CARD]",
            })
    void masksPersonalData(String text, String masked) {
        assertThat(masker.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "order 12345678 arrives on 2026-11-23",
                "delivered 01.12.2026 at 10:30",
                "version 3.37.1",
                "card 4111 1111 1111 1112 fails the checksum",
                "DE89370400440532013001 fails the checksum",
                "tracking number 1Z999AA10123456784",
                "I paid 1.299,00 EUR",
            })
    void leavesOrdinaryNumbersAlone(String text) {
        assertThat(masker.mask(text)).isEqualTo(text);
    }

    @Test
    void masksOnlyTheConfiguredKindsPlusCustomPatterns() {
        PiiMasker emailOnly = new PiiMasker(EnumSet.of(PiiKind.EMAIL), Map.of("customer number", "K-\\d{4,}"));

        assertThat(emailOnly.mask("ana@example.com, +49 170 1234567, K-10017"))
                .isEqualTo("[EMAIL], +49 170 1234567, [CUSTOMER_NUMBER]");
        assertThat(emailOnly.maskedKinds()).containsExactly("EMAIL", "CUSTOMER_NUMBER");
    }

    @Test
    void masksEveryTextValueOfJsonAndLeavesTheRestAsItIs() throws Exception {
        JsonNode json = EventCodec.mapper()
                .readTree("{\"text\": \"mail ana@example.com\", \"n\": 4111111111111111,"
                        + " \"data\": {\"phone\": \"+49 170 1234567\"}, \"list\": [\"DE89370400440532013000\"]}");

        assertThat(masker.mask(json).toString())
                .isEqualTo("{\"text\":\"mail [EMAIL]\",\"n\":4111111111111111,\"data\":{\"phone\":\"[PHONE]\"},"
                        + "\"list\":[\"[IBAN]\"]}");
        assertThat(json.get("text").textValue()).isEqualTo("mail ana@example.com");
    }

    @Test
    void checksumsAreTheRealOnes() {
        assertThat(PiiKind.ibanValid("DE89 3704 0044 0532 0130 00")).isTrue();
        assertThat(PiiKind.ibanValid("DE88 3704 0044 0532 0130 00")).isFalse();
        assertThat(PiiKind.luhnValid("4012888888881881")).isTrue();
        assertThat(PiiKind.luhnValid("4012888888881882")).isFalse();
    }
}
