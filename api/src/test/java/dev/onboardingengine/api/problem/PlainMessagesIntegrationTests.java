package dev.onboardingengine.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.RawHttp;
import dev.onboardingengine.api.RawHttp.Answer;
import dev.onboardingengine.api.dialect.offly.OfflyAnswers;

/**
 * Messages say in plain words what is wrong: never a Java class or type name ({@code Cannot deserialize
 * value of type dev.onboardingengine...CreateUserRequest}, {@code must be a LocalDate}) nor the JSON
 * reader's own settings; and a wrong value inside the body names its field even on routes without a
 * dialect (journeys).
 */
@ApiIntegrationTest
class PlainMessagesIntegrationTests {

    /** Words that only a Java developer reads. */
    private static final List<String> JAVA_WORDS = List.of("dev.onboardingengine", "java.", "LocalDate", "Long",
            "Integer", "JsonToken", "StreamReadConstraints", "StreamReadFeature", "`", "Cannot deserialize",
            "out of range of int");

    @LocalServerPort
    int port;

    @Test
    void bodiesOfTheWrongShapeAreDescribedWithoutJavaNames() {
        RawHttp http = new RawHttp(port);
        String deep = "{\"first_name\":\"a\",\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}";

        Answer array = http.asAdmin("POST", "/api/users/", "[1]");
        Answer nested = http.asAdmin("POST", "/api/users/", deep);
        Answer cut = http.asAdmin("POST", "/api/v1/users", "{\"email\": ");

        assertThat(array.status()).isEqualTo(400);
        // ChiefOnboarding's route answers as Django REST framework's serializer does
        assertThat(array.json()).containsEntry("non_field_errors",
                List.of("Invalid data. Expected a dictionary, but got list."));
        assertThat(nested.status()).isEqualTo(400);
        assertThat((String) nested.json().get("detail")).contains("nests more than 1000 levels deep");
        assertThat(cut.status()).isEqualTo(400);
        assertThat(OfflyAnswers.code(cut.json())).isEqualTo("bad_request");
        assertThat(OfflyAnswers.message(cut.json())).startsWith("JSON parse error - ").contains("line 1");
        for (Answer answer : List.of(array, nested, cut)) {
            assertThat(answer.body()).doesNotContain(JAVA_WORDS);
        }
    }

    @Test
    void valuesOfTheWrongTypeNameTheirFieldInPlainWords() {
        RawHttp http = new RawHttp(port);
        String email = "plain." + UUID.randomUUID() + "@example.com";

        Answer bridgeDate = http.asAdmin("POST", "/api/admin/users", """
                {"users":[{"uid":"p-%s","email":"%s","first_name":"P","last_name":"W","hire_date":"2020-02-30"}]}"""
                .formatted(UUID.randomUUID(), email));
        Answer overflow = http.asAdmin("POST", "/api/users/", """
                {"first_name":"P","last_name":"W","email":"%s","role":99999999999999999999}""".formatted(email));
        Answer journeyList = http.asAdmin("POST", "/api/journeys/1/sequences", "{\"sequences\":\"welcome\"}");
        Answer pathId = http.asAdmin("GET", "/api/webhooks/abc", null);
        Answer deepField = http.asAdmin("POST", "/api/users/",
                "{\"last_name\":" + "[".repeat(1200) + "]".repeat(1200) + "}");

        assertThat(bridgeDate.json()).containsEntry("hire_date", List.of("must be a date (YYYY-MM-DD)."));
        assertThat(overflow.json()).containsEntry("role", List.of("is out of range."));
        assertThat(journeyList.json()).containsEntry("sequences", List.of("must be a list."));
        assertThat(pathId.json()).containsEntry("id", List.of("must be a whole number."));
        assertThat(deepField.json()).containsKey("last_name");
        for (Answer answer : List.of(bridgeDate, overflow, journeyList, pathId, deepField)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).doesNotContain(JAVA_WORDS);
        }
    }
}
