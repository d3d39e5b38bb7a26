package dev.onboardingengine.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class FieldProblemsTests {

    @Test
    void fieldsNamedLikeProblemMembersAreEscapedAndEveryOtherNameIsKept() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("status", List.of("bad status"));
        fields.put("type", List.of("bad type"));
        fields.put("field:status", List.of("a field really called field:status"));
        fields.put("email", List.of("blank"));

        ProblemDetail problem = FieldProblems.badRequest(fields);

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType()).isEqualTo(FieldProblems.INVALID_INPUT);
        assertThat(problem.getProperties()).containsOnlyKeys("field:status", "field:type", "field:field:status",
                "email");
        assertThat(problem.getProperties()).containsEntry("field:status", List.of("bad status"))
                .containsEntry("field:field:status", List.of("a field really called field:status"));
        assertThat(problem.getDetail()).isEqualTo(
                "status: bad status; type: bad type; field:status: a field really called field:status; email: blank");
    }

    @Test
    void everyProblemMemberIsEscaped() {
        for (String member : List.of("type", "title", "status", "detail", "instance")) {
            assertThat(FieldProblems.memberName(member)).isEqualTo("field:" + member);
        }
        assertThat(FieldProblems.memberName("first_name")).isEqualTo("first_name");
    }
}
