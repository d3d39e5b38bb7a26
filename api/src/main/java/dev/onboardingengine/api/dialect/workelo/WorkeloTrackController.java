package dev.onboardingengine.api.dialect.workelo;

import java.util.Collection;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.dialect.workelo.WorkeloTrackBodies.ActionResponse;
import dev.onboardingengine.api.dialect.workelo.WorkeloTrackBodies.EmployeeSummary;
import dev.onboardingengine.api.dialect.workelo.WorkeloTrackBodies.ImplicationsBody;
import dev.onboardingengine.api.dialect.workelo.WorkeloTrackBodies.Metrics;
import dev.onboardingengine.api.dialect.workelo.WorkeloTrackBodies.OwnerActionResponse;
import dev.onboardingengine.api.dialect.workelo.WorkeloTrackBodies.StartRequest;
import dev.onboardingengine.api.dialect.workelo.WorkeloTrackBodies.TemplateResponse;
import dev.onboardingengine.api.dialect.workelo.WorkeloTrackBodies.TrackCreation;
import dev.onboardingengine.api.dialect.workelo.WorkeloTrackBodies.TrackResponse;
import dev.onboardingengine.api.dialect.workelo.WorkeloTrackBodies.TrackUpdate;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeNotFound;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.journeys.OwnerActionsPolicy;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.api.tracks.TrackChange;
import dev.onboardingengine.api.tracks.TrackRequest;
import dev.onboardingengine.api.tracks.Tracks;
import dev.onboardingengine.workflow.action.Action;
import dev.onboardingengine.workflow.action.ActionProgress;
import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.journey.ConflictRetry;
import dev.onboardingengine.workflow.journey.JourneyStatus;
import dev.onboardingengine.workflow.journey.TrackView;

/**
 * Workelo's journeys (guide sections 3, 4 and 9): templates, tracks and stakeholders' actions. A track
 * is a journey process instance (business key: the employee id), a template a deployed sequence.
 */
@RestController
class WorkeloTrackController {

    private final Tracks tracks;
    private final JourneyActions actions;
    private final Employees employees;
    private final DirectoryAccess access;

    /** Changes that lose a race with the journey's own steps run again (whole transactions). */
    private final ConflictRetry retry;

    WorkeloTrackController(Tracks tracks, JourneyActions actions, Employees employees, DirectoryAccess access,
            ConflictRetry retry) {
        this.retry = retry;
        this.tracks = tracks;
        this.actions = actions;
        this.employees = employees;
        this.access = access;
    }

    /** Templates of a mobility that apply to a unit (tagged for it or a unit above it, or for every unit). */
    @GetMapping("/templates")
    List<TemplateResponse> templates(Caller caller, @RequestParam(required = false) String mobility,
            @RequestParam(name = "unit_organization_id", required = false) Long unitOrganizationId) {
        access.of(caller).requireRead();
        return tracks.templates(mobility, unitOrganizationId).stream().map(TemplateResponse::of).toList();
    }

    @PostMapping(path = "/tracks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    TrackResponse create(Caller caller, @RequestBody TrackCreation body) {
        TrackCreation.Person person = body.employee();
        // The role is the track's to give (Tracks makes the person a new hire).
        NewHire newEmployee = person == null
                ? null
                : NewHire.builder().firstName(person.firstName())
                        .lastName(person.lastName()).email(person.email()).phone(person.phone())
                        .position(person.jobPosition())
                        .language(person.language()).startDay(body.startDate()).timeZone(person.timeZone())
                        .externalId(person.externalId()).unitOrganizationId(person.unitOrganizationId()).build();
        TrackView track = tracks.create(new TrackRequest(body.mobility(), body.employeeId(), newEmployee,
                body.startDate(), body.endDate(), body.implications() == null ? null : body.implications().toDomain(),
                body.templateIds()), access.of(caller));
        return response(track, null);
    }

