package dev.onboardingengine.workflow.journey;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.modulith.NamedInterface;
import org.springframework.retry.RetryContext;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a change to a person or a journey again when it lost a race in the database: Camunda's
 * {@link OptimisticLockingException} (a journey step changed the same execution), a deadlock, a lock
 * that could not be had. The row locks taken first ({@code Journeys#lock}, the directory's person lock)
 * make these rare; the engine's own job executor can still collide with a request. The change must be
 * a whole transaction of its own (call it from outside any transaction): each attempt starts afresh, so
 * nothing is half-saved and a 2xx means the change holds. Other failures are not retried.
 */
@NamedInterface("journey")
@Component
public class ConflictRetry {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);
    private static final int ATTEMPTS = 5;
    /** PostgreSQL: serialization failure, deadlock detected, lock not available. */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "55P03");

    private final RetryTemplate retry = RetryTemplate.builder()
            .customPolicy(new SimpleRetryPolicy(ATTEMPTS) {

                @Override
                public boolean canRetry(RetryContext context) {
                    Throwable last = context.getLastThrowable();
                    return last == null || (isConflict(last) && context.getRetryCount() < ATTEMPTS);
                }
            })
            .exponentialBackoff(20, 2, 400)
            .withListener(new org.springframework.retry.RetryListener() {

                @Override
                public <T, E extends Throwable> void onError(RetryContext context,
                        org.springframework.retry.RetryCallback<T, E> callback, Throwable failure) {
                    if (isConflict(failure)) {
                        log.info("A change lost a race ({}), attempt {} of {}", failure.getClass().getSimpleName(),
                                context.getRetryCount(), ATTEMPTS);
                    }
                }
            })
            .build();

    /** The change's result, after as many attempts as its conflicts need (at most five). */
    public <T> T run(Supplier<T> change) {
        return retry.execute(context -> change.get());
    }

    public void run(Runnable change) {
        retry.execute(context -> {
            change.run();
            return null;
        });
    }

    /** A lost race anywhere in the cause chain (Camunda wraps the driver's deadlock in its own exceptions). */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof PessimisticLockingFailureException) {
                return true;
            }
            for (SQLException sql = cause instanceof SQLException e ? e : null; sql != null; sql = sql
                    .getNextException()) {
                if (CONFLICT_STATES.contains(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
