package dev.onboardingengine.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.RawHttp;
import dev.onboardingengine.api.RawHttp.Answer;
import dev.onboardingengine.api.auth.ApiTokens;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.fuzz.OpenApiOperations.Field;
import dev.onboardingengine.api.fuzz.OpenApiOperations.Operation;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.api.organisation.Scopes;
import dev.onboardingengine.api.organisation.UnitChange;

/**
 * Walks the running engine's own OpenAPI description and sends every documented operation generated
 * bad input, as the administrator and (a share of it) as every other role: an HR and a manager scoped to
 * one unit, an HR without scopes, a colleague and the new hire: wrong types, nulls, empty, long and
 * 1 MB strings, unicode, deep and huge JSON, a key given twice, boundary and overflow numbers, invalid
 * dates and time zones, unknown ids and ids of another unit, wrong Content-Type and Accept. Asserts no
 * 5xx, a 400 that names a field when a field was wrong, and, after every refused request, the same row
 * count in every application table and no new outbox event. An operation in the document that no
 * request reached fails the suite. Prints {@code FUZZ operations=.. covered=.. requests=.. 5xx=..
 * halfSaves=..}.
 */
@ApiIntegrationTest
class OpenApiFuzzIntegrationTests {

    private static final long SEED = 18L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NewHireService hires;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Organisations organisations;
    @Autowired
    Scopes scopes;

    private final List<String> failures = new ArrayList<>();
    private final Set<String> covered = new LinkedHashSet<>();
    private int requests;
    private final Map<String, Integer> statuses = new java.util.TreeMap<>();
    private int serverErrors;
    private int halfSaves;
    private int unnamed;
    private TableCounts tables;
    private Map<String, Long> counts;
    private RawHttp http;
    private Seeds seeds;

    /** Real things to point path variables at: a person in the HR's unit, one in another unit, a track. */
    /**
     * @param roleTokens every other role's token: a manager scoped to the unit, an HR without scopes, a
     *     colleague and the new hire themselves, each sent the scoped HR's share of bad input
     */
    record Seeds(Employee inScope, Employee otherUnit, long unit, long track, String auditUuid, String hrToken,
            Map<String, String> query, Map<String, String> roleTokens) {
    }

