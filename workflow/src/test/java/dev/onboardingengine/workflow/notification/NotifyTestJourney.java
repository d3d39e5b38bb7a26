package dev.onboardingengine.workflow.notification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The test process {@code processes-test/notify-test.bpmn} (invitation, buddy and manager told, a
 * buddy action) and a journey's variables for it: a hire in English, a buddy in French, a manager who
 * must not be notified.
 */
final class NotifyTestJourney {

    static final String PROCESS_KEY = "notify-test";
    static final String TASK_NAME = "Book the welcome lunch";
    static final LocalDate START_DAY = LocalDate.of(2026, 12, 7);
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    final long employeeId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
    final String hireEmail = "ada-" + employeeId + "@example.com";
    final String buddyEmail = "jean-" + employeeId + "@example.com";
    final String managerEmail = "grace-" + employeeId + "@example.com";

    static void deploy(RepositoryService repository) {
        repository.createDeployment().name(PROCESS_KEY).enableDuplicateFiltering(false)
                .addClasspathResource("processes-test/notify-test.bpmn").deploy();
    }

    Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("employeeId", employeeId);
        variables.put("journeyId", employeeId + 1);
        variables.put("startDay", START_DAY.toString());
        variables.put("timeZone", ZONE.getId());
        variables.put("startsAt", Date.from(START_DAY.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant()));
        stakeholder(variables, "hire", hireEmail, "Ada", "Lovelace", "en", true);
        stakeholder(variables, "buddy", buddyEmail, "Jean", "Dupont", "fr", true);
        stakeholder(variables, "manager", managerEmail, "Grace", "Hopper", "en", false);
        return variables;
    }

    private void stakeholder(Map<String, Object> variables, String role, String email, String firstName,
            String lastName, String language, boolean notify) {
        variables.put(role + "Id", Long.toString(employeeId + role.length()));
        variables.put(role + "Email", email);
        variables.put(role + "FirstName", firstName);
        variables.put(role + "LastName", lastName);
        variables.put(role + "Language", language);
        variables.put(role + "Notify", notify);
    }

    static String serviceTaskKey(String processInstanceId, String activityId, String role) {
        return processInstanceId + ":" + activityId + ":" + role;
    }

    /** delivery ('sent' or 'skipped') by dedup key, for the keys recorded. */
    static Map<String, String> recorded(JdbcClient jdbc, List<String> keys) {
        Map<String, String> deliveries = new HashMap<>();
        jdbc.sql("select dedup_key, delivery from notification_sent where dedup_key in (:keys)")
                .param("keys", keys)
                .query((rs, n) -> deliveries.put(rs.getString("dedup_key"), rs.getString("delivery")))
                .list();
        return deliveries;
    }
}
