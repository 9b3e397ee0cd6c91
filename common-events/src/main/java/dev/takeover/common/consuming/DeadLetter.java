package dev.takeover.common.consuming;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record that cannot be processed as it is, and why. */
public record DeadLetter(ConsumerRecord<String, byte[]> record, String reason) {}
