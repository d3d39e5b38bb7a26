package dev.onboardingengine.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 1: hires through REST and through the hire-requests topic until each journey is
 * invitation_sent, beside its floors in the same run: bare Camunda starting a copy of the journey
 * with no-op service tasks (same async boundary, same database, same history level, same job
 * executor) and a plain produce/consume of records of the same size on the same broker.
 */
final class IntakeScenario {

    static final String BARE_KEY = "bench-bare-journey";
    static final String SCENARIO = "1 hire intake";

    /** The start day of every hire of this scenario: their Timer_StartDay falls due together (scenario 3). */
    static final LocalDate ENGINE_START_DAY = LocalDate.now(ZoneOffset.UTC).plusDays(60);
    /** The bare copies start a week later, so their timer wave is measured on its own. */
    static final LocalDate BARE_START_DAY = ENGINE_START_DAY.plusDays(7);

    private final EngineUnderTest engine;
    private final BenchOptions options;
    private final Results results;
    private final Http http;
    private final JdbcTemplate jdbc;
    private final Duration timeout;
    private String bareDefinitionId;
    /** Per channel (rest, kafka): the stage samples of every round. */
    private final Map<String, Samples[]> stages = new java.util.LinkedHashMap<>();

    IntakeScenario(EngineUnderTest engine, BenchOptions options, Results results) {
        this.engine = engine;
        this.options = options;
        this.results = results;
        this.http = new Http(engine.baseUrl(), EngineUnderTest.TOKEN);
        this.jdbc = engine.jdbc();
        this.timeout = Duration.ofSeconds(120 + options.hires() / 2L);
    }

    /** One channel's hires (or starts) of one round: how many, and from the first sent to the last done. */
    record Run(String name, int count, long millis, Samples latency) {

        double perSecond() {
            return IntakeScenario.perSecond(count, millis);
        }

        /** The rounds of one channel as one run: their counts and active times add up. */
        static Run merge(String name, List<Run> rounds) {
            Samples latency = new Samples();
            rounds.forEach(round -> round.latency().copyInto(latency));
            return new Run(name, rounds.stream().mapToInt(Run::count).sum(),
                    rounds.stream().mapToLong(Run::millis).sum(),
                    latency);
        }
    }

