package dev.onboardingengine.api.dialect.chiefonboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.auth.ApiTokens;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;

/** Bad requests get a 4xx that names what is wrong, and write nothing. Never a 500. */
@ApiIntegrationTest
class ChiefOnboardingBadInputIntegrationTests {

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

    @Test
    void theVariantSeedExampleWithAnEmptyEmailIsRefusedNamingTheEmail() {
        long employeesBefore = employees();

        // The curl example of chiefonboarding-api-variant.md, as written.
        Answer answer = postUser(
                """
                        {"first_name":"James","last_name":"Weller","email":"","phone":"","position":"Technical lead","language":"en","message":"","start_day":"2020-12-04","buddy":4,"timezone":"UTC","sequences":[3], "role":0}
                        """);

        // Django REST framework's body: the serializer's errors, nothing else (buddy 4, the example's, may
        // not exist here: then it is named too, as DRF names every bad field at once)
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.body()).containsEntry("email", List.of("This field may not be blank."));
        assertThat(answer.body().keySet()).isSubsetOf("email", "buddy");
        assertThat(employees()).isEqualTo(employeesBefore);
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        Answer answer = postUser("{}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo(Map.of("first_name", List.of("This field is required."),
                "last_name", List.of("This field is required."), "email", List.of("This field is required."),
                "role", List.of("This field is required.")));
    }

    @Test
    void unknownReferencesBadChoicesAndBadDatesAreNamed() {
        Answer references = postUser("""
                {"first_name":"A","last_name":"Unknown","email":"a.%s@example.com","role":0,"buddy":987654321,
                 "manager":987654322,"timezone":"Mars/Olympus","language":"english!","sequences":[987654323]}
                """.formatted(UUID.randomUUID()));
        Answer badRole = postUser("""
                {"first_name":"A","last_name":"Unknown","email":"a.%s@example.com","role":7}
                """.formatted(UUID.randomUUID()));
        Answer badDate = postUser("""
                {"first_name":"A","last_name":"Unknown","email":"a.%s@example.com","role":0,"start_day":"2026-02-30"}
                """.formatted(UUID.randomUUID()));

        assertThat(references.status()).isEqualTo(400);
        assertThat(references.body())
                .containsEntry("buddy", List.of("Invalid pk \"987654321\" - object does not exist."))
                .containsEntry("manager", List.of("Invalid pk \"987654322\" - object does not exist."))
                .containsEntry("timezone", List.of("\"Mars/Olympus\" is not a valid choice."))
                .containsEntry("language", List.of("\"english!\" is not a valid choice."))
                .containsEntry("sequences", List.of("Not all sequence ids are valid."));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.body()).containsEntry("role", List.of("\"7\" is not a valid choice."));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).containsEntry("start_day",
                List.of("Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
        assertThat(employeesNamed("Unknown")).isZero();
    }

    @Test
    void formAndMultipartBodiesAreReadAsDjangoRestFrameworksDefaultParsersReadThem() {
        // DRF's DEFAULT_PARSER_CLASSES: JSONParser, FormParser, MultiPartParser
        List<Map<String, Object>> shipped = api(ApiIntegrationTest.ADMIN_TOKEN).get().uri("/api/sequences/").retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
                });
        String first = String.valueOf(shipped.get(0).get("id"));
        String second = String.valueOf(shipped.get(1).get("id"));
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("first_name", "Fiona");
        form.add("last_name", "Form");
        form.add("email", "fiona." + UUID.randomUUID() + "@example.com");
        form.add("role", "0");
        form.add("start_day", "2030-3-4");
        form.add("sequences", first);
        form.add("sequences", second);
        org.springframework.util.LinkedMultiValueMap<String, String> multipart = new org.springframework.util.LinkedMultiValueMap<>(
                form);
        multipart.set("email", "mona." + UUID.randomUUID() + "@example.com");
        multipart.set("last_name", "Multipart");
        org.springframework.util.LinkedMultiValueMap<String, String> badRole = new org.springframework.util.LinkedMultiValueMap<>(
                form);
        badRole.set("email", "bad." + UUID.randomUUID() + "@example.com");
        badRole.set("last_name", "Refused");
        badRole.set("role", "zero");

        Answer urlencoded = exchange(api(ApiIntegrationTest.ADMIN_TOKEN).post().uri("/api/users/")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form));
        Answer parts = exchange(api(ApiIntegrationTest.ADMIN_TOKEN).post().uri("/api/users/")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(multipart));
        Answer refused = exchange(api(ApiIntegrationTest.ADMIN_TOKEN).post().uri("/api/users/")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(badRole));

        assertThat(urlencoded.status()).as(urlencoded.toString()).isEqualTo(201);
        assertThat(urlencoded.body()).containsEntry("last_name", "Form").containsEntry("start_day", "2030-03-04");
        assertThat(parts.status()).as(parts.toString()).isEqualTo(201);
        assertThat(parts.body()).containsEntry("last_name", "Multipart");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).containsKey("role");
        assertThat(employeesNamed("Refused")).isZero();
    }

    @Test
    void aDateWithOneDigitMonthOrDayIsADateAsDjangoParsesIt() {
        // DRF's DateField reads dates with django.utils.dateparse.parse_date: \d{4}-\d{1,2}-\d{1,2}
        Answer shortDay = postUser("""
                {"first_name":"A","last_name":"Short","email":"a.%s@example.com","role":0,"start_day":"2030-12-4"}
                """.formatted(UUID.randomUUID()));
        Answer shortMonth = postUser("""
                {"first_name":"A","last_name":"Short","email":"a.%s@example.com","role":0,"start_day":"2030-1-06"}
                """.formatted(UUID.randomUUID()));
        Answer noSuchDay = postUser("""
                {"first_name":"A","last_name":"Never","email":"a.%s@example.com","role":0,"start_day":"2030-2-30"}
                """.formatted(UUID.randomUUID()));

        assertThat(shortDay.status()).as(shortDay.toString()).isEqualTo(201);
        assertThat(shortDay.body()).containsEntry("start_day", "2030-12-04");
        assertThat(shortMonth.status()).as(shortMonth.toString()).isEqualTo(201);
        assertThat(shortMonth.body()).containsEntry("start_day", "2030-01-06");
        assertThat(noSuchDay.status()).isEqualTo(400);
        assertThat(noSuchDay.body()).containsEntry("start_day",
                List.of("Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
        assertThat(employeesNamed("Never")).isZero();
    }

    @Test
    void theSameSequenceTwiceIsRefusedAsChiefOnboardingRefusesIt() {
        // back/api/serializers.py: Sequence.objects.filter(pk__in=value).count() != len(value)
        List<Map<String, Object>> shipped = api(ApiIntegrationTest.ADMIN_TOKEN).get().uri("/api/sequences/").retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
                });
        long sequence = ((Number) shipped.get(0).get("id")).longValue();
        Answer twice = postUser("""
                {"first_name":"A","last_name":"Twice","email":"a.%s@example.com","role":0,"sequences":[%d,%d]}
                """.formatted(UUID.randomUUID(), sequence, sequence));
        Answer once = postUser("""
                {"first_name":"A","last_name":"Once","email":"a.%s@example.com","role":0,"sequences":[%d]}
                """.formatted(UUID.randomUUID(), sequence));

        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).containsEntry("sequences", List.of("Not all sequence ids are valid."));
        assertThat(employeesNamed("Twice")).isZero();
        assertThat(once.status()).as(once.toString()).isEqualTo(201);
    }

    @Test
    void aDuplicateEmailIsRefusedWhateverItsCase() {
        String email = "dup." + UUID.randomUUID() + "@example.com";
        assertThat(postUser("""
                {"first_name":"First","last_name":"Copy","email":"%s","role":3}""".formatted(email)).status())
                .isEqualTo(201);

        Answer second = postUser("""
                {"first_name":"Second","last_name":"Copy","email":"%s","role":3}""".formatted(email.toUpperCase()));

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body()).containsEntry("email", List.of("user with this email already exists."));
    }

    @Test
    void malformedJsonAndWrongContentTypeAreClientErrors() {
        Answer malformed = postUser("{\"first_name\": ");
        Answer plainText = exchange(api(ApiIntegrationTest.ADMIN_TOKEN).post().uri("/api/users/")
                .contentType(MediaType.TEXT_PLAIN).body("first_name=James"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).isEqualTo("application/json");
        assertThat(malformed.body()).containsOnlyKeys("detail");
        assertThat((String) malformed.body().get("detail")).startsWith("JSON parse error - ").contains("line 1");
        // rest_framework/exceptions.py UnsupportedMediaType, with the media type as the client sent it
        assertThat(plainText.status()).isEqualTo(415);
        assertThat(plainText.contentType()).isEqualTo("application/json");
        assertThat(plainText.body()).containsOnlyKeys("detail");
        assertThat((String) plainText.body().get("detail")).startsWith("Unsupported media type \"text/plain")
                .endsWith("\" in request.");
    }

    @Test
    void missingWrongAndUnprivilegedTokensAreRefused() {
        Employee manager = hires.hire(NewHire.builder().firstName("Mia").lastName("Manager")
                .email("mia." + UUID.randomUUID() + "@example.com").role(EmployeeRole.MANAGER).build(), null);
        String managerToken = tokens.issue(manager, null);

        Answer none = exchange(RestClient.create("http://localhost:" + port).get().uri("/api/employees/"));
        Answer wrong = exchange(api("Token 0123456789abcdef-wrong").get().uri("/api/employees/"));
        Answer wrongSecretRightLookup = exchange(api(ApiIntegrationTest.ADMIN_TOKEN.substring(0, 8) + "x".repeat(32))
                .get().uri("/api/employees/"));
        Answer unprivileged = exchange(api(managerToken).get().uri("/api/employees/"));
        Answer bearer = exchange(RestClient.create("http://localhost:" + port).get().uri("/api/employees/")
                .header("Authorization", "Bearer " + ApiIntegrationTest.ADMIN_TOKEN));

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).isEqualTo("application/json");
        assertThat(none.body()).isEqualTo(Map.of("detail", "Authentication credentials were not provided."));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(Map.of("detail", "Invalid token."));
        assertThat(wrongSecretRightLookup.status()).isEqualTo(401);
        assertThat(unprivileged.status()).isEqualTo(403);
        assertThat(unprivileged.contentType()).isEqualTo("application/json");
        assertThat(unprivileged.body())
                .isEqualTo(Map.of("detail", "You do not have permission to perform this action."));
        assertThat(bearer.status()).isEqualTo(200);
    }

    @Test
    void errorsThatAreNoFieldsAreADetailInDjangoRestFrameworksWords() {
        // rest_framework/exceptions.py: MethodNotAllowed, NotFound, NotAcceptable; the body is only "detail"
        Answer delete = exchange(api(ApiIntegrationTest.ADMIN_TOKEN).delete().uri("/api/users/"));
        Answer unknown = exchange(api(ApiIntegrationTest.ADMIN_TOKEN).get().uri("/api/users/nobody"));
        Answer html = exchange(api(ApiIntegrationTest.ADMIN_TOKEN).get().uri("/api/employees/")
                .accept(MediaType.TEXT_HTML));

        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.contentType()).isEqualTo("application/json");
        assertThat(delete.body()).isEqualTo(Map.of("detail", "Method \"DELETE\" not allowed."));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo(Map.of("detail", "Not found."));
        assertThat(html.status()).isEqualTo(406);
        assertThat(html.body()).isEqualTo(Map.of("detail", "Could not satisfy the request Accept header."));
    }

    @Test
    void aBodyThatIsNoObjectIsANonFieldErrorAndAnEmptyBodyNamesTheRequiredFields() {
        long employeesBefore = employees();

        // serializers.Serializer.to_internal_value and Serializer.errors' "No data provided"
        Answer list = postUser("[1]");
        Answer text = postUser("\"James\"");
        Answer nothing = postUser("null");
        // Request._parse reads a body with no content as {}
        Answer empty = exchange(api(ApiIntegrationTest.ADMIN_TOKEN).post().uri("/api/users/")
                .contentType(MediaType.APPLICATION_JSON));

        assertThat(list.status()).isEqualTo(400);
        assertThat(list.body()).isEqualTo(Map.of("non_field_errors",
                List.of("Invalid data. Expected a dictionary, but got list.")));
        assertThat(text.body()).isEqualTo(Map.of("non_field_errors",
                List.of("Invalid data. Expected a dictionary, but got str.")));
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body()).isEqualTo(Map.of("non_field_errors", List.of("No data provided")));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).containsOnlyKeys("first_name", "last_name", "email", "role")
                .containsEntry("role", List.of("This field is required."));
        assertThat(employees()).isEqualTo(employeesBefore);
    }

    @Test
    void valuesOfTheWrongTypeGetTheMessagesOfTheirDjangoRestFrameworkFields() {
        String body = """
                {"first_name":"A","last_name":"Typed","email":"a.%s@example.com","role":0,%s}""";

        // relations.py PrimaryKeyRelatedField, fields.py ChoiceField, ListField and its IntegerField child
        Answer buddy = postUser(body.formatted(UUID.randomUUID(), "\"buddy\":\"abc\""));
        Answer manager = postUser(body.formatted(UUID.randomUUID(), "\"manager\":[4]"));
        Answer role = postUser(body.formatted(UUID.randomUUID(), "\"role\":\"zero\"").replace("\"role\":0,", ""));
        Answer sequences = postUser(body.formatted(UUID.randomUUID(), "\"sequences\":\"3\""));
        Answer item = postUser(body.formatted(UUID.randomUUID(), "\"sequences\":[\"x\"]"));
        Answer nullItem = postUser(body.formatted(UUID.randomUUID(), "\"sequences\":[null]"));

        assertThat(buddy.body())
                .isEqualTo(Map.of("buddy", List.of("Incorrect type. Expected pk value, received str.")));
        assertThat(manager.body())
                .isEqualTo(Map.of("manager", List.of("Incorrect type. Expected pk value, received list.")));
        assertThat(role.body()).isEqualTo(Map.of("role", List.of("\"zero\" is not a valid choice.")));
        assertThat(sequences.body()).isEqualTo(Map.of("sequences",
                List.of("Expected a list of items but got type \"str\".")));
        assertThat(item.body()).isEqualTo(Map.of("sequences", Map.of("0", List.of("A valid integer is required."))));
        assertThat(nullItem.body()).isEqualTo(Map.of("sequences", Map.of("0", List.of("This field may not be null."))));
        for (Answer answer : List.of(buddy, manager, role, sequences, item, nullItem)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).isEqualTo("application/json");
        }
        assertThat(employeesNamed("Typed")).isZero();
    }

    private Answer postUser(String json) {
        return exchange(api(ApiIntegrationTest.ADMIN_TOKEN).post().uri("/api/users/")
                .contentType(MediaType.APPLICATION_JSON).body(json));
    }

    private long employees() {
        return jdbc.sql("select count(*) from employee").query(Long.class).single();
    }

    private long employeesNamed(String lastName) {
        return jdbc.sql("select count(*) from employee where last_name = :n").param("n", lastName).query(Long.class)
                .single();
    }

    private RestClient api(String token) {
        String header = token.startsWith("Token ") ? token : "Token " + token;
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("Authorization", header).build();
    }

    @SuppressWarnings("unchecked")
    private Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            Object body = bytes.length == 0 ? Map.of() : objectMapper.readValue(bytes, Object.class);
            String contentType = response.getHeaders().getContentType() == null
                    ? null
                    : response.getHeaders().getContentType().getType() + "/"
                            + response.getHeaders().getContentType().getSubtype();
            return new Answer(response.getStatusCode().value(), contentType,
                    body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("list", body));
        });
    }

    record Answer(int status, String contentType, Map<String, Object> body) {
    }
}
