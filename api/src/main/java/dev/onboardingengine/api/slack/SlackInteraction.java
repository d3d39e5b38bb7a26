package dev.onboardingengine.api.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One click on a button of ours, from the {@code block_actions} payload Slack posts (form field
 * {@code payload}, a JSON document).
 *
 * @param actionTs Slack's time of the click: with the user, what tells a retry from a second click
 * @param sectionText the clicked message's first section (its text), kept when the message is replaced
 */
record SlackInteraction(String userId, String actionId, String value, String actionTs, String responseUrl,
        String sectionText) {

    /** The payload could not be read as a click on one of our buttons. */
    static class Unreadable extends RuntimeException {

        Unreadable(String reason) {
            super(reason);
        }
    }

    static SlackInteraction parse(byte[] body, ObjectMapper json) {
        String form = new String(body, StandardCharsets.UTF_8);
        String payload = null;
        for (String pair : form.split("&")) {
            if (pair.startsWith("payload=")) {
                payload = URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8);
            }
        }
        if (payload == null) {
            throw new Unreadable("no 'payload' form field");
        }
        if (payload.indexOf('\u0000') >= 0) {
            throw new Unreadable("'payload' holds a NUL character");
        }
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new Unreadable("'payload' is not JSON");
        }
        if (!"block_actions".equals(root.path("type").asText())) {
            throw new Unreadable("'payload.type' is not block_actions");
        }
        JsonNode action = root.path("actions").path(0);
        String userId = root.path("user").path("id").asText(null);
        if (userId == null || action.isMissingNode() || action.path("action_id").asText(null) == null) {
            throw new Unreadable("'payload.user.id' or 'payload.actions[0].action_id' is missing");
        }
        return new SlackInteraction(userId, action.path("action_id").asText(), action.path("value").asText(null),
                action.path("action_ts").asText(""), root.path("response_url").asText(null),
                root.path("message").path("blocks").path(0).path("text").path("text").asText(null));
    }

    String dedupKey() {
        return userId + ":" + actionId + ":" + value + ":" + actionTs;
    }
}