    void run() throws IOException {
        int n = options.hires();
        int warmup = Math.min(20, n);
        bareDefinitionId = deployBareCopy(engine.processEngine());

        Progress.say("Scenario 1: warm-up (%d REST hires, %d bare starts, %d Kafka records; not counted)", warmup,
                warmup, warmup);
        restHires("warm", warmup);
        bareStarts("warm", warmup);
        plainKafka("bench.floor.warmup", warmup);

        Progress.say("Scenario 1: plain Kafka produce/consume of %d records", n);
        Run kafkaFloor = plainKafka("bench.floor", n);
        // The channels take turns in rounds, each round starting with the next channel, so that a
        // burst of load from elsewhere on the machine, and the database growing as hires are stored,
        // fall on the engine and on bare Camunda alike.
        List<Run> rests = new ArrayList<>();
        List<Run> topics = new ArrayList<>();
        List<Run> bares = new ArrayList<>();
        int rounds = Math.max(1, Math.min(options.rounds(), n));
        for (int round = 1; round <= rounds; round++) {
            int share = n / rounds + (round <= n % rounds ? 1 : 0);
            for (int turn = 0; turn < 3; turn++) {
                switch ((round - 1 + turn) % 3) {
                    case 0 -> {
                        Progress.say("Scenario 1, round %d/%d: %d hires through POST /api/users/ with %d clients",
                                round,
                                rounds, share, options.clients());
                        rests.add(restHires("rest" + round, share));
                    }
                    case 1 -> {
                        Progress.say("Scenario 1, round %d/%d: %d hires through the hire-requests topic", round, rounds,
                                share);
                        topics.add(topicHires("kafka" + round, share));
                    }
                    default -> {
                        Progress.say(
                                "Scenario 1, round %d/%d: bare Camunda, %d starts of the no-op copy with %d clients",
                                round, rounds, share, options.clients());
                        bares.add(bareStarts("bare" + round, share));
                    }
                }
            }
        }
        Run rest = Run.merge("engine rest", rests);
        Run topic = Run.merge("engine kafka", topics);
        Run bare = Run.merge("bare Camunda", bares);

        for (Run run : List.of(rest, topic, bare, kafkaFloor)) {
            results.add(SCENARIO, run.name() + ": throughput", run.perSecond(), "per s", run.count() + " done");
            results.add(SCENARIO, run.name() + ": latency p50 / p95 / p99",
                    run.latency().p50() + " / " + run.latency().p95() + " / " + run.latency().p99(), "ms", "");
        }
        for (var stage : stages.entrySet()) {
            if (stage.getKey().equals("warm") || stage.getKey().startsWith("count")) {
                continue;
            }
            Samples[] s = stage.getValue();
            results.add(SCENARIO, "engine " + stage.getKey() + " stages p50 / p95: sent -> employee stored",
                    s[0].p50() + " / " + s[0].p95(), "ms", "");
            results.add(SCENARIO, "engine " + stage.getKey() + " stages p50 / p95: employee -> journey draft",
                    s[1].p50() + " / " + s[1].p95(), "ms", "outbox, Kafka, NewHireListener");
            results.add(SCENARIO, "engine " + stage.getKey() + " stages p50 / p95: draft -> invitation_sent",
                    s[2].p50() + " / " + s[2].p95(), "ms", "async job Task_SendInvitation");
        }
        results.note("Notes", "- Scenario 1 runs in " + rounds + " rounds of " + n / rounds + " hires per channel; the "
                + "channels (REST, topic, bare Camunda) take turns, each round starting with the next one. Throughput "
                + "is the hires of all rounds over the sum of each round's time from the first sent to the last "
                + "invitation_sent.");
        double restRatio = rest.perSecond() / bare.perSecond();
        double topicRatio = topic.perSecond() / bare.perSecond();
        results.add(SCENARIO, "ratio engine REST / bare Camunda (throughput)", restRatio, "x",
                verdict(restRatio >= 0.7, "target >= 0.7"));
        results.add(SCENARIO, "ratio engine topic / bare Camunda (throughput)", topicRatio, "x",
                verdict(topicRatio >= 0.7, "target >= 0.7"));
        results.add(SCENARIO, "ratio bare Camunda / engine REST (p50 latency)",
                (double) bare.latency().p50() / Math.max(1, rest.latency().p50()), "x", "1.0 = same latency");
        engine.statements().ifPresent(this::countStatements);
        results.add(SCENARIO, "lost hires (sent, never invitation_sent)",
                (n - rest.count()) + (n - topic.count()), "",
                verdict(rest.count() == n && topic.count() == n, "target 0"));
    }

