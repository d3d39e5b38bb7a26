package dev.onboardingengine.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Scenario 5: a JFR recording (the JDK's "profile" settings) over scenario 1, and the methods most
 * often on top of the sampled stacks, each with what to do about it.
 */
final class HotMethods {

    /** First matching prefix wins: what the hot spot means for the hire path. */
    private static final Map<String, String> ADVICE = new LinkedHashMap<>();

    static {
        ADVICE.put("dev.onboardingengine", "our own code: look at this method first");
        ADVICE.put("org.h2",
                "H2 itself: compare with --database=postgres; check indexes of the queries the engine runs per step");
        ADVICE.put("org.postgresql",
                "JDBC round trips: fewer statements per step (history level, batching), connection pool size");
        ADVICE.put("org.camunda.bpm.engine.impl.db",
                "Camunda's entity flush: history level and jdbcBatchProcessing decide the statements per step");
        ADVICE.put("org.camunda.bpm.engine.impl.juel",
                "expression evaluation: delegateExpression lookups are cheap; keep expressions simple");
        ADVICE.put("org.camunda.bpm.engine.impl.bpmn.parser",
                "BPMN parsing: should happen once per deployment; if hot, a deployment is repeated");
        ADVICE.put("org.camunda", "Camunda's engine: the floor; fewer wait states/async boundaries per journey");
        ADVICE.put("org.apache.ibatis", "MyBatis mapping of Camunda's statements: grows with the statements per step");
        ADVICE.put("org.apache.kafka",
                "Kafka client/broker: batching (linger.ms, batch.size); the in-process broker shares the 2 cores");
        ADVICE.put("kafka.", "the in-process broker: shares the cores with the engine; an external broker removes it");
        ADVICE.put("com.fasterxml.jackson",
                "JSON (de)serialization: reuse ObjectMapper/ObjectWriter, avoid re-reading trees");
        ADVICE.put("org.springframework.modulith",
                "the outbox: publication table inserts/deletes per event; completion-mode delete costs a statement");
        ADVICE.put("org.springframework",
                "Spring proxies and transactions: one transaction per hire; avoid nested REQUIRES_NEW");
        ADVICE.put("org.apache.tomcat", "HTTP handling: client concurrency and keep-alive");
        ADVICE.put("org.apache.catalina", "HTTP handling: client concurrency and keep-alive");
        ADVICE.put("com.zaxxer.hikari",
                "connection pool: contention means the pool is too small for the job executor + HTTP threads");
        ADVICE.put("java.util.zip", "compression (Kafka or jar reading): check compression.type and class loading");
        ADVICE.put("java.", "JDK: look at the caller in the stack");
        ADVICE.put("jdk.", "JDK: look at the caller in the stack");
        ADVICE.put("sun.", "JDK internals (I/O, locks): look at the caller in the stack");
    }

    /**
     * What a sample was doing, by the first category any frame of its stack matches (in this order):
     * the hire path's steps, so that the engine's extra work per hire is told from the floor's.
     */
    record Activity(String name, List<String> markers, String advice) {
    }

    static final List<Activity> ACTIVITIES = List.of(
            new Activity("bare Camunda starts (the floor, bench threads)", List.of("IntakeScenario.lambda$bareStarts"),
                    "the floor"),
            new Activity("journey launch (NewHireListener, JourneyLauncher)", List.of("JourneyLauncher.launch"),
                    "process start + journey row + draft status + outbox row in one transaction: fewer writes before the first wait state"),
            new Activity("hire intake (NewHireService: employee, audit, outbox)",
                    List.of("NewHireService", "HireRequestListener"),
                    "employee and audit rows and the NewHireCreated publication per hire"),
            new Activity("engine delegates in jobs (invitation, status, notifications)",
                    List.of("InvitationDelegate", "JourneyStatusDelegate", "NotifyStakeholderDelegate",
                            "StakeholderNotifier"),
                    "status write + outbox row per milestone"),
            new Activity("outbox (Spring Modulith publication registry)",
                    List.of("org.springframework.modulith.events"),
                    "insert per event, delete once Kafka acknowledged it (completion-mode delete)"),
            new Activity("Camunda job execution (engine and bare alike)", List.of("ExecuteJobsRunnable"),
                    "the floor's own work: async continuations and what follows them"),
            new Activity("job acquisition", List.of("AcquireJobsRunnable", "SequentialJobAcquisitionRunnable"),
                    "ACT_RU_JOB ordered by due date (jobExecutorAcquireByDueDate) with no DUEDATE_ index: grows with waiting timers"),
            new Activity("Kafka listener containers (poll, commit)", List.of("KafkaMessageListenerContainer"),
                    "ack-mode record commits per record; ack-mode batch did not change the ratio on 2 cores"),
            new Activity("Kafka producer", List.of("org.apache.kafka.clients.producer"), "linger.ms 5 already batches"),
            new Activity("in-process Kafka broker",
                    List.of("kafka.", "org.apache.kafka.storage", "org.apache.kafka.raft",
                            "org.apache.kafka.coordinator", "org.apache.kafka.server"),
                    "an external broker takes it off the engine's cores"),
            new Activity("HTTP (Tomcat, filters, MVC)",
                    List.of("org.apache.catalina", "org.apache.coyote", "org.apache.tomcat"),
                    "token lookup and JSON per request"),
            new Activity("H2 background writer", List.of("org.h2.mvstore.MVStore"),
                    "H2 only; PostgreSQL writes in its own processes"),
            new Activity("the bench's own clients and polling",
                    List.of("dev.onboardingengine.bench.", "jdk.internal.net.http"),
                    "measurement overhead, shared by engine and floor"));

    private final Path file;
    private Recording recording;

    HotMethods(Path file) {
        this.file = file;
    }

    void start() throws IOException {
        try {
            recording = new Recording(Configuration.getConfiguration("profile"));
        } catch (java.text.ParseException e) {
            throw new IOException("JFR profile settings unreadable", e);
        }
        recording.setToDisk(true);
        recording.start();
    }

    void stopAndReport(Results results, int top) throws IOException {
        recording.stop();
        recording.dump(file);
        recording.close();
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> ownFrames = new HashMap<>();
        Map<String, Integer> components = new HashMap<>();
        Map<String, Integer> activities = new HashMap<>();
        int samples = 0;
        int truncated = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            if (event.getStackTrace().isTruncated()) {
                truncated++;
            }
            activities.merge(activity(frames), 1, Integer::sum);
            topFrames.merge(name(frames.get(0)), 1, Integer::sum);
            components.merge(component(frames), 1, Integer::sum);
            for (RecordedFrame frame : frames) {
                if (frame.getMethod() != null
                        && frame.getMethod().getType().getName().startsWith("dev.onboardingengine")) {
                    ownFrames.merge(name(frame), 1, Integer::sum);
                    break;
                }
            }
        }
        String section = "Profile (JFR over scenario 1)";
        results.note(section, samples + " execution samples (jdk.ExecutionSample, JFR 'profile' settings). "
                + "Top methods on the sampled stacks:\n");
        results.note(section,
                "| # | method (top frame) | samples | share | what to do |\n| ---: | --- | ---: | ---: | --- |");
        int total = samples;
        int[] rank = {0};
        topFrames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> results.note(section,
                        String.format(java.util.Locale.ROOT, "| %d | `%s` | %d | %.1f%% | %s |",
                                ++rank[0], entry.getKey(), entry.getValue(),
                                100.0 * entry.getValue() / Math.max(1, total),
                                advice(entry.getKey()))));
        results.note(section, "\nBy component (the first frame of each sample outside the JDK):\n");
        results.note(section, "| component | samples | share | what to do |\n| --- | ---: | ---: | --- |");
        components.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(entry -> results.note(section,
                        String.format(java.util.Locale.ROOT, "| `%s` | %d | %.1f%% | %s |",
                                entry.getKey(), entry.getValue(), 100.0 * entry.getValue() / Math.max(1, total),
                                advice(entry.getKey()))));
        results.note(section, String.format(java.util.Locale.ROOT, "\nBy activity (the first of these any frame of the "
                + "sample's stack belongs to; %.0f%% of the stacks were cut at JFR's stack depth, run with "
                + "`java -XX:FlightRecorderOptions:stackdepth=512 -jar ...` to keep them whole):\n",
                100.0 * truncated / Math.max(1, total)));
        results.note(section, "| activity | samples | share | what it is, what to do |\n| --- | ---: | ---: | --- |");
        activities.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> results.note(section,
                        String.format(java.util.Locale.ROOT, "| %s | %d | %.1f%% | %s |",
                                entry.getKey(), entry.getValue(), 100.0 * entry.getValue() / Math.max(1, total),
                                ACTIVITIES.stream().filter(a -> a.name().equals(entry.getKey())).map(Activity::advice)
                                        .findFirst().orElse("not one of the above (or its stack was cut)"))));
        results.note(section, "\nOur own frames nearest the top of the sampled stacks (inclusive samples):\n");
        results.note(section, "| method | samples | share |\n| --- | ---: | ---: |");
        ownFrames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
                .forEach(entry -> results.note(section, String.format(java.util.Locale.ROOT, "| `%s` | %d | %.1f%% |",
                        entry.getKey(), entry.getValue(), 100.0 * entry.getValue() / Math.max(1, total))));
        Progress.say("Scenario 5: %d samples; recording in %s", samples, file);
    }

    static String activity(List<RecordedFrame> frames) {
        List<String> names = frames.stream().map(HotMethods::name).toList();
        return activityOf(names);
    }

    /** @param frames the stack's method names, top first */
    static String activityOf(List<String> frames) {
        for (Activity activity : ACTIVITIES) {
            for (String frame : frames) {
                for (String marker : activity.markers()) {
                    if (frame.contains(marker)) {
                        return activity.name();
                    }
                }
            }
        }
        return "other";
    }

    /** The advice key of the first non-JDK frame: which library the sample was spent in. */
    private static String component(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.") || name.equals("?")) {
                continue;
            }
            return ADVICE.keySet().stream().filter(name::startsWith).findFirst()
                    .orElse(name.contains(".")
                            ? name.substring(0, name.indexOf('.', name.indexOf('.') + 1) + 1)
                            : name);
        }
        return "JDK only";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod() == null
                ? "?"
                : frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    static String advice(String method) {
        return ADVICE.entrySet().stream().filter(entry -> method.startsWith(entry.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("look at the caller in the stack");
    }
}