    @Test
    void everyDocumentedOperationAnswersBadInputWithA4xxAndWritesNothing() throws Exception {
        http = new RawHttp(port);
        Answer docs = http.send("GET", "/v3/api-docs", null, null, "application/json", null);
        assertThat(docs.status()).isEqualTo(200);
        List<Operation> operations = new ArrayList<>(OpenApiOperations.of(JSON.readTree(docs.body())));
        // Deleting, hiding and cancelling last, so that earlier operations still find the seeded people.
        operations.sort(Comparator.comparing(OpenApiFuzzIntegrationTests::destructive));
        seeds = seed();
        tables = new TableCounts(jdbc);
        counts = tables.settled();
        BadInputs inputs = new BadInputs(SEED);
        long started = System.nanoTime();
        for (Operation operation : operations) {
            List<String> roles = new ArrayList<>(List.of("admin", "hr"));
            roles.addAll(seeds.roleTokens().keySet());
            for (String role : roles) {
                boolean admin = role.equals("admin");
                String token = admin
                        ? "Token " + dev.onboardingengine.api.ApiIntegrationTest.ADMIN_TOKEN
                        : role.equals("hr") ? "Bearer " + seeds.hrToken() : "Bearer " + seeds.roleTokens().get(role);
                Map<String, String> ids = realIds(operation, admin ? seeds.inScope() : seeds.otherUnit());
                String body = operation.bodyType() == null ? null : "{}";
                send(operation, role, token, ids, Map.of(), body, null, null, null);
                for (Field parameter : operation.pathParameters()) {
                    for (String unknown : BadInputs.unknownIds()) {
                        Map<String, String> wrong = new LinkedHashMap<>(ids);
                        wrong.put(parameter.name(), unknown);
                        send(operation, role, token, wrong, Map.of(), body, null, null, null);
                    }
                }
                for (Field parameter : operation.queryParameters()) {
                    for (String value : inputs.forParameter(admin ? Integer.MAX_VALUE : 2)) {
                        send(operation, role, token, ids, Map.of(parameter.name(), value), body, parameter.name(), null,
                                null);
                    }
                }
                if (operation.bodyType() != null && operation.bodyType().contains("json")) {
                    for (Field field : operation.bodyFields()) {
                        for (String value : inputs.forField(field, admin ? 5 : 1)) {
                            send(operation, role, token, ids, Map.of(), "{\"" + field.name() + "\":" + value + "}",
                                    field.name(), null, null);
                        }
                    }
                    for (String whole : admin ? BadInputs.wholeBodies(operation.bodyFields()) : List.of("not json")) {
                        send(operation, role, token, ids, Map.of(), whole, null, null, null);
                    }
                    send(operation, role, token, ids, Map.of(), "{}", null, "text/plain", null);
                    send(operation, role, token, ids, Map.of(), "<user/>", null, "application/xml", null);
                }
                send(operation, role, token, ids, Map.of(), body, null, null, "text/html");
                send(operation, role, token, ids, Map.of(), body, null, null, "application/xml");
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Set<String> documented = new LinkedHashSet<>(operations.stream().map(Operation::key).toList());
        Set<String> missing = new LinkedHashSet<>(documented);
        missing.removeAll(covered);
        System.out.printf("FUZZ operations=%d covered=%d requests=%d 5xx=%d halfSaves=%d unnamedFields=%d tables=%d "
                + "seconds=%.1f statuses=%s byPrefix=%s%n", documented.size(), covered.size(), requests, serverErrors,
                halfSaves, unnamed, tables.tables.size(), seconds, statuses,
                OpenApiOperations.byFirstSegment(operations));
        failures.stream().limit(60).forEach(failure -> System.out.println("FUZZ failure: " + failure));
        assertThat(missing).as("documented operations that no request reached").isEmpty();
        assertThat(failures).isEmpty();
    }

    private void send(Operation operation, String role, String token, Map<String, String> ids,
            Map<String, String> query,
            String body, String field, String contentType, String accept) throws Exception {
        String path = operation.path();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        // The documented parameters that the fuzzer knows a good value for, unless this request spoils one:
        // so that a bad body reaches the code behind a required selection (collection_values' resource).
        Map<String, String> parameters = new LinkedHashMap<>();
        operation.queryParameters().stream().filter(parameter -> seeds.query().containsKey(parameter.name()))
                .forEach(parameter -> parameters.put(parameter.name(), seeds.query().get(parameter.name())));
        parameters.putAll(query);
        StringBuilder url = new StringBuilder(path);
        parameters.forEach(
                (name, value) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(value));
        String type = contentType != null ? contentType : body == null ? null : "application/json";
        Instant sent = Instant.now();
        Answer answer = http.send(operation.method(), url.toString(), token, type, accept, body);
        requests++;
        statuses.merge(role + " " + answer.status(), 1, Integer::sum);
        covered.add(operation.key());
        String what = "%s %s %s as %s (field %s, type %s, accept %s, body %s)".formatted(operation.method(), url,
                operation.id(), role, field, type, accept, body == null
                        ? null
                        : body.substring(0, Math.min(80, body.length())));
        if (answer.status() >= 500) {
            serverErrors++;
            failures.add("5xx " + answer.status() + " " + what + ": " + cut(answer.body()));
        }
        if (answer.status() >= 400) {
            Map<String, Long> after = tables.now();
            long events = tables.eventsSince(sent);
            if (!after.equals(counts) || events > 0) {
                Map<String, Long> settled = tables.settled();
                if (!settled.equals(counts) || events > 0) {
                    halfSaves++;
                    failures.add(
                            "half-save " + answer.status() + " " + what + ": " + changed(counts, settled) + " events="
                                    + events);
                }
                counts = settled;
            }
            if (answer.status() == 400 && field != null && !namesAField(answer.body(), field, operation)) {
                unnamed++;
                failures.add("400 without the field " + what + ": " + cut(answer.body()));
            }
        } else if (operation.writes()) {
            counts = tables.settled();
        }
    }

    /**
     * The field itself, or, the rest of the body being absent or the field a list of objects, the fields
     * that are wrong: a problem member that holds a list of messages. Never a 400 that names nothing.
     */
    private static boolean namesAField(String body, String field, Operation operation) {
        if (body.contains("\"" + field + "\"") || body.contains("field:" + field)) {
            return true;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            for (java.util.Iterator<Map.Entry<String, JsonNode>> members = problem.fields(); members.hasNext();) {
                Map.Entry<String, JsonNode> member = members.next();
                if (!Set.of("type", "title", "status", "detail", "instance").contains(member.getKey())
                        && member.getValue().isArray() && !member.getValue().isEmpty()
                        && member.getValue().get(0).isTextual()) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException notJson) {
            return false;
        }
    }

    private Map<String, String> realIds(Operation operation, Employee person) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Field parameter : operation.pathParameters()) {
            String path = operation.path();
            String value;
            if (path.startsWith("/api/v1/users") || "uuid".equals(parameter.format()) && !path.startsWith("/logs")) {
                value = person.uuid().toString();
            } else if (path.startsWith("/tracks") || parameter.name().equals("trackId")) {
                value = Long.toString(seeds.track());
            } else if (path.startsWith("/unit_organizations/")) {
                value = Long.toString(seeds.unit());
            } else if (path.startsWith("/logs")) {
                value = seeds.auditUuid();
            } else {
                value = Long.toString(person.id());
            }
            ids.put(parameter.name(), value);
        }
        return ids;
    }

    private Seeds seed() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long root = organisations.units(null).stream().filter(unit -> "root".equals(unit.externalId())).findFirst()
                .orElseThrow().id();
        long unitA = organisations.create(new UnitChange("FUZZ-A-" + run, "Fuzz A", 2L, root, null), null).id();
        long unitB = organisations.create(new UnitChange("FUZZ-B-" + run, "Fuzz B", 2L, root, null), null).id();
        Employee inScope = hires.hire(person("in-scope", EmployeeRole.NEW_HIRE, unitA, run), null);
        Employee otherUnit = hires.hire(person("other-unit", EmployeeRole.COLLEAGUE, unitB, run), null);
        Employee hr = hires.hire(person("hr", EmployeeRole.HR, null, run), null);
        scopes.grant(hr.id(), unitA, null);
        Employee manager = hires.hire(person("manager", EmployeeRole.MANAGER, unitA, run), null);
        scopes.grant(manager.id(), unitA, null);
        Map<String, String> roleTokens = new LinkedHashMap<>();
        roleTokens.put("manager", tokens.issue(manager, null));
        roleTokens.put("hr-unscoped",
                tokens.issue(hires.hire(person("hr-unscoped", EmployeeRole.HR, null, run), null), null));
        roleTokens.put("colleague",
                tokens.issue(hires.hire(person("colleague", EmployeeRole.COLLEAGUE, unitA, run), null), null));
        roleTokens.put("new-hire", tokens.issue(inScope, null));
        Answer track = http.asAdmin("POST", "/tracks",
                """
                        {"start_date":"%s","employee":{"first_name":"Fuzz","last_name":"Track","email":"fuzz.track.%s@example.com",
                         "unit_organization_id":%d}}"""
                        .formatted(LocalDate.now().plusDays(20), run, unitA));
        assertThat(track.status()).as(track.body()).isEqualTo(201);
        // The sequence catalog is written from the deployed diagrams on first use: used here, so that it
        // is not mistaken for a write of the first request that happens to read it.
        assertThat(http.asAdmin("GET", "/api/sequences/", null).status()).isEqualTo(200);
        assertThat(http.asAdmin("GET", "/templates", null).status()).isEqualTo(200);
        String audit = jdbc.sql("select uuid from audit_entry order by id limit 1").query(String.class).single();
        long tshirts = jdbc.sql("select id from paperwork_resource where resource_key = 'tshirt_size'")
                .query(Long.class).single();
        return new Seeds(inScope, otherUnit, unitA, ((Number) track.json().get("id")).longValue(), audit,
                tokens.issue(hr, null),
                Map.of("resource_type", "PaperworkResource", "resource_id", Long.toString(tshirts)),
                roleTokens);
    }

    private static NewHire person(String name, EmployeeRole role, Long unit, String run) {
        return NewHire.builder().firstName("Fuzz").lastName(name).email("fuzz." + name + "." + run + "@example.com")
                .role(role).startDay(LocalDate.now().plusDays(30)).externalId("FUZZ-" + name + "-" + run)
                .unitOrganizationId(unit).build();
    }

    private static boolean destructive(Operation operation) {
        return operation.method().equals("DELETE")
                || operation.path().matches(".*/(hide|cancel|reopen|validate|submit)$");
    }

    private static String changed(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((table, count) -> {
            if (!count.equals(before.get(table))) {
                changed.put(table, before.get(table) + "->" + count);
            }
        });
        return changed.toString();
    }

    private static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
