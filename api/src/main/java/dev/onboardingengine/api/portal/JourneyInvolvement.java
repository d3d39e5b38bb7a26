package dev.onboardingengine.api.portal;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.action.OwnedAction;
import dev.onboardingengine.workflow.journey.JourneyManagement;
import dev.onboardingengine.workflow.journey.JourneyQueries;
import dev.onboardingengine.workflow.journey.JourneyStatus;
import dev.onboardingengine.workflow.journey.JourneyView;
import dev.onboardingengine.workflow.journey.TrackView;

/**
 * What a person has to do with journeys right now, the one rule of who a magic link works for: their
 * own journey is active (scheduled, invitation sent or in progress), or they own an open action of an
 * active journey (the buddy, the manager, HR). Drafts are not active: nobody has been told yet.
 *
 * <p>Every question takes a reach: a link shows only the journeys whose employee its issuer could
 * reach, so a manager's link from HR of one unit never opens another unit's hires.
 */
@Component
class JourneyInvolvement {

    static final Set<JourneyStatus> ACTIVE = EnumSet.of(JourneyStatus.SCHEDULED, JourneyStatus.INVITATION_SENT,
            JourneyStatus.IN_PROGRESS);

    private final JourneyQueries journeys;
    private final JourneyManagement tracks;
    private final JourneyActions actions;
    private final Employees employees;

    JourneyInvolvement(JourneyQueries journeys, JourneyManagement tracks, JourneyActions actions, Employees employees) {
        this.journeys = journeys;
        this.tracks = tracks;
        this.actions = actions;
        this.employees = employees;
    }

    @Transactional(readOnly = true)
    boolean isActive(long employeeId) {
        return isActive(employeeId, EmployeeReach.EVERYONE);
    }

    @Transactional(readOnly = true)
    boolean isActive(long employeeId, EmployeeReach reach) {
        return ownJourney(employeeId, reach).isPresent() || !openActions(employeeId, reach).isEmpty();
    }

    /** The person's newest active journey within the reach, if any (an onboarding and an offboarding can overlap). */
    @Transactional(readOnly = true)
    Optional<JourneyView> ownJourney(long employeeId, EmployeeReach reach) {
        if (!reaches(reach, employeeId)) {
            return Optional.empty();
        }
        return journeys.journeysOf(employeeId).stream()
                .filter(journey -> journey.status() != null && ACTIVE.contains(journey.status()))
                .max(Comparator.comparing(JourneyView::createdAt));
    }

    /**
     * The person's open actions in active journeys (their own and other people's) whose employee is within
     * the reach, earliest due first.
     */
    @Transactional(readOnly = true)
    List<OwnedAction> openActions(long employeeId, EmployeeReach reach) {
        Map<Long, Boolean> activeJourneys = new HashMap<>();
        Map<Long, Boolean> reachable = new HashMap<>();
        return actions.openActionsOwnedBy(employeeId).stream()
                .filter(owned -> owned.journeyId() != null && activeJourneys.computeIfAbsent(owned.journeyId(),
                        id -> tracks.find(id).map(TrackView::status).filter(ACTIVE::contains).isPresent()))
                .filter(owned -> reach.everyone()
                        || reachable.computeIfAbsent(owned.employeeId(), id -> reaches(reach, id)))
                .toList();
    }

    /** Whether a journey of this employee is within the reach (an employee since deleted never is, when bounded). */
    @Transactional(readOnly = true)
    boolean reaches(EmployeeReach reach, Long journeyEmployeeId) {
        if (reach.everyone()) {
            return true;
        }
        return journeyEmployeeId != null && employees.find(journeyEmployeeId).filter(reach::includes).isPresent();
    }
}
