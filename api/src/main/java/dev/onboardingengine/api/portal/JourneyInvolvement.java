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

import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.action.OwnedAction;
import dev.onboardingengine.workflow.journey.JourneyQueries;
import dev.onboardingengine.workflow.journey.JourneyStatus;
import dev.onboardingengine.workflow.journey.JourneyTracks;
import dev.onboardingengine.workflow.journey.JourneyView;
import dev.onboardingengine.workflow.journey.TrackView;

/**
 * What a person has to do with journeys right now, the one rule of who a magic link works for: their
 * own journey is active (scheduled, invitation sent or in progress), or they own an open action of an
 * active journey (the buddy, the manager, HR). Drafts are not active: nobody has been told yet.
 */
@Component
class JourneyInvolvement {

    static final Set<JourneyStatus> ACTIVE =
            EnumSet.of(JourneyStatus.SCHEDULED, JourneyStatus.INVITATION_SENT, JourneyStatus.IN_PROGRESS);

    private final JourneyQueries journeys;
    private final JourneyTracks tracks;
    private final JourneyActions actions;

    JourneyInvolvement(JourneyQueries journeys, JourneyTracks tracks, JourneyActions actions) {
        this.journeys = journeys;
        this.tracks = tracks;
        this.actions = actions;
    }

    @Transactional(readOnly = true)
    boolean isActive(long employeeId) {
        return ownJourney(employeeId).isPresent() || !openActions(employeeId).isEmpty();
    }

    /** The person's newest active journey, if any (an onboarding and an offboarding can overlap). */
    @Transactional(readOnly = true)
    Optional<JourneyView> ownJourney(long employeeId) {
        return journeys.journeysOf(employeeId).stream()
                .filter(journey -> journey.status() != null && ACTIVE.contains(journey.status()))
                .max(Comparator.comparing(JourneyView::createdAt));
    }

    /** The person's open actions in active journeys (their own and other people's), earliest due first. */
    @Transactional(readOnly = true)
    List<OwnedAction> openActions(long employeeId) {
        Map<Long, Boolean> activeJourneys = new HashMap<>();
        return actions.openActionsOwnedBy(employeeId).stream()
                .filter(owned -> owned.journeyId() != null && activeJourneys.computeIfAbsent(owned.journeyId(),
                        id -> tracks.find(id).map(TrackView::status).filter(ACTIVE::contains).isPresent()))
                .toList();
    }
}
