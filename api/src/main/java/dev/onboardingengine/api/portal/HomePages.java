package dev.onboardingengine.api.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.workflow.action.Action;
import dev.onboardingengine.workflow.action.ActionProgress;
import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.action.OwnedAction;
import dev.onboardingengine.workflow.journey.JourneyManagement;
import dev.onboardingengine.workflow.journey.JourneyStatus;
import dev.onboardingengine.workflow.journey.JourneyView;
import dev.onboardingengine.workflow.journey.TrackView;

/** Builds the visitor's home page from their journey and their open actions. */
@Component
class HomePages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final Employees employees;
    private final JourneyInvolvement involvement;
    private final JourneyActions actions;
    private final JourneyManagement tracks;
    private final VisitorTime time;
    private final PlainToDos plainToDos;

    HomePages(Employees employees, JourneyInvolvement involvement, JourneyActions actions, JourneyManagement tracks,
            VisitorTime time, PlainToDos plainToDos) {
        this.employees = employees;
        this.involvement = involvement;
        this.actions = actions;
        this.tracks = tracks;
        this.time = time;
        this.plainToDos = plainToDos;
    }

    @Transactional(readOnly = true)
    HomePage of(PortalVisitor visitor) {
        Employee me = employees.find(visitor.employeeId()).orElseThrow(PortalLinkNotValid::new);
        ZoneId zone = time.zoneOf(me);
        HomePage.JourneyCard journey = involvement.ownJourney(me.id(), visitor.reach()).map(own -> card(own, me, zone))
                .orElse(null);
        // Forms and documents are listed by their own sections, not as one-click to-dos.
        List<HomePage.ToDo> toDos = involvement.openActions(me.id(), visitor.reach()).stream()
                .filter(owned -> plainToDos.isPlain(owned.action().id())).map(owned -> toDo(owned, me, zone)).toList();
        return new HomePage(me.firstName(), journey, toDos, VisitorTime.format(visitor.linkExpiresAt(), zone));
    }

    private HomePage.JourneyCard card(JourneyView journey, Employee me, ZoneId zone) {
        ActionProgress progress = actions.progressOf(journey.processInstanceId());
        TrackView track = tracks.find(journey.id()).orElse(null);
        String mine = Long.toString(me.id());
        List<HomePage.Done> done = actions.actionsOfJourney(journey.processInstanceId()).stream()
                .filter(action -> !action.isOpen() && !action.removed() && mine.equals(action.assigneeId()))
                .sorted(Comparator.comparing(Action::completedAt).reversed())
                .map(action -> new HomePage.Done(action.name(), VisitorTime.format(action.completedAt(), zone)))
                .toList();
        LocalDate startDay = journey.startDay();
        return new HomePage.JourneyCard("Your " + journey.mobility(), journey.status().wireName(),
                label(journey.status()),
                startDay == null ? null : DAY.format(startDay), progress.completed(), progress.total(),
                (int) Math.round(progress.progression() * 100), track == null ? null : nameOf(track.buddyId()),
                track == null ? null : nameOf(track.managerId()), done);
    }

    private HomePage.ToDo toDo(OwnedAction owned, Employee me, ZoneId zone) {
        Action action = owned.action();
        Instant due = action.due();
        String forWhom = owned.employeeId() == null || owned.employeeId() == me.id()
                ? null
                : nameOf(owned.employeeId());
        return new HomePage.ToDo(action.id(), action.name(), VisitorTime.format(due, zone),
                due == null ? null : due.toString(), action.overdue(), forWhom);
    }

    private String nameOf(Long employeeId) {
        return employeeId == null
                ? null
                : employees.find(employeeId).map(person -> person.firstName() + " " + person.lastName()).orElse(null);
    }

    private static String label(JourneyStatus status) {
        return switch (status) {
            case SCHEDULED -> "Scheduled";
            case INVITATION_SENT -> "Invited";
            case IN_PROGRESS -> "In progress";
            default -> status.wireName();
        };
    }
}
