package dev.onboardingengine.api.dialect.offly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.onboardingengine.api.dialect.workelo.WorkeloClient;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;

/**
 * Reads Offly's answers in tests: its error body, {@code {"error":{"code","message","details":{"field","fields"}}}},
 * and its lists, {@code {"data":[...],"pagination":{"next_cursor","has_more"}}}.
 */
public final class OfflyAnswers {

    private OfflyAnswers() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> data(Answer answer) {
        return (List<Map<String, Object>>) answer.body().get("data");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> pagination(Answer answer) {
        return (Map<String, Object>) answer.body().get("pagination");
    }

    /** Every page of {@code /api/v1/users?query}, following next_cursor. */
    public static List<Map<String, Object>> everyUser(WorkeloClient offly, String query) {
        List<Map<String, Object>> users = new ArrayList<>();
        String cursor = null;
        do {
            Answer page = offly.get("/api/v1/users?limit=100&" + query + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            users.addAll(data(page));
            cursor = (String) pagination(page).get("next_cursor");
        } while (cursor != null);
        return users;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> error(Map<String, Object> body) {
        return (Map<String, Object>) body.get("error");
    }

    public static String code(Map<String, Object> body) {
        return (String) error(body).get("code");
    }

    public static String message(Map<String, Object> body) {
        return (String) error(body).get("message");
    }

    /** Every bad field with its messages ({@code details.fields}); empty when the error names none. */
    @SuppressWarnings("unchecked")
    public static Map<String, List<String>> fields(Map<String, Object> body) {
        Map<String, Object> details = (Map<String, Object>) error(body).get("details");
        Object fields = details.get("fields");
        return fields == null ? Map.of() : (Map<String, List<String>>) fields;
    }
}
