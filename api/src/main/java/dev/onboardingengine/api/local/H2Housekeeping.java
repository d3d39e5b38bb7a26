package dev.onboardingengine.api.local;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The embedded default's H2 file keeps a commit only once it is written: with {@code WRITE_DELAY=0}
 * (MVStore's autoCommitDelay 0) H2 writes each committed transaction to the file before COMMIT
 * returns, so a killed process loses nothing it acknowledged (a power cut still may: H2 does not
 * fsync a commit). Any other write delay keeps commits in memory for the background writer, and
 * SIGKILL loses the last of them (issue 15: 37 of 1,000 hires answered 201).
 *
 * <p>autoCommitDelay 0 also stops H2's background thread, and with it the housekeeping that
 * rewrites half-empty chunks: without it the file of a 600-hire run grew to 630 MB at a 22% fill
 * rate, against 100 MB with the background writer. This runs the busy-time step of that
 * housekeeping ({@link MVStore#compact}: rewrite chunks while the fill rate is below H2's busy
 * target, 81%) on a schedule. It does nothing on other databases, nor on an H2 that still has its
 * background writer.
 */
@Component
class H2Housekeeping {

    /** H2's busy-time target: its auto-compact fill rate (90%) squared. */
    static final int TARGET_FILL_RATE = 81;

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    private final DataSource dataSource;
    private Optional<MVStore> store;

    H2Housekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(initialDelayString = "${onboarding.h2.housekeeping-interval:1s}", fixedDelayString = "${onboarding.h2.housekeeping-interval:1s}")
    void compact() {
        storeWithoutBackgroundWriter().ifPresent(mvStore -> {
            if (!mvStore.isClosed()) {
                // As much as H2's own busy-time step rewrites at once, so commits never wait long on it.
                mvStore.compact(TARGET_FILL_RATE, mvStore.getAutoCommitMemory() / 4);
            }
        });
    }

    private synchronized Optional<MVStore> storeWithoutBackgroundWriter() {
        if (store == null) {
            try (Connection connection = dataSource.getConnection()) {
                store = embeddedStoreOf(connection).filter(mvStore -> mvStore.getAutoCommitDelay() == 0);
                store.ifPresent(
                        mvStore -> log.info("H2 writes every commit (WRITE_DELAY=0); its chunks are compacted here"));
            } catch (SQLException unavailable) {
                // The database is not there yet (or not now): look again on the next round.
                log.debug("H2 housekeeping waits for the database: {}", unavailable.getMessage());
                return Optional.empty();
            }
        }
        return store;
    }

    private static Optional<MVStore> embeddedStoreOf(Connection connection) throws SQLException {
        if (connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal embedded
                && embedded.getDatabase().isPersistent()) {
            return Optional.of(embedded.getDatabase().getStore().getMvStore());
        }
        return Optional.empty();
    }
}
