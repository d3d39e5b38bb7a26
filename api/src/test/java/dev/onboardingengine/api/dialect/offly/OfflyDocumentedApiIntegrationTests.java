package dev.onboardingengine.api.dialect.offly;

import static dev.onboardingengine.api.dialect.offly.OfflyAnswers.code;
import static dev.onboardingengine.api.dialect.offly.OfflyAnswers.data;
import static dev.onboardingengine.api.dialect.offly.OfflyAnswers.error;
import static dev.onboardingengine.api.dialect.offly.OfflyAnswers.fields;
import static dev.onboardingengine.api.dialect.offly.OfflyAnswers.pagination;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.RawHttp;
import dev.onboardingengine.api.auth.ApiTokens;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.api.directory.DirectoryEntries;
import dev.onboardingengine.api.directory.Employees;

/**
 * Offly's users API as its public documentation describes it, where the seed is an excerpt:
 * <ul>
 * <li>docs.offly.net "Pagination": every list is {@code {"data":[...],"pagination":{"next_cursor","has_more"}}},
 * {@code limit} 25 by default and at most 100, {@code cursor=} the opaque {@code next_cursor};</li>
 * <li>docs.offly.net "Errors": {@code {"error":{"code","message","details":{"field"}}}} with
 * {@code bad_request} 400, {@code unauthorized} 401, {@code forbidden} 403, {@code not_found} 404,
 * {@code conflict} 409, {@code validation_error} 422, 429, {@code internal_error} 500;</li>
 * <li>docs.offly.net "Authentication": {@code Authorization: Bearer <key>}, and its rate limit's 429;</li>
 * <li>docs.offly.net "Users reference": {@code PATCH}'s schema, {@code department_id} and
 * {@code manager_id} nullable.</li>
 * </ul>
 * Each test uses its own API key, so that the rate limit (set low here) counts one test's calls.
 */
@ApiIntegrationTest
@TestPropertySource(properties = {"onboarding.api.rate-limits.enabled=true",
        "onboarding.api.rate-limits.offly-requests=120", "onboarding.api.rate-limits.offly-window=1h"})
class OfflyDocumentedApiIntegrationTests {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Employees employees;
    @Autowired
    DirectoryEntries entries;

    @Test
    void listsAreTheEnvelopeWithCursorPagesThatUsersAddedMeanwhileDoNotShift() {
        WorkeloClient offly = client();
        for (int i = 0; i < 26; i++) {
            create(offly, "page" + i, "other");
        }

        // limit defaults to 25
        Answer first = offly.get("/api/v1/users");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo("application/json");
        assertThat(first.body()).containsOnlyKeys("data", "pagination");
        assertThat(data(first)).hasSize(25);
        assertThat(pagination(first)).containsOnlyKeys("next_cursor", "has_more").containsEntry("has_more", true);
        assertThat((String) pagination(first).get("next_cursor")).matches("[A-Za-z0-9_-]+");

        // Paging by 7, with a user added after the first page: nobody twice, nobody skipped, the newcomer at the end
        List<Object> seen = new ArrayList<>();
        Answer page = offly.get("/api/v1/users?limit=7");
        seen.addAll(ids(page));
        UUID newcomer = create(offly, "newcomer", "other");
        int pages = 1;
        while ((Boolean) pagination(page).get("has_more")) {
            assertThat(data(page)).hasSize(7);
            page = offly.get("/api/v1/users?limit=7&cursor=" + pagination(page).get("next_cursor"));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            seen.addAll(ids(page));
            pages++;
        }
        assertThat(pagination(page)).containsEntry("next_cursor", null).containsEntry("has_more", false);
        assertThat(seen).doesNotHaveDuplicates().last().isEqualTo(newcomer.toString());
        assertThat(seen).hasSameElementsAs(OfflyAnswers.everyUser(offly, "").stream().map(u -> u.get("id")).toList());
        System.out.println("Offly pagination: " + seen.size() + " users in " + pages + " pages of 7");

        // limit 1 to 100; a cursor that is not one, or is another filter's, is a 400 naming cursor
        for (String limit : List.of("0", "101", "ten")) {
            Answer refused = offly.get("/api/v1/users?limit=" + limit);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(code(refused.body())).isEqualTo("bad_request");
            assertThat(error(refused.body())).extracting("details").extracting("field").isEqualTo("limit");
        }
        assertThat(data(offly.get("/api/v1/users?limit=100"))).hasSizeGreaterThan(25).hasSizeLessThanOrEqualTo(100);
        String activeCursor = (String) pagination(offly.get("/api/v1/users?status=active&limit=1")).get("next_cursor");
        for (String cursor : List.of("not-a-cursor", "djE6MTI6YWN0aXZl!", activeCursor)) {
            Answer refused = offly.get("/api/v1/users?status=pending&cursor=" + cursor);
            assertThat(refused.status()).as(cursor).isEqualTo(400);
            assertThat(code(refused.body())).isEqualTo("bad_request");
            assertThat(fields(refused.body())).containsOnlyKeys("cursor");
        }
    }

