package dev.takeover.common.consuming;

import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumed record that cannot be processed as it is, and why: the reason in words for the operator who reads the
 * topic, and the cause as one of a few codes (malformed, undecodable, or a {@link Failure} in lower case) for the
 * metrics, whose labels must stay bounded.
 */
public record DeadLetter(ConsumerRecord<String, byte[]> record, String reason, String cause) {

    static DeadLetter malformed(ConsumerRecord<String, byte[]> record, String reason) {
        return new DeadLetter(record, reason, "malformed");
    }

    static DeadLetter undecodable(ConsumerRecord<String, byte[]> record, String reason) {
        return new DeadLetter(record, reason, "undecodable");
    }

    static DeadLetter failed(ConsumerRecord<String, byte[]> record, Failure failure, String reason) {
        return new DeadLetter(record, reason, failure.name().toLowerCase(Locale.ROOT));
    }
}
