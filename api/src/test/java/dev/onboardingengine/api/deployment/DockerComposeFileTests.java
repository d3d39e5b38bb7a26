package dev.onboardingengine.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the build runs, so the compose file is checked by reading it: the
 * services must agree with each other and with what the application actually reads.
 */
class DockerComposeFileTests {

    /** Variables Spring binds by relaxed binding (spring.profiles.active, spring.mail.host, ...), not by a placeholder. */
    private static final Set<String> RELAXED_BINDING_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE", "SPRING_MAIL_HOST",
            "SPRING_MAIL_PORT");

    private static final String ENGINE_JAR = "api/target/onboarding-engine.jar";

    private static final Pattern JDBC_POSTGRES_URL = Pattern
            .compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?;]+).*$");

    private static Path repoRoot;
    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        repoRoot = findRepoRoot();
        try (Reader reader = Files.newBufferedReader(repoRoot.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            compose = new Yaml().load(reader);
        }
    }

    @Test
    void definesExactlyPostgresKafkaMailpitAndTheEngine() {
        assertThat(compose).as("docker-compose.yml").isNotNull();
        assertThat(services().keySet()).containsExactlyInAnyOrder("postgres", "kafka", "mailpit", "engine");
    }

    @Test
    void kafkaRunsInKraftModeWithoutZookeeper() {
        services().forEach((name, definition) -> {
            assertThat(name).doesNotContainIgnoringCase("zookeeper");
            assertThat(String.valueOf(asMap(definition).get("image"))).doesNotContainIgnoringCase("zookeeper");
            environmentOf(name).forEach((variable, value) -> {
                assertThat(variable).as("variable of %s", name).doesNotContainIgnoringCase("zookeeper");
                assertThat(value).as("%s of %s", variable, name).doesNotContainIgnoringCase("zookeeper");
            });
        });

        Map<String, String> kafka = environmentOf("kafka");
        assertThat(List.of(kafka.get("KAFKA_PROCESS_ROLES").split("\\s*,\\s*")))
                .containsExactlyInAnyOrder("broker", "controller");
    }

    @Test
    void kafkaQuorumVotersAreItsOwnNodeOnItsControllerPort() {
        Map<String, String> kafka = environmentOf("kafka");
        String controllerListener = kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES");
        String controllerPort = portOf(listeners(kafka.get("KAFKA_LISTENERS")).get(controllerListener));

        assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                .isEqualTo(kafka.get("KAFKA_NODE_ID") + "@kafka:" + controllerPort);
    }

    @Test
    void kafkaAdvertisesTheAddressTheEngineBootstrapsFrom() {
        Map<String, String> kafka = environmentOf("kafka");
        Map<String, String> advertised = listeners(kafka.get("KAFKA_ADVERTISED_LISTENERS"));

        String interBroker = kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME");
        assertThat(advertised).containsKey(interBroker);
        assertThat(advertised.get(interBroker))
                .as("advertised %s listener vs engine KAFKA_BOOTSTRAP_SERVERS", interBroker)
                .isEqualTo(environmentOf("engine").get("KAFKA_BOOTSTRAP_SERVERS"));
        // The advertised port must be one the broker listens on.
        assertThat(portOf(listeners(kafka.get("KAFKA_LISTENERS")).get(interBroker)))
                .isEqualTo(portOf(advertised.get(interBroker)));
    }

    @Test
    void engineConnectsToThePostgresServiceDatabaseAsItsUser() {
        Map<String, String> postgres = environmentOf("postgres");
        Map<String, String> engine = environmentOf("engine");

        Matcher url = JDBC_POSTGRES_URL.matcher(engine.get("DATABASE_URL"));
        assertThat(url.matches()).as("DATABASE_URL %s is a PostgreSQL JDBC URL", engine.get("DATABASE_URL")).isTrue();
        assertThat(url.group(1)).as("host of DATABASE_URL").isEqualTo("postgres");
        if (url.group(2) != null) {
            assertThat(url.group(2)).isEqualTo("5432");
        }
        assertThat(url.group(3)).as("database of DATABASE_URL vs POSTGRES_DB")
                .isEqualTo(postgres.get("POSTGRES_DB"));
        assertThat(engine.get("DATABASE_USERNAME")).as("DATABASE_USERNAME vs POSTGRES_USER")
                .isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(engine.get("DATABASE_PASSWORD")).as("DATABASE_PASSWORD vs POSTGRES_PASSWORD")
                .isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    }

    @Test
    void nothingButTheEngineIsPublishedBeyondThisMachine() {
        // Mailpit's UI shows every mail, magic links included, without a login: loopback only.
        for (String name : services().keySet()) {
            Object ports = service(name).get("ports");
            if (ports == null || name.equals("engine")) {
                continue;
            }
            for (Object port : (List<?>) ports) {
                assertThat(String.valueOf(port)).as("%s publishes %s", name, port).startsWith("127.0.0.1:");
            }
        }
    }

    @Test
    void theScalingNoteScalesTheEngineToAsManyHostPortsAsItsRangeHas() throws IOException {
        // docker compose up --scale engine=N needs a host port per container: a range of at least N.
        String header = Files.readString(repoRoot.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
        Matcher scale = Pattern.compile("--scale engine=(\\d+)").matcher(header);
        assertThat(scale.find()).as("the scaling note in docker-compose.yml").isTrue();
        int nodes = Integer.parseInt(scale.group(1));
        assertThat(Files.readString(repoRoot.resolve("README.md"), StandardCharsets.UTF_8))
                .contains("--scale engine=" + nodes);

        List<?> ports = (List<?>) service("engine").get("ports");
        assertThat(ports).hasSize(1);
        Matcher range = Pattern.compile("^(?:[^:]+:)?(\\d+)-(\\d+):(\\d+)$").matcher(String.valueOf(ports.get(0)));
        assertThat(range.matches()).as("engine ports %s: a host port range", ports.get(0)).isTrue();
        int hostPorts = Integer.parseInt(range.group(2)) - Integer.parseInt(range.group(1)) + 1;
        assertThat(hostPorts).as("host ports for --scale engine=%d", nodes).isGreaterThanOrEqualTo(nodes);
        assertThat(range.group(3)).isEqualTo("8080");
    }

    @Test
    void theScalingNotesQuoteTheEnginesPortRangeAsTheComposeFileHasIt() throws IOException {
        String ports = String.valueOf(((List<?>) service("engine").get("ports")).get(0));
        Matcher range = Pattern.compile("^(?:[^:]+:)?(\\d+)-(\\d+):(\\d+)$").matcher(ports);
        assertThat(range.matches()).as("engine ports %s: a host port range", ports).isTrue();

        // README's Run a cluster quotes the entry; the compose file's own note names its host ports.
        assertThat(Files.readString(repoRoot.resolve("README.md"), StandardCharsets.UTF_8))
                .as("README's scaling note").contains("`\"" + ports + "\"`");
        String header = Files.readString(repoRoot.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
        String note = header.substring(header.indexOf("# Scaling:"), header.indexOf("\nname:"));
        assertThat(note).as("the compose file's scaling note")
                .contains(range.group(1) + " and " + range.group(2));
    }

    @Test
    void theHealthcheckAsksTheReadinessProbeOnThePortTheEngineListensOnInItsContainer() throws IOException {
        // The engine listens on server.port, ${PORT:8080}; the ports entry maps that container port.
        Matcher serverPort = Pattern.compile("(?m)^server:\\s*\\n(?:\\s+#.*\\n)*\\s+port: \\$\\{PORT:(\\d+)}")
                .matcher(Files.readString(repoRoot.resolve("api/src/main/resources/application.yml"),
                        StandardCharsets.UTF_8));
        assertThat(serverPort.find()).as("server.port in application.yml").isTrue();
        Map<String, String> engine = environmentOf("engine");
        String listensOn = engine.getOrDefault("SERVER_PORT", engine.getOrDefault("PORT", serverPort.group(1)));

        String ports = String.valueOf(((List<?>) service("engine").get("ports")).get(0));
        assertThat(ports.substring(ports.lastIndexOf(':') + 1)).as("container port of %s", ports).isEqualTo(listensOn);
        assertThat(healthcheckOf("engine")).contains("http://localhost:" + listensOn + "/actuator/health/readiness");
    }

    @Test
    void engineWaitsForHealthyPostgresAndKafka() {
        Map<String, Object> dependsOn = asMap(service("engine").get("depends_on"));

        assertThat(asMap(dependsOn.get("postgres"))).containsEntry("condition", "service_healthy");
        assertThat(asMap(dependsOn.get("kafka"))).containsEntry("condition", "service_healthy");
        assertThat(dependsOn).containsKey("mailpit");

        assertThat(healthcheckOf("postgres")).contains("pg_isready");
        assertThat(healthcheckOf("kafka")).contains("kafka-broker-api-versions.sh");
        assertThat(healthcheckOf("engine")).contains("/actuator/health/readiness");
    }

    @Test
    void everyVariableTheEngineReceivesIsOneTheApplicationReads() throws IOException {
        Path resources = repoRoot.resolve("api/src/main/resources");
        StringBuilder configuration = new StringBuilder();
        for (String file : List.of("application.yml", "application-postgres.yml")) {
            Path path = resources.resolve(file);
            assertThat(path).as("the application's %s", file).exists();
            configuration.append(Files.readString(path, StandardCharsets.UTF_8)).append('\n');
        }

        List<String> unread = environmentOf("engine").keySet().stream()
                .filter(variable -> !RELAXED_BINDING_VARIABLES.contains(variable))
                .filter(variable -> !configuration.toString().contains("${" + variable))
                .toList();

        assertThat(unread)
                .as("engine variables no ${NAME} placeholder in application.yml or application-postgres.yml reads")
                .isEmpty();
    }

    @Test
    void engineIsBuiltByADockerfileWhoseFinalStageRunsTheApiJar() throws Exception {
        Object build = service("engine").get("build");
        assertThat(build).as("engine.build").isNotNull();
        String context = build instanceof Map<?, ?> map ? String.valueOf(map.get("context")) : String.valueOf(build);
        String dockerfileName = build instanceof Map<?, ?> map && map.get("dockerfile") != null
                ? String.valueOf(map.get("dockerfile"))
                : "Dockerfile";
        Path dockerfile = repoRoot.resolve(context).resolve(dockerfileName).normalize();
        assertThat(dockerfile).exists();

        List<String> lines = Files.readAllLines(dockerfile, StandardCharsets.UTF_8);
        int finalStage = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().toUpperCase(Locale.ROOT).startsWith("FROM ")) {
                finalStage = i;
            }
        }
        assertThat(finalStage).as("a FROM line in %s", dockerfile).isNotNegative();
        assertThat(lines.subList(finalStage, lines.size()))
                .as("final stage of %s", dockerfile)
                .anyMatch(
                        line -> line.trim().toUpperCase(Locale.ROOT).startsWith("COPY ") && line.contains(ENGINE_JAR));

        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(repoRoot.resolve("api/pom.xml").toFile());
        String finalName = XPathFactory.newInstance().newXPath()
                .evaluate("/*[local-name()='project']/*[local-name()='build']/*[local-name()='finalName']", pom);
        assertThat(finalName).as("<build><finalName> of api/pom.xml").isEqualTo("onboarding-engine");
    }

    private static Path findRepoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        return fail("no directory containing docker-compose.yml and mvnw above " + Path.of("").toAbsolutePath());
    }

    private static Map<String, Object> services() {
        return asMap(compose.get("services"));
    }

    private static Map<String, Object> service(String name) {
        assertThat(services()).containsKey(name);
        return asMap(services().get(name));
    }

    /** The environment in either of the forms compose accepts: a map, or a list of NAME=value. */
    private static Map<String, String> environmentOf(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach(
                    (key, value) -> variables.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] parts = String.valueOf(entry).split("=", 2);
                variables.put(parts[0], parts.length > 1 ? parts[1] : null);
            }
        }
        return variables;
    }

    private static String healthcheckOf(String name) {
        Map<String, Object> healthcheck = asMap(service(name).get("healthcheck"));
        assertThat(healthcheck).as("healthcheck of %s", name).isNotEmpty().doesNotContainEntry("disable", true);
        Object test = healthcheck.get("test");
        if (test instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(" "));
        }
        return String.valueOf(test);
    }

    /** "PLAINTEXT://kafka:9092,CONTROLLER://:9093" as listener name to host:port. */
    private static Map<String, String> listeners(String listeners) {
        assertThat(listeners).isNotBlank();
        Map<String, String> byName = new LinkedHashMap<>();
        for (String listener : listeners.split("\\s*,\\s*")) {
            String[] parts = listener.split("://", 2);
            assertThat(parts).as("listener %s", listener).hasSize(2);
            byName.put(parts[0], parts[1]);
        }
        return byName;
    }

    private static String portOf(String hostAndPort) {
        assertThat(hostAndPort).isNotNull().contains(":");
        return hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
