package dev.onboardingengine.api.bootstrap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serialises what every node does once at start (first administrator, sample documents, the form
 * field catalogue) across the nodes of a cluster: each of those transactions first locks the one row
 * of {@code node_startup}, so two nodes starting on an empty database do not both insert, and the
 * second sees what the first committed. A row lock rather than an advisory lock: the same on H2 and
 * PostgreSQL, and released with the transaction whatever happens.
 */
@Component
public class StartupLock {

    private final JdbcClient jdbc;

    StartupLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Blocks until this transaction holds the lock; it is released when the transaction ends. */
    public void hold() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the startup lock is held by a transaction: call it inside one");
        }
        jdbc.sql("select id from node_startup where id = 1 for update").query(Integer.class).single();
    }
}
