package dev.onboardingengine.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.workflow.testing.EngineClock;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * ChiefOnboarding's promise end to end, on a real SMTP server: a hire created through the API with two
 * sequences; the hire is invited, buddy and manager are told who comes when and, when each action
 * falls due, what to do; an undone action brings a reminder; people with role "other" hear nothing;
 * the journey closes when the actions are done.
 */
@ApiIntegrationTest
@DirtiesContext
class StakeholderMailIntegrationTests {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final String TOPICS = "mail-test-" + UUID.randomUUID();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServerAndOwnTopics(DynamicPropertyRegistry registry) {
        OwnMailContext.register(registry, smtp, TOPICS);
    }

    @LocalServerPort
    int port;
    @Autowired
    NewHireService hires;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void buddyAndManagerAreToldWhatToDoAndWhenAndTheJourneyClosesWhenItIsDone() throws Exception {
        // Given a French-speaking buddy, a manager, and a colleague with ChiefOnboarding's role "other"
        Employee buddy = person("Bea", "Buddy", EmployeeRole.COLLEAGUE, "fr");
        Employee manager = person("Max", "Manager", EmployeeRole.MANAGER, "en");
        Employee other = person("Otto", "Other", EmployeeRole.OTHER, "en");
        Map<String, Long> sequences = sequenceIdsByName();
        LocalDate startDay = LocalDate.now().plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

        // When a hire is created with IT equipment and Welcome, the buddy and manager named
        Map<String, Object> hire = api().post().uri("/api/users/").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"first_name":"Nora","last_name":"Newcomer","email":"nora.%s@example.com","role":0,
                         "start_day":"%s","timezone":"Europe/Lisbon","buddy":%d,"manager":%d,"sequences":[%d,%d]}
                        """.formatted(UUID.randomUUID(), startDay, buddy.id(), manager.id(),
                        sequences.get("IT equipment"), sequences.get("Welcome")))
                .retrieve().body(new ParameterizedTypeReference<>() {
                });
        String employeeId = hire.get("id").toString();
        EngineClock.awaitJourneyAndRunDueJobs(management, runtime, employeeId);

        // Then the hire is invited and buddy and manager hear who starts when, each in their language
        assertThat(subjectsTo((String) hire.get("email"))).containsExactly("Welcome aboard, Nora!");
        // and the invitation says where to ask for a link to her page
        MimeMessage invitation = Arrays.stream(smtp.getReceivedMessagesForDomain((String) hire.get("email")))
                .filter(message -> isTo(message, (String) hire.get("email"))).findFirst().orElseThrow();
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(invitation))
                .contains("http://localhost:" + port + "/portal/new-link");
        assertThat(subjectsTo(buddy.email())).containsExactly("Nora Newcomer arrive le " + frenchDate(startDay));
        assertThat(subjectsTo(manager.email())).singleElement().asString().startsWith("Nora Newcomer starts on");

        // When it is five days before the start, then the start day
        EngineClock.moveTo(startDay.minusDays(5).atTime(9, 0).atZone(LISBON).toInstant().plusSeconds(1));
        EngineClock.runDueJobsOfJourney(management, runtime, employeeId);
        EngineClock.moveTo(startDay.atTime(9, 0).atZone(LISBON).toInstant().plusSeconds(1));
        EngineClock.runDueJobsOfJourney(management, runtime, employeeId);

        // Then each was told of their action as it fell due
        assertThat(subjectsTo(manager.email()))
                .contains("Onboarding action for you: Prepare laptop, accounts and badge");
        assertThat(subjectsTo(buddy.email()))
                .contains("Action d'intégration pour vous : Introduce the new hire to the team");

        // When the manager does theirs, and the buddy's stays undone past its due date (workday 2)
        List<Map<String, Object>> actions = actionsOf(employeeId);
        completeAction(actions, "sequence-it-equipment");
        EngineClock.moveTo(startDay.plusDays(1).atTime(9, 0).atZone(LISBON).toInstant().plusSeconds(1));
        EngineClock.runDueJobsOfJourney(management, runtime, employeeId);

        // Then the buddy is reminded, once, and the journey is still in progress
        assertThat(subjectsTo(buddy.email())).filteredOn(subject -> subject.startsWith("Rappel")).hasSize(1);
        EngineClock.runDueJobsOfJourney(management, runtime, employeeId);
        assertThat(subjectsTo(buddy.email())).filteredOn(subject -> subject.startsWith("Rappel")).hasSize(1);
        assertThat(journeyStatus(employeeId)).isEqualTo("in_progress");

        // When the buddy's action is done, the journey closes
        completeAction(actionsOf(employeeId), "sequence-welcome");
        assertThat(journeyStatus(employeeId)).isEqualTo("closed");

        // And a hire whose buddy has the role "other" sends that buddy nothing
        Map<String, Object> second = api().post().uri("/api/users/").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"first_name":"Sam","last_name":"Second","email":"sam.%s@example.com","role":0,
                         "start_day":"%s","buddy":%d}
                        """.formatted(UUID.randomUUID(), startDay, other.id()))
                .retrieve().body(new ParameterizedTypeReference<>() {
                });
        EngineClock.awaitJourneyAndRunDueJobs(management, runtime, second.get("id").toString());
        assertThat(subjectsTo((String) second.get("email"))).hasSize(1);
        assertThat(subjectsTo(other.email())).isEmpty();
    }

    private Employee person(String first, String last, EmployeeRole role, String language) {
        return hires.hire(NewHire.builder().firstName(first).lastName(last)
                .email(first.toLowerCase() + "." + UUID.randomUUID() + "@example.com").role(role).language(language)
                .build(), null);
    }

    private Map<String, Long> sequenceIdsByName() {
        List<Map<String, Object>> list = api().get().uri("/api/sequences/").retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        return list.stream().collect(java.util.stream.Collectors.toMap(s -> (String) s.get("name"),
                s -> ((Number) s.get("id")).longValue()));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> actionsOf(String employeeId) {
        Map<String, Object> journeys = api().get().uri("/api/journeys/{id}", employeeId).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        return (List<Map<String, Object>>) journeys.get("actions");
    }

    @SuppressWarnings("unchecked")
    private String journeyStatus(String employeeId) {
        Map<String, Object> journeys = api().get().uri("/api/journeys/{id}", employeeId).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        return (String) ((List<Map<String, Object>>) journeys.get("journeys")).get(0).get("status");
    }

    private void completeAction(List<Map<String, Object>> actions, String sequenceKey) {
        Object id = actions.stream().filter(a -> sequenceKey.equals(a.get("sequence"))).findFirst().orElseThrow()
                .get("id");
        api().post().uri("/api/actions/{id}/complete", id).retrieve().toBodilessEntity();
    }

    private static List<String> subjectsTo(String address) throws Exception {
        return Arrays.stream(smtp.getReceivedMessagesForDomain(address))
                .filter(message -> isTo(message, address))
                .map(StakeholderMailIntegrationTests::subject)
                .toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String frenchDate(LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRENCH));
    }

    private RestClient api() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Token " + ApiIntegrationTest.ADMIN_TOKEN).build();
    }
}
