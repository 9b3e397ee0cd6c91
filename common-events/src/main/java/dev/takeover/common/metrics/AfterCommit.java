package dev.takeover.common.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Counts a business fact only once the transaction that made it has committed. Consumers retry whole batches and
 * redelivered events are skipped by their idempotency keys, so measuring inside the transaction would count a fact
 * for every attempt that rolled back.
 */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry transactions;

    AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Runs the measurement after a successful commit, or at once when no transaction is active. */
    public void record(Runnable measurement) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            measurement.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    measurement.run();
                }
            }
        });
    }
}
