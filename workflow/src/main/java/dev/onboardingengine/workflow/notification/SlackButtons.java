package dev.onboardingengine.workflow.notification;

/** The action ids of the buttons on Slack messages about an action; each button's value is the task id. */
public final class SlackButtons {

    /** Completes the action, as the new hire's page does, for its owner only. */
    public static final String MARK_DONE = "mark_done";
    /** Answers the clicking person with a fresh link to their page. */
    public static final String OPEN_PAGE = "open_page";

    private SlackButtons() {
    }
}
