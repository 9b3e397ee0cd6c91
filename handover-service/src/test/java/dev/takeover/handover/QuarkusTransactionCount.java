package dev.takeover.handover;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Counts straight from the database, in a transaction of their own. */
final class QuarkusTransactionCount {

    private QuarkusTransactionCount() {}

    static long handovers(String conversationId) {
        return QuarkusTransaction.requiringNew().call(() -> Handover.count("conversationId", conversationId));
    }

    static String incidentOf(String conversationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Conversation.<Conversation>findById(conversationId).incidentId);
    }
}
