package dev.onboardingengine.api.hire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * An HR system corrects a hire's start date (Offly's PATCH): the running journey's timers move with it
 * by the same number of days, and the journey's start follows.
 */
@ApiIntegrationTest
class StartDayChangeIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void aNewStartDateMovesTheJourneysTimers() {
        EngineClock.moveTo(Instant.parse("2026-05-01T08:00:00Z"));
        WorkeloClient offly = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        String email = "late.%s@example.com".formatted(UUID.randomUUID());
        Answer created = offly.post("/api/v1/users", """
                {"email": "%s", "first_name": "Lea", "last_name": "Late", "start_date": "2026-06-01"}"""
                .formatted(email));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String uuid = (String) created.body().get("id");
        long employeeId = jdbc.sql("select id from employee where email = :email").param("email", email)
                .query(Long.class).single();
        EngineClock.awaitJourneyAndRunDueJobs(management, runtime, Long.toString(employeeId));
        Map<String, Date> before = timers(employeeId);
        assertThat(before).isNotEmpty();

        Answer patched = offly.call(HttpMethod.PATCH, "/api/v1/users/" + uuid, "{\"start_date\": \"2026-06-08\"}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

        Map<String, Date> after = timers(employeeId);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        // The journey's end is recomputed from the new start; every other timer moved by the same 7 days.
        List<Duration> shifts = before.keySet().stream()
                .map(id -> Duration.between(before.get(id).toInstant(), after.get(id).toInstant())).distinct().toList();
        assertThat(shifts).contains(Duration.ofDays(7)).allMatch(shift -> !shift.isNegative() && !shift.isZero());
        @SuppressWarnings("unchecked")
        Map<String, Object> journey = ((List<Map<String, Object>>) offly.get("/api/journeys/" + employeeId).body()
                .get("journeys")).get(0);
        assertThat(journey.get("starts_at").toString()).startsWith("2026-06-08");
    }

    private Map<String, Date> timers(long employeeId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(employeeId))
                .processDefinitionKey("journey-onboarding").singleResult().getId();
        return management.createJobQuery().rootProcessInstanceId(instance).timers().list().stream()
                .collect(Collectors.toMap(Job::getId, Job::getDuedate));
    }
}
