package dev.takeover.transcript.read;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/** A position in a conversation's order, handed to readers as an opaque token for the next page. */
public record Cursor(Instant orderAt, int stage, long id) {

    public String token() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, orderAt);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + "." + stage + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    public static Cursor parse(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            return new Cursor(
                    Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
                    Integer.parseInt(parts[1]),
                    Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("after is not a cursor this service handed out");
        }
    }
}
