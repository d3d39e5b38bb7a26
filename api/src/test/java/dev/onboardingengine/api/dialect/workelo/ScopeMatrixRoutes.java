package dev.onboardingengine.api.dialect.workelo;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.springframework.http.HttpMethod;

/**
 * The scope matrix's table: one entry for every route of the application ({@code "GET /employees/{id}"},
 * {@code "ANY /portal/**"}), saying what the route is keyed by, how to call it for a person, who may reach
 * whom through it, and what it answers then. {@link GeneratedScopeMatrixIntegrationTests} reads the routes
 * from the application itself and fails, naming them, for routes without an entry here.
 */
final class ScopeMatrixRoutes {

    /** What the route is about: a person (or their track or paperwork), a list of people, or nobody. */
    enum Key {
        PERSON, TRACK, PAPERWORK, LIST, NONE
    }

    /** A caller kind as the matrix sees it. */
    record Who(String name, Set<String> sees, Set<String> changes) {

        boolean admin() {
            return name.equals("admin");
        }

        boolean organisationWide() {
            return admin() || name.equals("hr unscoped");
        }
    }

    /** A person of the matrix and what the fixture made for them (track, paperwork); ids may be null. */
    record Person(String key, long id, String uuid, String email, String externalId, String lastName, long trackId,
            Long formId, Long legalNameId, Long identityId, Long documentId, Long fileId, String attachmentId) {
    }

    /** What a request is built from: the person (null for NONE and LIST routes) and the fixture's ids. */
    record Target(Person person, long unitA, long unitB, String departmentA, String word) {
    }

    record Call(HttpMethod method, String path, String body) {
    }

    /**
     * @param call null for a person this route does not apply to (no paperwork, no external id)
     * @param allowed whether the caller may reach the person (for NONE and LIST routes: the caller at all)
     * @param answers what an allowed call answers
     * @param refusals what a refused call answers
     * @param refusalsOnly the allowed call is not made (it would delete, cancel or submit what others use)
     */
    record Entry(Key key, Function<Target, Call> call, BiPredicate<Who, Person> allowed, Set<Integer> answers,
            Set<Integer> refusals, boolean refusalsOnly) {
    }

    private static final Set<Integer> NOT_REACHED = Set.of(403, 404);
    private static final BiPredicate<Who, Person> READ = (who, person) -> who.sees().contains(person.key());
    private static final BiPredicate<Who, Person> WRITE = (who, person) -> who.changes().contains(person.key());
    private static final BiPredicate<Who, Person> ADMIN = (who, person) -> who.admin();
    private static final BiPredicate<Who, Person> ORGANISATION_WIDE = (who, person) -> who.organisationWide();
    private static final BiPredicate<Who, Person> READERS = (who, person) -> !who.sees().isEmpty();
    private static final BiPredicate<Who, Person> NOBODY = (who, person) -> false;
    private static final BiPredicate<Who, Person> ANYONE = (who, person) -> true;
    /** Creating someone who names the person (manager, buddy) in a dialect without units. */
    private static final BiPredicate<Who, Person> UNSCOPED_WRITERS = (who, person) -> who.organisationWide();

    static final Map<String, Entry> ROUTES = new LinkedHashMap<>();

