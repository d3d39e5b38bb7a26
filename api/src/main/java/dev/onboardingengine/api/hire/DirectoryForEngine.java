package dev.onboardingengine.api.hire;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.onboardingengine.workflow.hire.HireDirectory;

/**
 * The directory as the engine asks it before starting a journey. Archived and hidden people are
 * found too: archiving a hire whose NewHireCreated is still on its way does not dead-letter it.
 */
@Component
class DirectoryForEngine implements HireDirectory {

    private final JdbcClient jdbc;

    DirectoryForEngine(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the same row lock as every change to the person ({@code Employees#lock}). */
    @Override
    public Optional<Locked> lock(long employeeId) {
        return jdbc.sql("select uuid, email, first_name, last_name, deleted_at from employee where id = :id for update")
                .param("id", employeeId)
                .query((rs, n) -> new Locked(new Entry(rs.getObject("uuid", UUID.class), rs.getString("email"),
                        rs.getString("first_name"), rs.getString("last_name")), rs.getObject("deleted_at") == null))
                .optional();
    }
}