    /**
     * SQL statements per hire from request to invitation_sent, engine (REST, topic) beside bare
     * Camunda: a batch of hires per channel, one channel at a time, counted from before the first is
     * sent until a second after the last is invitation_sent (so the outbox's trailing writes count).
     * Everything the engine's threads send in that time counts, background work included (job
     * acquisition, schedulers): its idle rate is printed beside it.
     */
    private void countStatements(StatementCounter counter) {
        int n = Math.min(50, options.hires());
        Progress.say("Scenario 1: SQL statements per hire, %d hires per channel, one channel at a time", n);
        StatementCounter.Snapshot idleBefore = counter.snapshot();
        pause(2_000);
        double idlePerSecond = counter.snapshot().minus(idleBefore).total() / 2.0;
        Map<String, StatementCounter.Snapshot> counted = new java.util.LinkedHashMap<>();
        Map<String, Runnable> channels = new java.util.LinkedHashMap<>();
        channels.put("engine REST", () -> restHires("countrest", n));
        channels.put("engine topic", () -> topicHires("countkafka", n));
        channels.put("bare Camunda", () -> bareStarts("countbare", n));
        for (var channel : channels.entrySet()) {
            StatementCounter.Snapshot before = counter.snapshot();
            channel.getValue().run();
            pause(1_000);
            counted.put(channel.getKey(), counter.snapshot().minus(before));
        }
        StatementCounter.Snapshot rest = counted.get("engine REST");
        StatementCounter.Snapshot topic = counted.get("engine topic");
        StatementCounter.Snapshot bare = counted.get("bare Camunda");
        results.add(SCENARIO, "SQL statements per hire, request to invitation_sent: engine REST / topic / bare Camunda",
                String.format("%.1f / %.1f / %.1f", rest.total() / (double) n, topic.total() / (double) n,
                        bare.total() / (double) n),
                "",
                String.format("%d hires each; idle background %.1f per s, included", n, idlePerSecond));
        results.add(SCENARIO, "SQL statements per hire, ratio engine REST / bare Camunda",
                rest.total() / (double) Math.max(1, bare.total()), "x", "");
        for (var channel : counted.entrySet()) {
            StatementCounter.Snapshot counts = channel.getValue();
            results.add(SCENARIO, "SQL statements per hire, " + channel.getKey() + ", by type",
                    counts.perHire(counts.byType(), n), "", "");
            results.add(SCENARIO, "SQL statements per hire, " + channel.getKey() + ", by thread",
                    counts.perHire(counts.byThread(), n), "", "");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String verdict(boolean met, String target) {
        return (met ? "meets " : "MISSES ") + target;
    }

    int journeysOfThisScenario() {
        return jdbc.queryForObject("select count(*) from journey j join employee e on e.id = j.employee_id "
                + "where e.email like 'bench-%'", Integer.class);
    }

    String bareDefinitionId() {
        return bareDefinitionId;
    }

    // --- the engine, through REST ---------------------------------------------------------------

    private Run restHires(String channel, int n) {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long first = System.currentTimeMillis();
        inParallel(n, i -> {
            String email = email(channel, i);
            String body = """
                    {"first_name":"Bench","last_name":"%s","email":"%s","position":"Engineer","language":"en",\
                    "start_day":"%s","timezone":"UTC","role":0}""".formatted(channel + i, email, ENGINE_START_DAY);
            sentAt.put(email, System.currentTimeMillis());
            var response = http.postJson("/api/users/", body);
            if (response.statusCode() != 201) {
                throw new IllegalStateException(
                        "POST /api/users/ answered " + response.statusCode() + ": " + response.body());
            }
        });
        return awaitInvitations(channel, n, first, sentAt);
    }

    // --- the engine, through the hire-requests topic --------------------------------------------

    private Run topicHires(String channel, int n) {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        String topic = engine.property("onboarding.topics.hire-requests");
        long first = System.currentTimeMillis();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < n; i++) {
                String externalId = "BENCH-" + channel + "-" + i;
                String email = email(channel, i);
                sentAt.put(email, System.currentTimeMillis());
                producer.send(new ProducerRecord<>(topic, externalId, hireRequest(externalId, email)));
            }
            producer.flush();
        }
        return awaitInvitations(channel, n, first, sentAt);
    }

    static String hireRequest(String externalId, String email) {
        return """
                {"external_id":"%s","first_name":"Bench","last_name":"%s","email":"%s","position":"Engineer",\
                "language":"en","start_date":"%s","time_zone":"UTC"}""".formatted(externalId, externalId, email,
                ENGINE_START_DAY);
    }

    private Run awaitInvitations(String channel, int n, long first, Map<String, Long> sentAt) {
        String pattern = "bench-" + channel + "-%";
        String count = "select count(*) from employee e join journey j on j.employee_id = e.id "
                + "join journey_status_change c on c.journey_id = j.id "
                + "where c.status = 'invitation_sent' and e.email like ?";
        Deadline.await(channel + " journeys invitation_sent", n,
                () -> jdbc.queryForObject(count, Long.class, pattern), timeout, Duration.ofMillis(200));
        Samples latency = new Samples();
        long[] last = {first};
        jdbc.query("select e.email, c.changed_at from employee e join journey j on j.employee_id = e.id "
                + "join journey_status_change c on c.journey_id = j.id "
                + "where c.status = 'invitation_sent' and e.email like ?", row -> {
                    long done = row.getTimestamp(2).getTime();
                    Long sent = sentAt.get(row.getString(1));
                    if (sent != null) {
                        latency.add(done - sent);
                    }
                    last[0] = Math.max(last[0], done);
                }, pattern);
        stages(channel, pattern, sentAt);
        return new Run("engine " + channel, latency.count(), last[0] - first, latency);
    }

