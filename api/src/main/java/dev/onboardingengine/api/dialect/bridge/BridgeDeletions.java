package dev.onboardingengine.api.dialect.bridge;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.onboardingengine.api.hire.EmployeeArchive;

/**
 * Bridge's {@code DELETE ...?async=true}: the deletion runs on a background worker after the answer
 * (204). One thread: deletions are rare, and in order. A deletion lost to a shutdown leaves the user
 * current; deleting again is harmless.
 */
@Component
class BridgeDeletions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BridgeDeletions.class);

    private final EmployeeArchive archive;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bridge-deletions");
        thread.setDaemon(true);
        return thread;
    });

    BridgeDeletions(EmployeeArchive archive) {
        this.archive = archive;
    }

    void deleteLater(long employeeId, long actorId) {
        worker.submit(() -> {
            try {
                archive.archive(employeeId, actorId);
            } catch (RuntimeException failed) {
                log.error("Background deletion of employee {} failed", employeeId, failed);
            }
        });
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }
}
