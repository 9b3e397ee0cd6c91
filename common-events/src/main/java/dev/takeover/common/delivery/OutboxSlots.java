package dev.takeover.common.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The outbox is split into slots by record key, so several instances can relay at once while one key (one
 * conversation) always stays in one slot, relayed by one instance in the order it was written.
 *
 * <p>The slot is the first 32 bits of the key's MD5, modulo {@link #COUNT}. PostgreSQL computes the same expression
 * for the stored column {@code outbox_event.slot} (see {@code R__delivery_tables.sql}); this copy only tells a writer
 * which relay to wake. The count is fixed: changing it would move keys between slots while events are in flight.
 */
public final class OutboxSlots {

    /** At most this many instances of a service share its publishing. */
    public static final int COUNT = 32;

    private OutboxSlots() {}

    public static int of(String recordKey) {
        byte[] digest = md5().digest(recordKey.getBytes(StandardCharsets.UTF_8));
        long first32Bits = ((digest[0] & 0xffL) << 24)
                | ((digest[1] & 0xffL) << 16)
                | ((digest[2] & 0xffL) << 8)
                | (digest[3] & 0xffL);
        return (int) (first32Bits % COUNT);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
