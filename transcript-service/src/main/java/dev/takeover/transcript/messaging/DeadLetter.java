package dev.takeover.transcript.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record that cannot be stored as it is, and why. */
public record DeadLetter(ConsumerRecord<String, byte[]> record, String reason) {}