    @GetMapping("/tracks")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "One page of tracks. X-Total-Count is exact up to 10,000 (or up to the end of the page asked for, "
            + "if further); past that it is 10,000 (or the page's end) and X-Total-Count-Capped: true says the "
            + "total is at least that many.", headers = {
                    @io.swagger.v3.oas.annotations.headers.Header(name = "X-Total-Count", description = "The number of tracks, exact unless X-Total-Count-Capped is present", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "integer")),
                    @io.swagger.v3.oas.annotations.headers.Header(name = Paging.TOTAL_COUNT_CAPPED, description = "true when the count stopped at X-Total-Count: there are at least that many", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "boolean")),
                    @io.swagger.v3.oas.annotations.headers.Header(name = "Link", description = "RFC 8288 next and prev pages")})
    ResponseEntity<List<TrackResponse>> list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String offset) {
        Access rights = access.of(caller);
        Paging paging = Paging.of(limit, offset);
        JourneyStatus wanted = status(status);
        List<TrackResponse> page = tracks.list(wanted, rights, paging.limit(), paging.offset()).stream()
                .map(track -> response(track, null)).toList();
        // Capped: an exact count(*) grew with the journeys of the status (bench scenario 2, issue 21).
        return ResponseEntity.ok()
                .headers(paging.cappedHeaders(tracks.countUpTo(wanted, rights, paging.cappedCountLimit())))
                .body(page);
    }

    /** One track with live metrics (health, progression, action availability, completed and overdue actions). */
    @GetMapping("/tracks/{id}")
    TrackResponse track(Caller caller, @PathVariable long id) {
        TrackView track = tracks.visible(id, access.of(caller));
        return response(track, track.processInstanceId());
    }

    /** Starts a draft: invitation now, or at invite_at (status scheduled until then). 409 when not a draft. */
    @PutMapping("/tracks/{id}/start")
    TrackResponse start(Caller caller, @PathVariable long id, @RequestBody(required = false) StartRequest body) {
        return response(retry.run(() -> tracks.start(id, body == null ? null : body.inviteAt(), access.of(caller))),
                null);
    }

    /** Ends the track as cancelled: pending timers and actions are removed, nobody is notified again. */
    @PutMapping("/tracks/{id}/cancel")
    TrackResponse cancel(Caller caller, @PathVariable long id) {
        return response(retry.run(() -> tracks.cancel(id, access.of(caller))), null);
    }

    @PutMapping(path = "/tracks/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    TrackResponse update(Caller caller, @PathVariable long id, @RequestBody TrackUpdate body) {
        Tracks.Changed changed = retry.run(() -> tracks.update(id, new TrackChange(body.startDate(), body.endDate(),
                Boolean.TRUE.equals(body.applyOnActions()),
                body.implications() == null ? null : body.implications().toDomain()), access.of(caller)));
        return response(changed.track(), changed.track().processInstanceId());
    }

    /**
     * A stakeholder's actions across the journeys the caller may see, earliest due first; limit/offset
     * paging. Their own queue is whole; a scoped caller sees of someone else's only the journeys of people
     * in its reach, and the total counts those alone.
     */
    @GetMapping("/owners/{ownerId}/actions")
    ResponseEntity<List<OwnerActionResponse>> ownerActions(Caller caller, @PathVariable long ownerId,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String offset) {
        Access rights = access.of(caller);
        Employee owner = employees.find(ownerId).orElseThrow(() -> new EmployeeNotFound(ownerId));
        Collection<Long> journeyEmployees = OwnerActionsPolicy.journeysShown(owner, rights)
                .map(reach -> employees.all(reach).stream().map(Employee::id).toList()).orElse(null);
        Paging paging = Paging.of(limit, offset);
        List<OwnerActionResponse> page = actions.actionsOwnedBy(ownerId, journeyEmployees, paging.limit(),
                paging.offset()).stream().map(OwnerActionResponse::of).toList();
        return ResponseEntity.ok().headers(paging.headers(actions.countOwnedBy(ownerId, journeyEmployees))).body(page);
    }

    /** open, done, or removed (its track was cancelled before it was done). */
    private static JourneyStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return JourneyStatus.fromWireName(status);
        } catch (IllegalArgumentException unknown) {
            throw InvalidInput.of("status", "invalid_choice", status);
        }
    }

    /** @param processInstanceId non-null: compute the live metrics of this journey */
    private TrackResponse response(TrackView track, String processInstanceId) {
        Employee employee = employees.find(track.employeeId()).orElse(null);
        Metrics metrics = null;
        if (processInstanceId != null) {
            ActionProgress progress = actions.progressOf(processInstanceId);
            List<Action> overdue = actions.actionsOfJourney(processInstanceId).stream().filter(Action::overdue)
                    .toList();
            metrics = new Metrics(progress.health(), progress.progression(), progress.availabilityRate(),
                    progress.completed(), progress.total(), progress.available(), progress.overdue(),
                    overdue.stream().map(ActionResponse::of).toList());
        }
        return new TrackResponse(track.id(), track.mobility(),
                track.status() == null ? null : track.status().wireName(),
                track.employeeId(), employee == null
                        ? null
                        : new EmployeeSummary(employee.id(), employee.firstName(), employee.lastName(),
                                employee.email(),
                                employee.unitOrganizationId()),
                track.startDay(), track.endDay() != null ? track.endDay() : null, track.startsAt(), track.endsAt(),
                track.timeZone(), new ImplicationsBody(track.hrId(), track.managerId(), track.buddyId()),
                track.sequenceKeys(), track.processInstanceId(), track.createdAt(), track.updatedAt(), metrics);
    }
}
