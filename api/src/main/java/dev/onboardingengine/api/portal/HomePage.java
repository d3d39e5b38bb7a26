package dev.onboardingengine.api.portal;

import java.util.List;

/**
 * What the home page shows, ready to print: texts are formatted in the visitor's time zone.
 *
 * @param journey the visitor's own active journey, or null (a buddy or manager without one)
 * @param toDos the visitor's open actions in active journeys, earliest due first
 * @param linkExpiresAt when this page's link stops working, as text
 */
record HomePage(String firstName, JourneyCard journey, List<ToDo> toDos, String linkExpiresAt) {

    /**
     * @param percent completed / total, rounded, 0 to 100
     * @param buddy the buddy's name, or null
     * @param manager the manager's name, or null
     * @param done the visitor's own actions of this journey that are done, latest first
     */
    record JourneyCard(String title, String status, String statusLabel, String startDay, int completed, int total,
            int percent, String buddy, String manager, List<Done> done) {
    }

    /**
     * @param dueText null when the action has no due date
     * @param dueIso the due instant for {@code <time datetime>}, or null
     * @param forWhom whose journey it belongs to when it is not the visitor's own, else null
     */
    record ToDo(String id, String name, String dueText, String dueIso, boolean overdue, String forWhom) {
    }

    record Done(String name, String completedText) {
    }
}
