package dev.onboardingengine.api.journeys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.workflow.action.Action;
import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.journey.JourneyQueries;
import dev.onboardingengine.workflow.journey.JourneySequences;
import dev.onboardingengine.workflow.journey.JourneyView;
import dev.onboardingengine.workflow.sequence.Sequence;
import dev.onboardingengine.workflow.sequence.SequenceCatalog;

/**
 * {@code GET /api/journeys/{employeeId}}: the journeys of one person, each with its status, the
 * process instance Cockpit shows and every milestone reached, and the actions of those journeys.
 */
@RestController
class JourneyController {

    private final Employees employees;
    private final JourneyQueries journeys;
    private final JourneyActions actions;
    private final JourneySequences journeySequences;
    private final SequenceCatalog sequences;
    private final ActionCompletion completion;
    private final DirectoryAccess access;

    JourneyController(Employees employees, JourneyQueries journeys, JourneyActions actions,
            JourneySequences journeySequences, SequenceCatalog sequences, ActionCompletion completion,
            DirectoryAccess access) {
        this.employees = employees;
        this.journeys = journeys;
        this.actions = actions;
        this.journeySequences = journeySequences;
        this.sequences = sequences;
        this.completion = completion;
        this.access = access;
    }

    @GetMapping("/api/journeys/{employeeId}")
    EmployeeJourneys journeysOf(Caller caller, @PathVariable long employeeId) {
        Access rights = access.of(caller);
        // Whom the caller may not see is refused alike whether or not they exist; only callers who see
        // everyone learn that an id is free.
        boolean mayRead = caller.employeeId() == employeeId || employees.find(employeeId).map(rights::canSee)
                .orElse(rights.reads() && rights.reach().everyone());
        if (!mayRead) {
            throw new NotYours();
        }
        if (!employees.exists(employeeId)) {
            throw new UnknownEmployee(employeeId);
        }
        return new EmployeeJourneys(employeeId, journeys.journeysOf(employeeId).stream().map(Journey::of).toList(),
                actions.actionsOf(employeeId).stream().map(JourneyAction::of).toList());
    }

    /**
     * {@code POST /api/journeys/{employeeId}/sequences} with {@code {"sequences": [ids]}}: adds sequences
     * to the running journey. They run inside it (never as a second journey), their past moments fire
     * at once and are flagged late, and the journey closes only when they are done too.
     */
    @PostMapping(path = "/api/journeys/{employeeId}/sequences", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    AddedSequences addSequences(Caller caller, @PathVariable long employeeId, @RequestBody AddSequences request) {
        if (!caller.isAdmin()) {
            throw new NotYours();
        }
        if (!employees.exists(employeeId)) {
            throw new UnknownEmployee(employeeId);
        }
        List<Long> ids = request.sequences() == null ? List.of() : request.sequences();
        List<Sequence> added = ids.isEmpty() ? List.<Sequence>of() : sequences.withIds(ids).orElse(null);
        if (added == null || added.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "sequences: " + (ids.isEmpty() ? "This field is required." : "Not all sequence ids are valid."));
            problem.setProperty("sequences",
                    List.of(ids.isEmpty() ? "This field is required." : "Not all sequence ids are valid."));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        long journeyId = journeySequences.add(employeeId, added.stream().map(Sequence::processKey).toList());
        return new AddedSequences(journeyId,
                added.stream().map(sequence -> new SequenceRef(sequence.id(), sequence.name())).toList());
    }

    @ExceptionHandler(JourneySequences.JourneyNotRunning.class)
    ProblemDetail notRunning(JourneySequences.JourneyNotRunning notRunning) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, notRunning.getMessage());
    }

    record AddSequences(List<Long> sequences) {
    }

    record AddedSequences(@JsonProperty("journey_id") long journeyId, List<SequenceRef> sequences) {
    }

    record SequenceRef(long id, String name) {
    }

    /**
     * {@code POST /api/actions/{id}/complete}: marks an action done, as Tasklist's Complete does. An
     * administrator may complete any action, anyone else only their own. Audited as action_completion.
     */
    @PostMapping("/api/actions/{actionId}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(Caller caller, @PathVariable String actionId) {
        completion.complete(caller, actionId);
    }

    @ExceptionHandler(JourneyActions.ActionNotFound.class)
    ProblemDetail unknownAction(JourneyActions.ActionNotFound unknown) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
    }

    @ExceptionHandler(JourneyActions.ActionNotYours.class)
    ProblemDetail notYourAction(JourneyActions.ActionNotYours notYours) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, notYours.getMessage());
    }

    record JourneyAction(String id, String name, String sequence, @JsonProperty("assignee_id") String assigneeId,
            @JsonProperty("created_at") Instant createdAt, Instant due,
            @JsonProperty("completed_at") Instant completedAt,
            String state, boolean late, boolean overdue) {

        static JourneyAction of(Action action) {
            return new JourneyAction(action.id(), action.name(), action.sequenceKey(), action.assigneeId(),
                    action.createdAt(), action.due(), action.completedAt(), action.isOpen() ? "open" : "done",
                    action.late(), action.overdue());
        }
    }

    @ExceptionHandler(UnknownEmployee.class)
    ProblemDetail unknown(UnknownEmployee unknown) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
    }

    @ExceptionHandler(NotYours.class)
    ProblemDetail forbidden(NotYours forbidden) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, forbidden.getMessage());
    }

    record EmployeeJourneys(@JsonProperty("employee_id") long employeeId, List<Journey> journeys,
            List<JourneyAction> actions) {
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