    static {
        // The directory (Workelo), keyed by the person
        person("GET /employees/{id}", READ, t -> get("/employees/" + t.person().id()), 200);
        person("PUT /employees/{id}", WRITE,
                t -> put("/employees/" + t.person().id(), "{\"job_position\": \"Matrix\"}"), 200);
        person("POST /employees/{id}/identifications", WRITE, t -> post("/employees/" + t.person().id()
                + "/identifications", "{\"identification_resource_id\": 1, \"value\": \"BADGE-" + t.word() + "\"}"),
                200, 201);
        person("GET /employees/{id}/identifications", READ,
                t -> get("/employees/" + t.person().id() + "/identifications"), 200);
        person("GET /employees/{employeeId}/unit_organization_managements", READ,
                t -> get("/employees/" + t.person().id() + "/unit_organization_managements"), 200);
        person("POST /employees/{employeeId}/unit_organization_managements", ADMIN, t -> post("/employees/"
                + t.person().id() + "/unit_organization_managements", "{\"unit_organization_id\": " + t.unitB() + "}"),
                200, 201);
        person("GET /api/journeys/{employeeId}", READ, t -> get("/api/journeys/" + t.person().id()), 200);
        person("POST /api/journeys/{employeeId}/sequences", ADMIN,
                t -> post("/api/journeys/" + t.person().id() + "/sequences", "{\"sequences\": []}"), 400);
        person("GET /user_magic_links/{employeeId}", WRITE, t -> get("/user_magic_links/" + t.person().id()), 200, 409);
        person("GET /user_magic_links_by_email/{email}", WRITE,
                t -> get("/user_magic_links_by_email/" + t.person().email()), 200, 409);
        person("GET /user_magic_links_by_external_id/{externalId}", WRITE, t -> t.person().externalId() == null
                ? null
                : get("/user_magic_links_by_external_id/" + t.person().externalId()), 200, 409);
        person("GET /owners/{ownerId}/actions", READ, t -> get("/owners/" + t.person().id() + "/actions"), 200);
        // Offly and Bridge, keyed by the person
        person("GET /api/v1/users/{id}", READ, t -> get("/api/v1/users/" + t.person().uuid()), 200);
        person("PATCH /api/v1/users/{id}", WRITE,
                t -> new Call(HttpMethod.PATCH, "/api/v1/users/" + t.person().uuid(), "{\"job_title\": \"Matrix\"}"),
                200);
        refusals("DELETE /api/v1/users/{id}", Key.PERSON, WRITE, t -> delete("/api/v1/users/" + t.person().uuid()));
        refusals("DELETE /api/admin/users/{id}", Key.PERSON, WRITE, t -> delete("/api/admin/users/" + t.person().id()));
        refusals("POST /api/admin/users/{id}/hide", Key.PERSON, WRITE,
                t -> post("/api/admin/users/" + t.person().id() + "/hide", null));
        person("GET /api/admin/users/{id}/summary", READ, t -> get("/api/admin/users/" + t.person().id() + "/summary"),
                200);
        // Creations that name the person as manager or buddy
        ROUTES.put("POST /employees", new Entry(Key.PERSON, t -> post("/employees", """
                {"first_name": "Named", "last_name": "By", "email": "named.%s@example.com", "unit_organization_id": %d,
                 "manager_id": %d}""".formatted(t.word(), t.unitA(), t.person().id())), WRITE, Set.of(201),
                Set.of(400, 403), false));
        ROUTES.put("POST /tracks", new Entry(Key.PERSON, t -> post("/tracks", """
                {"mobility": "onboarding", "start_date": "2026-09-01", "implications": {"buddy_id": %d},
                 "employee": {"first_name": "Tracked", "last_name": "By", "email": "tracked.%s@example.com",
                              "unit_organization_id": %d}}""".formatted(t.person().id(), t.word(), t.unitA())),
                WRITE, Set.of(201), Set.of(400, 403), false));
        ROUTES.put("POST /api/v1/users", new Entry(Key.PERSON, t -> post("/api/v1/users", """
                {"first_name": "Offly", "last_name": "By", "email": "offly.%s@example.com", "department_id": "%s",
                 "manager_id": "%s", "role": "colleague"}""".formatted(t.word(), t.departmentA(), t.person().uuid())),
                // Offly documents a body field's error as 422 validation_error
                WRITE, Set.of(201), Set.of(422, 403), false));
        for (String path : new String[]{"/api/users/", "/api/users"}) {
            ROUTES.put("POST " + path,
                    new Entry(Key.PERSON,
                            t -> post(path,
                                    """
                                            {"first_name": "Chief", "last_name": "By", "email": "chief.%s@example.com", "role": 3, "buddy": %d}"""
                                            .formatted(t.word(), t.person().id())),
                            UNSCOPED_WRITERS, Set.of(201), Set.of(400, 403), false));
        }
        ROUTES.put("POST /api/admin/users",
                new Entry(Key.PERSON,
                        t -> post("/api/admin/users",
                                """
                                        {"users": [{"uid": "bridge-%s", "first_name": "Bridge", "last_name": "By",
                                         "email": "bridge.%s@example.com", "manager_id": "%d"}]}""".formatted(t.word(),
                                        t.word(), t.person().id())),
                        UNSCOPED_WRITERS, Set.of(200, 201), Set.of(400, 403), false));
        // Tracks, keyed by the person's track
        track("GET /tracks/{id}", READ, t -> get("/tracks/" + t.person().trackId()), 200);
        track("PUT /tracks/{id}/start", WRITE, t -> put("/tracks/" + t.person().trackId() + "/start", null), 200, 409);
        refusals("PUT /tracks/{id}/cancel", Key.TRACK, WRITE,
                t -> put("/tracks/" + t.person().trackId() + "/cancel", null));
        track("PUT /tracks/{id}", WRITE, t -> put("/tracks/" + t.person().trackId(), "{\"end_date\": \"2027-12-31\"}"),
                200);
        track("GET /tracks/{trackId}/forms", READ, t -> get("/tracks/" + t.person().trackId() + "/forms"), 200);
        track("GET /tracks/{trackId}/documents", READ, t -> get("/tracks/" + t.person().trackId() + "/documents"), 200);
        // Paperwork, keyed by the person's form, paperwork, file, document or attachment
        paperwork("GET /forms/{id}", READ, t -> get("/forms/" + t.person().formId()), 200);
        for (String step : new String[]{"submit", "validate", "reopen"}) {
            refusals("PUT /forms/{id}/" + step, Key.PAPERWORK, WRITE,
                    t -> put("/forms/" + t.person().formId() + "/" + step, null));
        }
        paperwork("PUT /paperworks/{id}", WRITE,
                t -> put("/paperworks/" + t.person().legalNameId(), "{\"value\": \"Matrix\"}"), 200);
        ROUTES.put("POST /paperwork_files",
                new Entry(Key.PAPERWORK, t -> post("/paperwork_files", upload("paperwork_id",
                        t.person().identityId())), WRITE, Set.of(201), Set.of(400, 403, 404), false));
        paperwork("GET /paperwork_files/{id}", READ, t -> get("/paperwork_files/" + t.person().fileId()), 200);
        ROUTES.put("POST /attachments", new Entry(Key.PAPERWORK, t -> post("/attachments", upload("document_id",
                t.person().documentId())), WRITE, Set.of(201), Set.of(400, 403, 404), false));
        paperwork("GET /attachments/{id}", READ, t -> get("/attachments/" + t.person().attachmentId()), 200);
        // Lists of people
        list("GET /employees", "/employees?limit=200");
        list("GET /api/employees/", "/api/employees/");
        list("GET /api/employees", "/api/employees");
        list("GET /tracks", "/tracks?limit=200");
        list("GET /api/v1/users", "/api/v1/users?limit=100");
        // Reference data every reader shares: holds nobody's data
        for (String path : new String[]{"/user_roles", "/identification_resources", "/level_organizations",
                "/unit_organizations", "/templates", "/api/sequences/", "/api/sequences", "/paperwork_resources",
                "/document_resources"}) {
            none("GET " + path, ANYONE, t -> get(path), Set.of(200, 403), false);
        }
        none("GET /unit_organizations/{id}", ANYONE, t -> get("/unit_organizations/" + t.unitA()), Set.of(200, 403),
                false);
        none("GET /collection_values", ANYONE, t -> get("/collection_values"), Set.of(200, 400, 403), false);
        // Organisation-wide and administrators' routes
        none("POST /unit_organizations", ORGANISATION_WIDE, t -> post("/unit_organizations", "{}"), Set.of(), true);
        none("PUT /unit_organizations/{id}", ORGANISATION_WIDE, t -> put("/unit_organizations/" + t.unitB(), "{}"),
                Set.of(), true);
        none("DELETE /unit_organization_managements/{id}", ADMIN,
                t -> delete("/unit_organization_managements/" + Long.MAX_VALUE), Set.of(404), false);
        none("POST /document_resources", ORGANISATION_WIDE, t -> post("/document_resources", "{}"), Set.of(), true);
        none("POST /collection_values", ORGANISATION_WIDE, t -> post("/collection_values", "{}"), Set.of(), true);
        none("PUT /collection_values/{id}", ORGANISATION_WIDE, t -> put("/collection_values/" + Long.MAX_VALUE, "{}"),
                Set.of(), true);
        none("GET /logs", ORGANISATION_WIDE, t -> get("/logs"), Set.of(200), false);
        none("GET /logs/{uuid}", ORGANISATION_WIDE, t -> get("/logs/" + UUID.randomUUID()), Set.of(404), false);
        none("POST /api/webhooks", ADMIN, t -> post("/api/webhooks", "{}"), Set.of(), true);
        none("GET /api/webhooks", ADMIN, t -> get("/api/webhooks"), Set.of(200), false);
        none("GET /api/webhooks/{id}", ADMIN, t -> get("/api/webhooks/" + Long.MAX_VALUE), Set.of(404), false);
        none("POST /api/webhooks/{id}/rotate-secret", ADMIN,
                t -> post("/api/webhooks/" + Long.MAX_VALUE + "/rotate-secret",
                        null),
                Set.of(), true);
        none("DELETE /api/webhooks/{id}", ADMIN, t -> delete("/api/webhooks/" + Long.MAX_VALUE), Set.of(), true);
        none("GET /api/webhooks/{id}/deliveries", ADMIN, t -> get("/api/webhooks/" + Long.MAX_VALUE + "/deliveries"),
                Set.of(404), false);
        none("POST /api/admin/process-migrations", ADMIN, t -> post("/api/admin/process-migrations", "{}"), Set.of(400),
                false);
        none("POST /api/actions/{actionId}/complete", NOBODY, t -> post("/api/actions/no-such-action/complete", null),
                Set.of(), false);
        // The portal: its token is the credential, an API token opens nothing there
        String token = "/portal/" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        portal("GET /portal/{token}", t -> get(token));
        portal("POST /portal/{token}/actions/{actionId}/complete", t -> post(token + "/actions/1/complete", null));
        portal("GET /portal/{token}/forms/{formId}", t -> get(token + "/forms/1"));
        portal("POST /portal/{token}/forms/{formId}", t -> post(token + "/forms/1", null));
        portal("GET /portal/{token}/documents/{documentId}/file", t -> get(token + "/documents/1/file"));
        portal("POST /portal/{token}/documents/{documentId}/acknowledge",
                t -> post(token + "/documents/1/acknowledge", null));
        portal("ANY /portal", t -> get("/portal"));
        portal("ANY /portal/**", t -> get("/portal/somewhere/else"));
        none("GET /portal/all-done", ANYONE, t -> get("/portal/all-done"), Set.of(200), false);
        none("GET /portal/portal.css", ANYONE, t -> get("/portal/portal.css"), Set.of(200), false);
        none("GET /portal/new-link", ANYONE, t -> get("/portal/new-link"), Set.of(200), false);
        // Slack: people's Slack matches for administrators; the interactive endpoint takes Slack's signature,
        // never an API token (unsigned: 401)
        person("GET /api/slack/members/{employeeId}", ADMIN, t -> get("/api/slack/members/" + t.person().id()), 200);
        person("PUT /api/slack/members/{employeeId}", ADMIN, t -> put("/api/slack/members/" + t.person().id(),
                "{\"slack_user_id\": \"UMATRIX01\"}"), 200);
        person("DELETE /api/slack/members/{employeeId}", ADMIN, t -> delete("/api/slack/members/" + t.person().id()),
                204);
        none("POST /slack/interactions", NOBODY, t -> post("/slack/interactions", null), Set.of(401), false);
        // Spring Boot's error page, answered by the engine's own (ErrorEndpoint): nobody's data
        none("ANY /error", ANYONE, t -> get("/error"), Set.of(200, 404), false);
        // One client address may ask ten times per window, shared with every other test: 429 is an answer too.
        none("POST /portal/new-link", ANYONE, t -> post("/portal/new-link", null), Set.of(200, 400, 415, 429), false);
    }