    /** Where the time of a hire goes: accepted (employee row), journey started (draft), invitation_sent. */
    private void stages(String channel, String pattern, Map<String, Long> sentAt) {
        // rest1, rest2, ...: the rounds of one channel share its samples
        Samples[] samples = stages.computeIfAbsent(channel.replaceAll("\\d+$", ""),
                key -> new Samples[]{new Samples(), new Samples(), new Samples()});
        Samples accepted = samples[0];
        Samples started = samples[1];
        Samples invited = samples[2];
        jdbc.query("select e.email, e.created_at, d.changed_at, i.changed_at from employee e "
                + "join journey j on j.employee_id = e.id "
                + "join journey_status_change d on d.journey_id = j.id and d.status = 'draft' "
                + "join journey_status_change i on i.journey_id = j.id and i.status = 'invitation_sent' "
                + "where e.email like ?", row -> {
                    Long sent = sentAt.get(row.getString(1));
                    long created = row.getTimestamp(2).getTime();
                    long draft = row.getTimestamp(3).getTime();
                    if (sent != null) {
                        accepted.add(created - sent);
                    }
                    started.add(draft - created);
                    invited.add(row.getTimestamp(4).getTime() - draft);
                }, pattern);
    }

    private static String email(String channel, int i) {
        return "bench-" + channel + "-" + i + "@example.com";
    }

    // --- bare Camunda ---------------------------------------------------------------------------

    /**
     * The shipped journey with every delegate replaced by a no-op expression, under its own key: the
     * same elements, gateways, timers and async boundaries, none of the engine's own work (read model,
     * outbox, Kafka, mail).
     */
    static String deployBareCopy(ProcessEngine processEngine) throws IOException {
        String xml;
        try (InputStream in = IntakeScenario.class.getClassLoader()
                .getResourceAsStream("processes/journey-onboarding.bpmn")) {
            if (in == null) {
                throw new IllegalStateException("processes/journey-onboarding.bpmn is not on the classpath");
            }
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String bare = xml.replace("id=\"journey-onboarding\"", "id=\"" + BARE_KEY + "\"")
                .replace("bpmnElement=\"journey-onboarding\"", "bpmnElement=\"" + BARE_KEY + "\"")
                .replaceAll("camunda:delegateExpression=\"\\$\\{[A-Za-z]+\\}\"", "camunda:expression=\"\\${true}\"")
                .replaceAll("<camunda:property name=\"onboarding\\.mobility\"[^>]*/>", "");
        processEngine.getRepositoryService().createDeployment().name("bench bare journey")
                .addString(BARE_KEY + ".bpmn", bare).deploy();
        ProcessDefinition definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(BARE_KEY).latestVersion().singleResult();
        return definition.getId();
    }

    private Run bareStarts(String label, int n) {
        ProcessEngine processEngine = engine.processEngine();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Date startsAt = Date.from(BARE_START_DAY.atTime(9, 0).toInstant(ZoneOffset.UTC));
        Date endsAt = Date.from(BARE_START_DAY.plusDays(90).atTime(9, 0).toInstant(ZoneOffset.UTC));
        long before = processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .processDefinitionId(bareDefinitionId).activityId("Status_InvitationSent").count();
        long first = System.currentTimeMillis();
        inParallel(n, i -> {
            Map<String, Object> variables = journeyVariables(i, startsAt, endsAt);
            long sent = System.currentTimeMillis();
            ProcessInstance instance = processEngine.getRuntimeService()
                    .startProcessInstanceById(bareDefinitionId, "bare-" + label + "-" + i, variables);
            sentAt.put(instance.getId(), sent);
        });
        Deadline.await("bare instances past Task_SendInvitation", before + n,
                () -> processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                        .processDefinitionId(bareDefinitionId).activityId("Status_InvitationSent").count(),
                timeout, Duration.ofMillis(200));
        Samples latency = new Samples();
        long last = first;
        for (HistoricActivityInstance done : processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .processDefinitionId(bareDefinitionId).activityId("Status_InvitationSent").list()) {
            Long sent = sentAt.get(done.getProcessInstanceId());
            if (sent != null) {
                long at = done.getStartTime().getTime();
                latency.add(at - sent);
                last = Math.max(last, at);
            }
        }
        return new Run("bare Camunda", latency.count(), last - first, latency);
    }

    /** The same variables, names and types as JourneyLauncher gives a journey without buddy, manager or sequences. */
    static Map<String, Object> journeyVariables(int i, Date startsAt, Date endsAt) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("employeeId", 1_000_000L + i);
        variables.put("journeyId", 1_000_000L + i);
        variables.put("firstName", "Bench");
        variables.put("lastName", "bare" + i);
        variables.put("email", "bench-bare-" + i + "@example.com");
        variables.put("timeZone", "UTC");
        variables.put("startsAt", startsAt);
        variables.put("endsAt", endsAt);
        variables.put("language", "en");
        variables.put("startDay", BARE_START_DAY.toString());
        variables.put("sequenceKeys", new ArrayList<String>());
        variables.put("openAddedSequences", 0);
        for (String role : List.of("hire", "buddy", "manager", "hr")) {
            boolean hire = role.equals("hire");
            variables.put(role + "Id", hire ? Long.toString(1_000_000L + i) : null);
            variables.put(role + "Email", hire ? "bench-bare-" + i + "@example.com" : null);
            variables.put(role + "FirstName", hire ? "Bench" : null);
            variables.put(role + "LastName", hire ? "bare" + i : null);
            variables.put(role + "Language", hire ? "en" : null);
            variables.put(role + "Notify", hire);
        }
        return variables;
    }

