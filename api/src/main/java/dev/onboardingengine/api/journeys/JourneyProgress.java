package dev.onboardingengine.api.journeys;

/**
 * What a person achieved in their journeys during a period.
 *
 * @param completedSequences sequences whose actions are all done, the last of them in the period
 * @param closedJourneys journeys closed in the period
 * @param completedMeetings meeting actions (named meet, call, check-in or introduce) done in the period
 * @param actionsOnTime actions done in the period by their due date (or without one)
 * @param actionsOverdue actions due in the period and done after it, or still open past it
 */
public record JourneyProgress(long completedSequences, long closedJourneys, long completedMeetings, long actionsOnTime,
        long actionsOverdue) {
}
