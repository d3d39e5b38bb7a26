package dev.onboardingengine.api.dialect.chiefonboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.auth.ApiTokens;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;

/**
 * ChiefOnboarding's own contract, from its public source (github.com/chiefonboarding/ChiefOnboarding):
 * the cases of {@code back/api/tests.py} that concern the routes served here, with its exact
 * {@code response.json() == ...} bodies, the serializers of {@code back/api/serializers.py}, the
 * settings of {@code back/back/settings.py} ({@code REST_FRAMEWORK}: TokenAuthentication, JSONRenderer
 * only, DRF's default parsers) and the calls of {@code docs/api.md}. Where the seed excerpt and these
 * disagree, these win. {@code POST /api/offboarding/} is not served here (see README).
 */
@ApiIntegrationTest
class ChiefOnboardingContractIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    NewHireService hires;
    @Autowired
    ApiTokens tokens;

    /** tests.py test_wrong_token_request and test_session_request. */
    @Test
    void aWrongTokenOrNoTokenIsA401WithDjangoRestFrameworksDetail() {
        Answer wrong = exchange(client("Token testtoken1").get().uri("/api/employees/"));
        Answer none = exchange(client(null).get().uri("/api/employees/"));
        // only tokens authenticate: a session cookie is not looked at
        Answer session = exchange(
                client(null).get().uri("/api/employees/").header("Cookie", "JSESSIONID=0123456789ABCDEF"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(Map.of("detail", "Invalid token."));
        assertThat(wrong.wwwAuthenticate()).isEqualTo("Token");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body()).isEqualTo(Map.of("detail", "Authentication credentials were not provided."));
        assertThat(session.status()).isEqualTo(401);
        assertThat(session.body()).isEqualTo(Map.of("detail", "Authentication credentials were not provided."));
        for (Answer answer : List.of(wrong, none, session)) {
            assertThat(answer.contentType()).isEqualTo("application/json");
        }
    }

    /** tests.py test_only_admin_tokens_are_valid. */
    @Test
    void aNewHiresTokenIsA403() {
        Employee newHire = hires.hire(NewHire.builder().firstName("New").lastName("Hire")
                .email("new.hire." + UUID.randomUUID() + "@example.com").role(EmployeeRole.NEW_HIRE)
                .startDay(LocalDate.now().plusDays(30)).build(),
                null);

        Answer answer = exchange(client("Token " + tokens.issue(newHire, null)).get().uri("/api/employees/"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).isEqualTo(Map.of("detail", "You do not have permission to perform this action."));
    }

    /** tests.py test_employees_endpoint and test_sequences_endpoint: EmployeeSerializer, SequenceSerializer, by id. */
    @Test
    void employeesAndSequencesAreListedWithTheSerializersFieldsOrderedById() {
        String email = "listed." + UUID.randomUUID() + "@example.com";
        Employee listed = hires.hire(NewHire.builder().firstName("Lis").lastName("Ted").email(email)
                .role(EmployeeRole.NEW_HIRE).startDay(LocalDate.now().plusDays(30)).build(), null);

        List<Map<String, Object>> employees = list(exchange(admin().get().uri("/api/employees/")));
        List<Map<String, Object>> sequences = list(exchange(admin().get().uri("/api/sequences/")));

        assertThat(employees).contains(Map.<String, Object>of("id", (int) listed.id(), "first_name", "Lis",
                "last_name", "Ted", "email", email));
        assertThat(employees).extracting(e -> ((Number) e.get("id")).longValue()).isSorted();
        assertThat(sequences).isNotEmpty().allSatisfy(s -> assertThat(s).containsOnlyKeys("id", "name"));
        assertThat(sequences).extracting(s -> ((Number) s.get("id")).longValue()).isSorted();
    }

    /** tests.py test_create_new_hire_endpoint, test_create_admin_user, test_create_other_user; docs/api.md's roles. */
    @Test
    void newHiresAdministratorsAndOthersAreCreated() {
        long sequence = firstSequence();
        for (int role : new int[]{0, 1, 2, 3}) {
            String email = "john." + UUID.randomUUID() + "@chiefonboarding.com";
            Answer created = postJson("""
                    {"first_name":"john","last_name":"Do","email":"%s","sequences":%s,"role":%d}"""
                    .formatted(email, role == 0 ? "[" + sequence + "]" : "[]", role));

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.body()).containsEntry("email", email).containsEntry("role", role);
            assertThat(created.contentType()).isEqualTo("application/json");
        }
    }

    /** tests.py test_create_new_hire_with_invalid_options: each body exactly, nobody created. */
    @Test
    void invalidOptionsAreEachRefusedWithExactlyTheirField() {
        long sequence = firstSequence();
        String email = "john." + UUID.randomUUID() + "@chiefonboarding.com";
        String base = "\"first_name\":\"john\",\"last_name\":\"Contract\",\"email\":\"" + email + "\",\"role\":0";

        Answer buddy = postJson("{" + base + ",\"sequences\":[" + sequence + "],\"buddy\":1999999}");
        Answer timezone = postJson("{" + base + ",\"sequences\":[" + sequence + "],\"timezone\":\"falsetimezone\"}");
        Answer sequences = postJson("{" + base + ",\"sequences\":[2412343434]}");

        assertThat(buddy.status()).isEqualTo(400);
        assertThat(buddy.body()).isEqualTo(Map.of("buddy", List.of("Invalid pk \"1999999\" - object does not exist.")));
        assertThat(timezone.status()).isEqualTo(400);
        assertThat(timezone.body()).isEqualTo(Map.of("timezone", List.of("\"falsetimezone\" is not a valid choice.")));
        assertThat(sequences.status()).isEqualTo(400);
        assertThat(sequences.body()).isEqualTo(Map.of("sequences", List.of("Not all sequence ids are valid.")));
        // (by this test's own email: other tests of the shared database create people called Contract too)
        assertThat(jdbc.sql("select count(*) from employee where email = :email").param("email", email)
                .query(Long.class).single()).isZero();
    }

    /** serializers.py validate_sequences: filter(pk__in=[3, 3]).count() is 1, not 2. */
    @Test
    void theSameSequenceTwiceIsNotAllValid() {
        long sequence = firstSequence();

        Answer twice = postJson("""
                {"first_name":"john","last_name":"Twice","email":"twice.%s@example.com","role":0,"sequences":[%d,%d]}"""
                .formatted(UUID.randomUUID(), sequence, sequence));

        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).isEqualTo(Map.of("sequences", List.of("Not all sequence ids are valid.")));
        assertThat(jdbc.sql("select count(*) from employee where last_name = 'Twice'").query(Long.class).single())
                .isZero();
    }

    /** settings.py keeps DRF's DEFAULT_PARSER_CLASSES: JSONParser, FormParser, MultiPartParser; DateField's parse_date. */
    @Test
    void formAndMultipartBodiesAndDjangoDatesAreRead() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("first_name", "Form");
        form.add("last_name", "Parsed");
        form.add("email", "form." + UUID.randomUUID() + "@example.com");
        form.add("role", "0");
        form.add("start_day", "2030-12-4");
        LinkedMultiValueMap<String, String> multipart = new LinkedMultiValueMap<>(form);
        multipart.set("email", "multipart." + UUID.randomUUID() + "@example.com");
        multipart.set("start_day", "2030-W49-5");

        Answer urlencoded = exchange(
                admin().post().uri("/api/users/").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(form));
        Answer parts = exchange(admin().post().uri("/api/users/").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(multipart));

        assertThat(urlencoded.status()).as(urlencoded.toString()).isEqualTo(201);
        assertThat(urlencoded.body()).containsEntry("start_day", "2030-12-04");
        assertThat(parts.status()).as(parts.toString()).isEqualTo(201);
        // ISO week 49 of 2030, its Friday
        assertThat(parts.body()).containsEntry("start_day", "2030-12-06");
    }

    private long firstSequence() {
        return ((Number) list(exchange(admin().get().uri("/api/sequences/"))).get(0).get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        return (List<Map<String, Object>>) answer.body().get("list");
    }

    private Answer postJson(String json) {
        return exchange(admin().post().uri("/api/users/").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).body(json));
    }

    private RestClient admin() {
        return client("Token " + ApiIntegrationTest.ADMIN_TOKEN);
    }

    private RestClient client(String authorization) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
        return authorization == null ? builder.build() : builder.defaultHeader("Authorization", authorization).build();
    }

    @SuppressWarnings("unchecked")
    private Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            Object body = bytes.length == 0 ? Map.of() : objectMapper.readValue(bytes, Object.class);
            MediaType type = response.getHeaders().getContentType();
            return new Answer(response.getStatusCode().value(),
                    type == null ? null : type.getType() + "/" + type.getSubtype(),
                    response.getHeaders().getFirst("WWW-Authenticate"),
                    body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("list", body));
        });
    }

    record Answer(int status, String contentType, String wwwAuthenticate, Map<String, Object> body) {
    }
}
