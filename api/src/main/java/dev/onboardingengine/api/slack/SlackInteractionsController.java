package dev.onboardingengine.api.slack;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.onboardingengine.workflow.notification.SlackProperties;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /slack/interactions}, the app's Interactivity Request URL: Slack posts each button click
 * here. The request is checked (signature and a timestamp within five minutes, over the raw body) and
 * answered 200 at once; the work is done on {@link SlackInteractions}' threads and its outcome posted
 * to the click's {@code response_url}, so Slack's three seconds are never at stake. A click seen before
 * (Slack retrying, {@code X-Slack-Retry-Num}) is acknowledged and not done again; completing an action
 * is idempotent in the database as well, so a retry that reaches another node finds it done.
 */
@RestController
class SlackInteractionsController {

    private static final Logger log = LoggerFactory.getLogger(SlackInteractionsController.class);
    /** Slack's payloads are a few kilobytes; anything far larger is not Slack. */
    private static final int LARGEST_BODY = 256 * 1024;

    private final SlackProperties properties;
    private final SlackInteractions interactions;
    private final ObjectMapper json;
    private final Cache<String, Boolean> seen = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(30)).build();

    SlackInteractionsController(SlackProperties properties, SlackInteractions interactions, ObjectMapper json) {
        this.properties = properties;
        this.interactions = interactions;
        this.json = json;
    }

    @PostMapping("/slack/interactions")
    ResponseEntity<ProblemDetail> interaction(HttpServletRequest request) throws IOException {
        if (!properties.enabled() || properties.signingSecret() == null || properties.signingSecret().isBlank()) {
            return problem(HttpStatus.NOT_FOUND,
                    "Slack is not connected (onboarding.slack.bot-token and signing-secret).");
        }
        // The raw bytes, as signed: nothing before this reads the form (no filter asks for a parameter).
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(LARGEST_BODY + 1);
        }
        if (body.length > LARGEST_BODY) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than a Slack payload.");
        }
        if (!new SlackSignatures(properties.signingSecret()).verify(request.getHeader("X-Slack-Request-Timestamp"),
                request.getHeader("X-Slack-Signature"), body, Instant.now())) {
            log.warn("Refused a Slack interaction: signature or timestamp wrong");
            return problem(HttpStatus.UNAUTHORIZED,
                    "X-Slack-Signature does not match, or X-Slack-Request-Timestamp is not within 5 minutes.");
        }
        SlackInteraction interaction;
        try {
            interaction = SlackInteraction.parse(body, json);
        } catch (SlackInteraction.Unreadable unreadable) {
            return problem(HttpStatus.BAD_REQUEST, unreadable.getMessage());
        }
        if (seen.asMap().putIfAbsent(interaction.dedupKey(), Boolean.TRUE) != null) {
            log.info("Slack sent a click again (retry {}); done already", request.getHeader("X-Slack-Retry-Num"));
            return ResponseEntity.ok().build();
        }
        if (!interactions.handleLater(interaction)) {
            seen.invalidate(interaction.dedupKey()); // not done: a retry of it must be taken
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many clicks at once; try again.");
        }
        return ResponseEntity.ok().build();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
