package dev.onboardingengine.workflow.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Slack Web API calls the engine makes: who a person is ({@code users.lookupByEmail}, remembered in
 * {@link SlackMembers}), their direct-message channel ({@code conversations.open}) and a message
 * ({@code chat.postMessage}).
 *
 * <p>A 429 is honoured: a Retry-After up to {@code onboarding.slack.longest-retry-after-wait} is waited
 * out and the call made once more; a longer one, or a second 429, throws {@link SlackUnavailable}, so
 * the job fails and Camunda retries it later (the element's retry cycle).
 */
@Service
class SlackMessages {

    private static final Logger log = LoggerFactory.getLogger(SlackMessages.class);

    private final SlackWebApi api;
    private final SlackProperties properties;
    private final SlackMembers members;
    private final ObjectMapper json;

    SlackMessages(SlackProperties properties, SlackMembers members, ObjectMapper json) {
        this.api = new SlackWebApi(json, properties);
        this.properties = properties;
        this.members = members;
        this.json = json;
    }

    boolean enabled() {
        return properties.enabled();
    }

    /** The person's Slack user id, from the directory or else looked up by email; empty when Slack knows no such address. */
    Optional<String> userIdFor(String email) {
        Optional<String> known = members.userIdOf(email);
        if (known.isPresent()) {
            return known;
        }
        JsonNode answer = call("users.lookupByEmail", Map.of("email", email));
        if (!answer.path("ok").asBoolean()) {
            if ("users_not_found".equals(answer.path("error").asText())) {
                return Optional.empty();
            }
            throw new SlackUnavailable("users.lookupByEmail", answer.path("error").asText());
        }
        String userId = answer.path("user").path("id").asText();
        members.remember(email, userId, ClockUtil.getCurrentTime().toInstant());
        return Optional.of(userId);
    }

    /** Posts to the user's direct-message conversation with the app. */
    void sendDirect(String userId, String text, List<Map<String, Object>> blocks) {
        JsonNode opened = requireOk("conversations.open", call("conversations.open", Map.of("users", userId)));
        post(opened.path("channel").path("id").asText(), text, blocks);
    }

    /** @param channel a channel id, or its name for a channel the app has joined */
    void post(String channel, String text, List<Map<String, Object>> blocks) {
        String blocksJson;
        try {
            blocksJson = json.writeValueAsString(blocks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Block Kit blocks are maps of strings", e);
        }
        requireOk("chat.postMessage", call("chat.postMessage", Map.of("channel", channel, "text", text,
                "blocks", blocksJson, "unfurl_links", "false")));
    }

    private static JsonNode requireOk(String method, JsonNode answer) {
        if (!answer.path("ok").asBoolean()) {
            throw new SlackUnavailable(method, answer.path("error").asText("no 'ok' in the answer"));
        }
        return answer;
    }

    private JsonNode call(String method, Map<String, String> arguments) {
        try {
            try {
                return api.call(method, arguments);
            } catch (SlackWebApi.RateLimited limited) {
                if (limited.retryAfter.compareTo(properties.longestRetryAfterWait()) > 0) {
                    throw limited;
                }
                log.info("Slack rate-limited {}; trying again in {} s as it asked", method,
                        limited.retryAfter.toSeconds());
                Thread.sleep(limited.retryAfter.toMillis());
                return api.call(method, arguments);
            }
        } catch (SlackWebApi.RateLimited limited) {
            throw new SlackUnavailable(method, limited.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackUnavailable(method, "interrupted");
        }
    }
}
