package dev.onboardingengine.workflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/** Lost races are run again, up to five attempts in all; every other failure is thrown at once. */
class ConflictRetryTests {

    private final ConflictRetry retry = new ConflictRetry();

    @Test
    void aChangeThatLosesRacesRunsAgainUntilItHolds() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retry.run(() -> switch (attempts.incrementAndGet()) {
            case 1 -> throw new OptimisticLockingException("execution changed meanwhile");
            case 2 -> throw new IllegalStateException("wrapped", new SQLException("deadlock detected", "40P01"));
            case 3 -> throw new CannotAcquireLockException("lock not granted");
            default -> "held";
        });

        assertThat(result).isEqualTo("held");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void otherFailuresAreNotRetriedAndEndlessConflictsGiveUpAfterFiveAttempts() {
        AtomicInteger invalid = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run(() -> {
            invalid.incrementAndGet();
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> retry.run(() -> {
            conflicts.incrementAndGet();
            throw new OptimisticLockingException("again");
        })).isInstanceOf(OptimisticLockingException.class);

        assertThat(invalid).hasValue(1);
        assertThat(conflicts).hasValue(5);
    }
}
