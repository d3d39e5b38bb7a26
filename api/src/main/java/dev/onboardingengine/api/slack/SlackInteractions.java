package dev.onboardingengine.api.slack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.portal.IssuedLink;
import dev.onboardingengine.api.portal.MagicLinks;
import dev.onboardingengine.api.portal.NoActiveJourney;
import dev.onboardingengine.api.portal.PortalCompletion;
import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.notification.SlackButtons;
import dev.onboardingengine.workflow.notification.SlackMembers;
import dev.onboardingengine.workflow.notification.SlackProperties;

import jakarta.annotation.PreDestroy;

/**
 * What a click on one of our buttons does, after the endpoint has answered Slack. The clicking Slack
 * user is the person matched to that Slack id ({@link SlackMembers}); "Mark done" completes the action
 * exactly as the new hire's page does ({@link PortalCompletion}: only its owner, audited as them) and
 * replaces the message's buttons with "Done"; "Open my page" answers them alone with a fresh magic link.
 * Whatever happens is told to the person through the click's {@code response_url}.
 */
@Service
class SlackInteractions {

    private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);

    private final SlackMembers members;
    private final Employees employees;
    private final PortalCompletion completion;
    private final MagicLinks links;
    private final SlackProperties properties;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Two threads and a bounded queue: clicks are few; a flood is refused rather than held in memory. */
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(200), runnable -> {
                Thread thread = new Thread(runnable, "slack-interaction");
                thread.setDaemon(true);
                return thread;
            });

    SlackInteractions(SlackMembers members, Employees employees, PortalCompletion completion, MagicLinks links,
            SlackProperties properties, ObjectMapper json) {
        this.members = members;
        this.employees = employees;
        this.completion = completion;
        this.links = links;
        this.properties = properties;
        this.json = json;
    }

    /** @return false when too many clicks wait already: nothing will be done for this one */
    boolean handleLater(SlackInteraction interaction) {
        try {
            executor.execute(() -> {
                try {
                    handle(interaction);
                } catch (RuntimeException e) {
                    log.error("A Slack click ({}) failed", interaction.actionId(), e);
                    respond(interaction, ephemeral("Something went wrong; please try again, or use your page."));
                }
            });
            return true;
        } catch (RejectedExecutionException busy) {
            log.warn("Too many Slack clicks at once; one ({}) was refused", interaction.actionId());
            return false;
        }
    }

    void handle(SlackInteraction interaction) {
        Optional<Employee> person = members.emailOf(interaction.userId()).flatMap(employees::findByEmail);
        if (person.isEmpty()) {
            respond(interaction, ephemeral("Your Slack account is not matched to anyone in the onboarding directory;"
                    + " an administrator can match it."));
            return;
        }
        Employee employee = person.get();
        switch (interaction.actionId()) {
            case SlackButtons.MARK_DONE -> markDone(interaction, employee);
            case SlackButtons.OPEN_PAGE -> openPage(interaction, employee);
            default -> log.info("A Slack click on a button that is not ours ({}): ignored", interaction.actionId());
        }
    }

    private void markDone(SlackInteraction interaction, Employee employee) {
        try {
            completion.completeAs(employee.id(), interaction.value(), "from Slack");
            log.info("Action {} completed from Slack by employee {}", interaction.value(), employee.id());
            respond(interaction, done(interaction));
        } catch (JourneyActions.ActionNotFound notOpen) {
            respond(interaction, ephemeral("This action is done already (or no longer part of a journey)."));
        } catch (JourneyActions.ActionNotYours notYours) {
            respond(interaction, ephemeral("Only the person this action is assigned to can mark it done."));
        } catch (PortalCompletion.DoneOnThePage onThePage) {
            respond(interaction, ephemeral("This action is a form or a document: it is done on your page."));
        }
    }

    private void openPage(SlackInteraction interaction, Employee employee) {
        try {
            IssuedLink link = links.issue(employee, employee.id());
            respond(interaction, ephemeral("<" + link.url() + "|Open your onboarding page> (this link works until "
                    + link.expiresAt() + "; ask here again for a new one)."));
        } catch (NoActiveJourney none) {
            respond(interaction, ephemeral("You have no onboarding in progress."));
        }
    }

    /** The clicked message, its buttons replaced by a line saying it is done. */
    private static Map<String, Object> done(SlackInteraction interaction) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("replace_original", true);
        message.put("text", "Done.");
        List<Map<String, Object>> blocks = new ArrayList<>();
        if (interaction.sectionText() != null) {
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", interaction.sectionText())));
        }
        blocks.add(Map.of("type", "context", "elements",
                List.of(Map.of("type", "mrkdwn", "text", ":white_check_mark: Done."))));
        message.put("blocks", blocks);
        return message;
    }

    private static Map<String, Object> ephemeral(String text) {
        return Map.of("response_type", "ephemeral", "replace_original", false, "text", text);
    }

    private void respond(SlackInteraction interaction, Map<String, Object> message) {
        String url = interaction.responseUrl();
        // Signed by Slack, but a leaked signing secret must not turn us into a client of any address.
        if (url == null || !url.startsWith(properties.responseUrlPrefix())) {
            log.warn("A Slack click's response_url is not under {}: no answer sent", properties.responseUrlPrefix());
            return;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message))).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                log.warn("Slack answered {} to a click's response", status);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A response is maps of strings", e);
        } catch (java.io.IOException e) {
            log.warn("Could not answer a Slack click: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