    // --- plain Kafka ----------------------------------------------------------------------------

    private Run plainKafka(String topic, int n) {
        String payload = hireRequest("BENCH-floor-000000", email("floor", 0));
        Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        Samples latency = new Samples();
        AtomicInteger received = new AtomicInteger();
        long first;
        long last;
        try (KafkaConsumer<String, String> consumer = consumer(topic);
                KafkaProducer<String, String> producer = producer()) {
            consumer.subscribe(List.of(topic));
            // join the group before producing, so the consumer sees the first record as it arrives
            Deadline.await(() -> {
                consumer.poll(Duration.ofMillis(100));
                return !consumer.assignment().isEmpty();
            }, Duration.ofSeconds(30), Duration.ofMillis(10));
            first = System.currentTimeMillis();
            for (int i = 0; i < n; i++) {
                sentAt.put(i, System.currentTimeMillis());
                producer.send(new ProducerRecord<>(topic, String.format("BENCH-floor-%06d", i), payload));
            }
            producer.flush();
            last = first;
            long end = System.nanoTime() + timeout.toNanos();
            while (received.get() < n && System.nanoTime() < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    Long sent = sentAt.get(Integer.parseInt(record.key().substring("BENCH-floor-".length())));
                    if (sent != null) {
                        latency.add(now - sent);
                    }
                    received.incrementAndGet();
                    last = now;
                }
                consumer.commitSync();
            }
        }
        return new Run("plain Kafka", received.get(), last - first, latency);
    }

    private KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engine.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(properties);
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, engine.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + topic);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(properties);
    }

    // --- helpers --------------------------------------------------------------------------------

    private void inParallel(int n, IntConsumer work) {
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            futures.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    work.accept(i);
                }
            }));
        }
        clients.shutdown();
        try {
            for (Future<?> future : futures) {
                future.get(timeout.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            clients.shutdownNow();
            throw new IllegalStateException("a client failed: " + e.getMessage(), e);
        }
    }

    static double perSecond(int count, long millis) {
        return millis <= 0 ? 0 : count * 1000.0 / millis;
    }

    static Timestamp at(LocalDate day) {
        return Timestamp.from(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
    }
}
