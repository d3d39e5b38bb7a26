package dev.onboardingengine.api.people;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.hire.EmployeeArchive;
import dev.onboardingengine.api.people.CannotRemoveSelf.Removal;

/**
 * Deleting (archiving) and hiding people through the dialects that do so (Offly, Bridge): who may,
 * then {@link EmployeeArchive}. A deletion asked for later (Bridge's {@code ?async=true}) runs on one
 * background thread after the answer: deletions are rare, and in order. One lost to a shutdown leaves
 * the person current; deleting again is harmless.
 */
@Service
public class PersonRemoval implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PersonRemoval.class);

    private final People people;
    private final EmployeeArchive archive;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "person-deletions");
        thread.setDaemon(true);
        return thread;
    });

    PersonRemoval(People people, EmployeeArchive archive) {
        this.people = people;
        this.archive = archive;
    }

    /** Archives the person now; an archived one stays as it is. */
    @Transactional
    public void delete(PersonRef person, Access rights) {
        archive.archive(removable(person, rights, Removal.DELETE).employee().id(), rights.caller().employeeId());
    }

    /** Checks now, answers, and archives on the background thread; an archived person is left alone. */
    public void deleteLater(PersonRef person, Access rights) {
        DirectoryEntry entry = removable(person, rights, Removal.DELETE);
        if (entry.archived()) {
            return;
        }
        long employeeId = entry.employee().id();
        Long actorId = rights.caller().employeeId();
        worker.submit(() -> {
            try {
                archive.archive(employeeId, actorId);
            } catch (RuntimeException failed) {
                log.error("Background deletion of employee {} failed", employeeId, failed);
            }
        });
    }

    /** @throws EmployeeArchive.StillActive when the person is not archived */
    @Transactional
    public void hide(PersonRef person, Access rights) {
        archive.hide(removable(person, rights, Removal.HIDE).employee().id(), rights.caller().employeeId());
    }

    private DirectoryEntry removable(PersonRef person, Access rights, Removal removal) {
        DirectoryEntry entry = people.find(person);
        rights.changeable(entry.employee());
        if (entry.employee().id() == rights.caller().employeeId()) {
            throw new CannotRemoveSelf(removal);
        }
        return entry;
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }
}
