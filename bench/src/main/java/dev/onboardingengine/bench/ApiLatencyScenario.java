package dev.onboardingengine.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 2: p50/p99 of the read routes with about 1k and with many more stored journeys. The
 * journeys are read-model rows (employee, journey, journey_status_change) seeded by JDBC batch, with
 * no process instance behind them: that is what these routes read.
 */
final class ApiLatencyScenario {

    static final String SCENARIO = "2 API latency";
    private static final int BATCH = 1_000;

    private final EngineUnderTest engine;
    private final BenchOptions options;
    private final Results results;
    private final JdbcTemplate jdbc;
    private final Http http;
    private final boolean postgres;
    private int seeded;

    ApiLatencyScenario(EngineUnderTest engine, BenchOptions options, Results results) {
        this.engine = engine;
        this.options = options;
        this.results = results;
        this.jdbc = engine.jdbc();
        this.http = new Http(engine.baseUrl(), EngineUnderTest.TOKEN);
        this.postgres = options.database().equals("postgres");
    }

    void run() {
        int small = 1_000;
        int large = Math.max(small, options.seededJourneys());
        seedUpTo(small);
        Progress.say("Scenario 2: %d requests per route with %d stored journeys", options.apiRequests(), storedJourneys());
        Samples[] atSmall = measure();
        seedUpTo(large);
        Progress.say("Scenario 2: %d requests per route with %d stored journeys", options.apiRequests(), storedJourneys());
        Samples[] atLarge = measure();
        String[] routes = { "GET /api/journeys/{id}", "GET /employees?role=manager&limit=50" };
        for (int r = 0; r < routes.length; r++) {
            results.add(SCENARIO, routes[r] + " at 1k: p50 / p99", atSmall[r].p50() + " / " + atSmall[r].p99(), "ms", "");
            results.add(SCENARIO, routes[r] + " at " + large / 1000 + "k: p50 / p99", atLarge[r].p50() + " / " + atLarge[r].p99(), "ms", "");
            double growth = (double) Math.max(1, atLarge[r].p50()) / Math.max(1, atSmall[r].p50());
            double growth99 = (double) Math.max(1, atLarge[r].p99()) / Math.max(1, atSmall[r].p99());
            results.add(SCENARIO, routes[r] + " growth " + large / 1000 + "k / 1k (p50)", growth, "x",
                    IntakeScenario.verdict(growth <= 1.5, "target <= 1.5"));
            results.add(SCENARIO, routes[r] + " growth " + large / 1000 + "k / 1k (p99)", growth99, "x", "");
        }
        results.note("Notes", "- Scenario 2's stored journeys are read-model rows (employee, journey, journey_status_change) "
                + "seeded by JDBC batch, without process instances; GET /tracks?status= and GET /owners/{id}/actions "
                + "do not exist in this checkout, so GET /api/journeys/{id} and Workelo's GET /employees stand in.");
    }

    private long storedJourneys() {
        return jdbc.queryForObject("select count(*) from journey", Long.class);
    }

    /** Two clients at once, each sending half the requests of each route, after a short warm-up. */
    private Samples[] measure() {
        List<Long> ids = jdbc.queryForList("select employee_id from journey where hire_event_id is not null", Long.class);
        Samples journeys = new Samples();
        Samples managers = new Samples();
        for (int i = 0; i < 30; i++) {
            http.get("/api/journeys/" + ids.get(i % ids.size()));
            http.get("/employees?role=manager&limit=50");
        }
        Runnable client = () -> {
            for (int i = 0; i < options.apiRequests() / 2; i++) {
                long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                journeys.add(timed("/api/journeys/" + id));
                int offset = ThreadLocalRandom.current().nextInt(4) * 50;
                managers.add(timed("/employees?role=manager&limit=50&offset=" + offset));
            }
        };
        Thread a = new Thread(client, "bench-api-a");
        Thread b = new Thread(client, "bench-api-b");
        a.start();
        b.start();
        try {
            a.join(Duration.ofMinutes(5).toMillis());
            b.join(Duration.ofMinutes(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Samples[] { journeys, managers };
    }

    private long timed(String path) {
        long start = System.nanoTime();
        var response = http.get(path);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }

    /** Seeds employees (one in ten a manager) and, for each new hire among them, a journey with two status changes. */
    private void seedUpTo(int target) {
        long start = System.nanoTime();
        long have = storedJourneys();
        if (have >= target) {
            return;
        }
        Progress.say("Scenario 2: seeding read-model rows up to %d journeys", target);
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate day = LocalDate.now().plusDays(30);
        Timestamp startsAt = IntakeScenario.at(day);
        Timestamp endsAt = IntakeScenario.at(day.plusDays(90));
        while (have < target) {
            int chunk = (int) Math.min(10_000, (target - have) * 10 / 9 + 1);
            List<Object[]> employees = new ArrayList<>(chunk);
            for (int i = 0; i < chunk; i++) {
                int n = seeded++;
                String role = n % 10 == 0 ? "MANAGER" : "NEW_HIRE";
                employees.add(new Object[] { UUID.randomUUID(), "Seed", "S" + n, "seed-" + n + "@example.com", role,
                        "en", Date.valueOf(day), "UTC", now, now });
            }
            jdbc.batchUpdate("insert into employee (uuid, first_name, last_name, email, role, language, start_day, "
                    + "time_zone, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batches(employees));
            jdbc.update("insert into journey (hire_event_id, employee_id, mobility, status, time_zone, start_day, "
                    + "starts_at, ends_at, open_marker, created_at, updated_at) "
                    + "select " + (postgres ? "gen_random_uuid()" : "random_uuid()") + ", e.id, 'onboarding', "
                    + "'invitation_sent', 'UTC', e.start_day, ?, ?, 'Y', ?, ? from employee e "
                    + "where e.email like 'seed-%' and e.role = 'NEW_HIRE' "
                    + "and not exists (select 1 from journey j where j.employee_id = e.id)", startsAt, endsAt, now, now);
            jdbc.update("insert into journey_status_change (journey_id, status, changed_at) "
                    + "select j.id, s.status, j.created_at from journey j cross join "
                    + "(select 'draft' as status union all select 'invitation_sent') s "
                    + "where j.process_instance_id is null "
                    + "and not exists (select 1 from journey_status_change c where c.journey_id = j.id)");
            have = storedJourneys();
        }
        if (postgres) {
            jdbc.execute("analyze");
        }
        Progress.say("  seeded to %d journeys in %.1f s", have, (System.nanoTime() - start) / 1e9);
    }

    private static List<Object[]> batches(List<Object[]> rows) {
        return rows;
    }
}