    @Test
    void errorsAreOfflysBodyWithItsCodesOnEveryAnswer() {
        WorkeloClient offly = client();
        String taken = "taken." + RUN + "@example.com";
        assertThat(offly.post("/api/v1/users", user(taken, null)).status()).isEqualTo(201);

        // 422 validation_error: the documented example, details.field start_date
        Answer invalid = offly.post("/api/v1/users", """
                {"email":"v.%s@example.com","first_name":"Val","last_name":"Id","start_date":"next monday"}"""
                .formatted(RUN));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.contentType()).isEqualTo("application/json");
        assertThat(error(invalid.body())).containsOnlyKeys("code", "message", "details")
                .containsEntry("code", "validation_error");
        assertThat(error(invalid.body())).extracting("details").extracting("field").isEqualTo("start_date");
        assertThat((String) error(invalid.body()).get("message")).contains("start_date");

        // 409 conflict: the email is taken
        Answer conflict = offly.post("/api/v1/users", user(taken, null));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(code(conflict.body())).isEqualTo("conflict");
        assertThat(fields(conflict.body())).containsOnlyKeys("email");

        // 400 bad_request: broken JSON, a bad id
        Answer broken = offly.post("/api/v1/users", "{\"email\":");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(code(broken.body())).isEqualTo("bad_request");
        assertThat(code(offly.get("/api/v1/users/42").body())).isEqualTo("bad_request");

        // 404 not_found: no such user, no such route under /api/v1/users
        Answer missing = offly.get("/api/v1/users/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(code(missing.body())).isEqualTo("not_found");
        Answer noRoute = offly.get("/api/v1/users/" + UUID.randomUUID() + "/nothing");
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(code(noRoute.body())).isEqualTo("not_found");

        // 401 unauthorized from the token filter, in Offly's body
        for (WorkeloClient stranger : List.of(new WorkeloClient(port, null, objectMapper),
                new WorkeloClient(port, "wrong-" + RUN, objectMapper))) {
            Answer refused = stranger.get("/api/v1/users");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).isEqualTo("application/json");
            assertThat(code(refused.body())).isEqualTo("unauthorized");
            assertThat((String) error(refused.body()).get("message")).isNotBlank();
        }

        // 403 forbidden: a colleague's own key cannot create users
        UUID colleague = create(offly, "colleague", "colleague");
        String colleagueKey = tokens.issue(entries.findByUuid(colleague).orElseThrow().employee(), null);
        Answer forbidden = new WorkeloClient(port, colleagueKey, objectMapper).post("/api/v1/users",
                user("f." + RUN + "@example.com", null));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(code(forbidden.body())).isEqualTo("forbidden");

