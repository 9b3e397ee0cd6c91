package dev.takeover.common.domain;

/**
 * The service cannot do this yet, though nothing is wrong with what was asked: a part it needs is still starting, such
 * as a model being trained at start-up. Consumers wait and retry the record, as during a database outage, and never
 * park it: a customer's message must not be dead-lettered because it arrived early.
 */
public class NotReady extends RuntimeException {

    public NotReady(String detail) {
        super(detail);
    }
}
