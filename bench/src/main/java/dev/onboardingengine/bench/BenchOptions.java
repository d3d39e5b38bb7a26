package dev.onboardingengine.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code --database=h2|postgres --hires=300 ...}. Defaults are sized so that two
 * cores finish every scenario in a few minutes; the full size is {@code --full}.
 */
record BenchOptions(String database, int hires, int rounds, int clients, int seededJourneys, int apiRequests,
        int footprintHires, boolean footprint, boolean profile, boolean cluster, Path engineJar, Path resultsDir,
        String postgresHost, int postgresPort, String postgresUser, String h2Settings, List<String> engineArgs,
        Set<String> scenarios, boolean countStatements, boolean withoutDueDateIndex) {

    /** The scenarios {@code --scenarios=} can name, in the order they run. */
    static final List<String> SCENARIOS = List.of("intake", "timers", "api", "footprint", "cluster");

    /** The embedded default's H2 URL settings (application.yml), which {@code --h2-settings} replaces to compare. */
    static final String EMBEDDED_DEFAULT_H2_SETTINGS = "WRITE_DELAY=0";

    static final Set<String> KNOWN = Set.of("database", "hires", "rounds", "clients", "journeys", "api-requests",
            "footprint-hires", "footprint", "profile", "engine-jar", "results-dir", "postgres-host",
            "postgres-port", "postgres-user", "h2-settings", "full", "cluster", "scenarios", "count-statements",
            "without-duedate-index");

    static BenchOptions parse(String[] args, Path repositoryRoot) {
        Map<String, String> values = new HashMap<>();
        List<String> engineArgs = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "': options are --name=value");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (name.startsWith("engine.")) {
                // --engine.some.property=value: passed to the engine as --some.property=value (experiments)
                engineArgs.add("--" + arg.substring("--engine.".length()));
                continue;
            }
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + "; known: " + KNOWN);
            }
            values.put(name, equals < 0 ? "true" : arg.substring(equals + 1));
        }
        boolean full = Boolean.parseBoolean(values.getOrDefault("full", "false"));
        String database = values.getOrDefault("database", "h2");
        if (!database.equals("h2") && !database.equals("postgres")) {
            throw new IllegalArgumentException("--database is h2 or postgres, was " + database);
        }
        return new BenchOptions(database,
                integer(values, "hires", full ? 5_000 : 300),
                integer(values, "rounds", 3),
                integer(values, "clients", 4),
                integer(values, "journeys", full ? 100_000 : 20_000),
                integer(values, "api-requests", 300),
                integer(values, "footprint-hires", full ? 100_000 : 200),
                Boolean.parseBoolean(values.getOrDefault("footprint", "true")),
                Boolean.parseBoolean(values.getOrDefault("profile", "true")),
                Boolean.parseBoolean(values.getOrDefault("cluster", "false")),
                Path.of(values.getOrDefault("engine-jar",
                        repositoryRoot.resolve("api/target/onboarding-engine.jar").toString())),
                Path.of(values.getOrDefault("results-dir", repositoryRoot.resolve("bench/results").toString())),
                values.getOrDefault("postgres-host", "127.0.0.1"),
                integer(values, "postgres-port", 5432),
                values.getOrDefault("postgres-user", "postgres"),
                values.getOrDefault("h2-settings", EMBEDDED_DEFAULT_H2_SETTINGS),
                List.copyOf(engineArgs),
                scenarios(values),
                Boolean.parseBoolean(values.getOrDefault("count-statements", "true")),
                Boolean.parseBoolean(values.getOrDefault("without-duedate-index", "false")));
    }

    /**
     * {@code --scenarios=intake,api}: only those run. Without it, all but the cluster (which needs
     * {@code --cluster}); {@code --footprint=false} still drops the footprint. The timer wave waits on
     * the journeys the intake leaves, so naming {@code timers} runs the intake too.
     */
    private static Set<String> scenarios(Map<String, String> values) {
        Set<String> chosen = new java.util.LinkedHashSet<>();
        String named = values.get("scenarios");
        if (named == null) {
            chosen.addAll(List.of("intake", "timers", "api"));
            if (Boolean.parseBoolean(values.getOrDefault("footprint", "true"))) {
                chosen.add("footprint");
            }
            if (Boolean.parseBoolean(values.getOrDefault("cluster", "false"))) {
                chosen.add("cluster");
            }
        } else {
            for (String name : named.split(",")) {
                String scenario = name.trim();
                if (!SCENARIOS.contains(scenario)) {
                    throw new IllegalArgumentException("--scenarios names " + SCENARIOS + ", not '" + scenario + "'");
                }
                chosen.add(scenario);
            }
            if (chosen.contains("timers")) {
                chosen.add("intake");
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--scenarios names none of " + SCENARIOS);
        }
        return Set.copyOf(chosen);
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** The engine in this JVM serves the intake, the timer wave and the API scenario. */
    boolean needsEngineInProcess() {
        return runs("intake") || runs("timers") || runs("api");
    }

    private static int integer(Map<String, String> values, String name, int fallback) {
        String value = values.get(name);
        return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace("k", "000"));
    }
}