        // Spring MVC's own refusals under /api/v1/users: 405, 406, 415 in Offly's body too
        RawHttp http = new RawHttp(port);
        String key = "Bearer " + adminKey();
        for (RawHttp.Answer refused : List.of(
                http.send("PUT", "/api/v1/users/" + colleague, key, "application/json", "application/json", "{}"),
                http.send("GET", "/api/v1/users", key, null, "text/html", null),
                http.send("POST", "/api/v1/users", key, "text/plain", "application/json", "x"))) {
            assertThat(refused.status()).as(refused.body()).isIn(405, 406, 415);
            assertThat(refused.contentType()).startsWith("application/json");
            assertThat(code(refused.json())).as(refused.body()).isEqualTo("bad_request");
        }
        // and a parameter input.NulCheck refuses before the handler
        RawHttp.Answer nul = http.send("GET", "/api/v1/users?status=a%00b", key, null, "application/json", null);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(fields(nul.json())).containsOnlyKeys("status");
    }

    @Test
    void patchClearsNullableFieldsAndRefusesFieldsOutsideItsSchema() {
        WorkeloClient offly = client();
        UUID manager = create(offly, "manager", "manager");
        UUID department = OfflyDepartments.uuidOf(new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper)
                .post("/unit_organizations", """
                        {"external_id":"dept-%s","name":"Dept %s","level_organization_id":2,"language":"en"}"""
                        .formatted(RUN, RUN))
                .id());
        Answer created = offly.post("/api/v1/users", """
                {"email":"p.%s@example.com","first_name":"Pat","last_name":"Ch","role":"other",
                 "manager_id":"%s","department_id":"%s"}""".formatted(RUN, manager, department));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).containsEntry("manager_id", manager.toString())
                .containsEntry("department_id", department.toString());
        String path = "/api/v1/users/" + created.body().get("id");

        // A field outside the PATCH schema (email is not in it), or a null where none is allowed: 422 naming each
        Answer outside = offly.call(HttpMethod.PATCH, path,
                "{\"email\":\"new.%s@example.com\",\"id\":\"x\",\"first_name\":null,\"job_title\":\"Lead\"}"
                        .formatted(RUN));
        assertThat(outside.status()).as(outside.toString()).isEqualTo(422);
        assertThat(code(outside.body())).isEqualTo("validation_error");
        assertThat(fields(outside.body())).containsOnlyKeys("email", "id", "first_name")
                .containsEntry("email", List.of("is not a field of this request."))
                .containsEntry("first_name", List.of("may not be null."));
        assertThat(offly.get(path).body()).isEqualTo(created.body());

        // null clears manager_id and department_id; absent leaves them
        Answer keep = offly.call(HttpMethod.PATCH, path, "{\"job_title\":\"Lead\"}");
        assertThat(keep.body()).containsEntry("manager_id", manager.toString())
                .containsEntry("department_id", department.toString()).containsEntry("job_title", "Lead");
        Answer cleared = offly.call(HttpMethod.PATCH, path, "{\"manager_id\":null,\"department_id\":null}");
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.body()).containsEntry("manager_id", null).containsEntry("department_id", null)
                .containsEntry("job_title", "Lead");
        assertThat(offly.get(path).body()).containsEntry("manager_id", null).containsEntry("department_id", null);
        // and a value sets them again
        assertThat(offly.call(HttpMethod.PATCH, path, "{\"manager_id\":\"%s\"}".formatted(manager)).body())
                .containsEntry("manager_id", manager.toString()).containsEntry("department_id", null);
    }

    @Test
    void aKeyOverTheRateLimitHears429InOfflysBodyWithRetryAfterAndOtherKeysDoNot() {
        WorkeloClient offly = client();
        int answered = 0;
        Answer last;
        do {
            last = offly.get("/api/v1/users?limit=1");
            answered++;
        } while (last.status() == 200 && answered <= 200);

        assertThat(answered).isEqualTo(121);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.contentType()).isEqualTo("application/json");
        assertThat(code(last.body())).isEqualTo("rate_limited");
        assertThat(Long.parseLong(last.headers().getFirst("Retry-After"))).isPositive();
        assertThat(client().get("/api/v1/users?limit=1").status()).isEqualTo(200);
        System.out.println("Offly rate limit: 429 after " + (answered - 1) + " requests, Retry-After "
                + last.headers().getFirst("Retry-After") + " s");
    }

    @Test
    void theApiDescriptionShowsTheEnvelopeThePatchSchemaAndTheErrorBody() throws Exception {
        Answer docs = new WorkeloClient(port, null, objectMapper).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        var api = objectMapper.readTree(docs.raw());
        var list = api.at("/paths/~1api~1v1~1users/get/responses");
        assertThat(list.at("/200/content").toString()).contains("#/components/schemas/OfflyUserList");
        assertThat(list.at("/422/content").toString()).contains("#/components/schemas/OfflyError");
        assertThat(api.at("/paths/~1api~1v1~1users~1{id}/get/responses/200/content").toString())
                .contains("#/components/schemas/OfflyUser\"");
        assertThat(api.at("/paths/~1api~1v1~1users~1{id}/patch/requestBody/content").toString())
                .contains("#/components/schemas/OfflyUserPatch");
        assertThat(api.at("/components/schemas/OfflyUserList/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("data", "pagination");
        assertThat(api.at("/components/schemas/OfflyPagination/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("next_cursor", "has_more");
        assertThat(api.at("/components/schemas/OfflyUserPatch/properties").has("email")).isFalse();
        assertThat(api.at("/components/schemas/OfflyErrorDetail/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("code", "message", "details");
    }

    /** A client with a key of its own (the administrator's), so its calls have a rate-limit bucket of their own. */
    private WorkeloClient client() {
        return new WorkeloClient(port, adminKey(), objectMapper);
    }

    private String adminKey() {
        return tokens.issue(employees.findByEmail("admin@example.com").orElseThrow(), null);
    }

    private static UUID create(WorkeloClient offly, String name, String role) {
        Answer created = offly.post("/api/v1/users",
                user("%s.%s.%s@example.com".formatted(name, RUN, UUID.randomUUID()), role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString((String) created.body().get("id"));
    }

    private static String user(String email, String role) {
        return """
                {"email":"%s","first_name":"Doc","last_name":"User"%s,"start_date":"%s"}"""
                .formatted(email, role == null ? ",\"role\":\"other\"" : ",\"role\":\"" + role + "\"", LocalDate.now());
    }

    private static List<Object> ids(Answer page) {
        return data(page).stream().map((Map<String, Object> user) -> user.get("id")).toList();
    }
}
