package dev.onboardingengine.workflow.notification;

/**
 * A Slack Web API call failed (refused, unreachable or rate-limited for longer than we wait): thrown
 * inside the notification's job, so Camunda retries it and then raises an incident.
 */
class SlackUnavailable extends RuntimeException {

    SlackUnavailable(String method, String reason) {
        super("Slack " + method + " failed: " + reason);
    }
}
