package dev.onboardingengine.api.journeys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.workflow.journey.JourneyQueries;
import dev.onboardingengine.workflow.journey.JourneyView;

/**
 * {@code GET /api/journeys/{employeeId}}: the journeys of one person, each with its status, the
 * process instance Cockpit shows, and every milestone reached.
 */
@RestController
class JourneyController {

    private final Employees employees;
    private final JourneyQueries journeys;

    JourneyController(Employees employees, JourneyQueries journeys) {
        this.employees = employees;
        this.journeys = journeys;
    }

    @GetMapping("/api/journeys/{employeeId}")
    EmployeeJourneys journeysOf(Caller caller,
            @PathVariable long employeeId) {
        if (!caller.isAdmin() && caller.employeeId() != employeeId) {
            throw new NotYours();
        }
        if (!employees.exists(employeeId)) {
            throw new UnknownEmployee(employeeId);
        }
        return new EmployeeJourneys(employeeId, journeys.journeysOf(employeeId).stream().map(Journey::of).toList());
    }

    @ExceptionHandler(UnknownEmployee.class)
    ProblemDetail unknown(UnknownEmployee unknown) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
    }

    @ExceptionHandler(NotYours.class)
    ProblemDetail forbidden(NotYours forbidden) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, forbidden.getMessage());
    }

    record EmployeeJourneys(@JsonProperty("employee_id") long employeeId, List<Journey> journeys) {
    }

    record Journey(
            long id,
            String mobility,
            String status,
            @JsonProperty("process_instance_id") String processInstanceId,
            @JsonProperty("time_zone") String timeZone,
            @JsonProperty("start_day") LocalDate startDay,
            @JsonProperty("starts_at") Instant startsAt,
            @JsonProperty("ends_at") Instant endsAt,
            List<Milestone> history) {

        static Journey of(JourneyView view) {
            return new Journey(view.id(), view.mobility(), view.status() == null ? null : view.status().wireName(),
                    view.processInstanceId(), view.timeZone(), view.startDay(), view.startsAt(), view.endsAt(),
                    view.history().stream().map(change -> new Milestone(change.status().wireName(), change.changedAt()))
                            .toList());
        }
    }

    record Milestone(String status, @JsonProperty("changed_at") Instant changedAt) {
    }

    static class UnknownEmployee extends RuntimeException {
        UnknownEmployee(long employeeId) {
            super("No employee with id " + employeeId);
        }
    }

    static class NotYours extends RuntimeException {
        NotYours() {
            super("Only administrators may read other people's journeys.");
        }
    }
}