    private ScopeMatrixRoutes() {
    }

    private static void person(String route, BiPredicate<Who, Person> allowed, Function<Target, Call> call,
            Integer... answers) {
        ROUTES.put(route, new Entry(Key.PERSON, call, allowed, Set.of(answers), NOT_REACHED, false));
    }

    private static void track(String route, BiPredicate<Who, Person> allowed, Function<Target, Call> call,
            Integer... answers) {
        ROUTES.put(route, new Entry(Key.TRACK, call, allowed, Set.of(answers), NOT_REACHED, false));
    }

    private static void paperwork(String route, BiPredicate<Who, Person> allowed, Function<Target, Call> call,
            Integer... answers) {
        ROUTES.put(route, new Entry(Key.PAPERWORK, call, allowed, Set.of(answers), NOT_REACHED, false));
    }

    private static void refusals(String route, Key key, BiPredicate<Who, Person> allowed, Function<Target, Call> call) {
        ROUTES.put(route, new Entry(key, call, allowed, Set.of(), NOT_REACHED, true));
    }

    private static void list(String route, String path) {
        ROUTES.put(route, new Entry(Key.LIST, t -> get(path), READERS, Set.of(200), Set.of(403), false));
    }

    private static void none(String route, BiPredicate<Who, Person> allowed, Function<Target, Call> call,
            Set<Integer> answers, boolean refusalsOnly) {
        ROUTES.put(route, new Entry(Key.NONE, call, allowed, answers, NOT_REACHED, refusalsOnly));
    }

    private static void portal(String route, Function<Target, Call> call) {
        ROUTES.put(route, new Entry(Key.NONE, call, NOBODY, Set.of(), Set.of(404, 415), false));
    }

    private static String upload(String field, Long id) {
        return "{\"%s\": %d, \"file\": \"%s\", \"file_name\": \"matrix.pdf\"}".formatted(field, id,
                Base64.getEncoder().encodeToString(WorkeloPaperworkSeedExamplesIntegrationTests.PDF));
    }

    private static Call get(String path) {
        return new Call(HttpMethod.GET, path, null);
    }

    private static Call post(String path, String body) {
        return new Call(HttpMethod.POST, path, body);
    }

    private static Call put(String path, String body) {
        return new Call(HttpMethod.PUT, path, body);
    }

    private static Call delete(String path) {
        return new Call(HttpMethod.DELETE, path, null);
    }
}
