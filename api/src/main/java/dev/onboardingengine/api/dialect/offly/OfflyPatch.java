package dev.onboardingengine.api.dialect.offly;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.onboardingengine.api.dialect.offly.OfflyBodies.UserRequest;
import dev.onboardingengine.api.problem.InvalidInput;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A {@code PATCH /api/v1/users/{id}} body: the values given, and which fields were given at all, so
 * that {@code "manager_id": null} (the schema marks it nullable) clears the manager while an absent
 * {@code manager_id} leaves it. A field outside the PATCH schema ({@code email}, {@code id}, ...) is
 * refused with every such field named, before anything is written.
 */
record OfflyPatch(UserRequest values, Set<String> given) {

    /** Offly's PATCH schema, and the holiday country the user object carries (ours to write too). */
    static final Set<String> FIELDS = Set.of("first_name", "last_name", "role", "department_id", "manager_id",
            "job_title", "start_date", "working_days", "public_holiday_country_code");

    /** The fields the schema marks nullable: {@code null} clears them. */
    static final Set<String> NULLABLE = Set.of("department_id", "manager_id");

    boolean clearsManager() {
        return given.contains("manager_id") && values.managerId() == null;
    }

    boolean clearsDepartment() {
        return given.contains("department_id") && values.departmentId() == null;
    }

    @Component
    static class Reader {

        private final ObjectMapper objectMapper;

        Reader(ObjectMapper objectMapper) {
            this.objectMapper = objectMapper;
        }

        /**
         * @throws InvalidBody naming every field outside the schema, and every null where the schema
         *     allows none
         */
        OfflyPatch read(ObjectNode body, HttpServletRequest request) {
            Set<String> given = new HashSet<>();
            List<InvalidInput.Violation> refused = new ArrayList<>();
            body.properties().forEach(field -> {
                given.add(field.getKey());
                if (!FIELDS.contains(field.getKey())) {
                    refused.add(new InvalidInput.Violation(field.getKey(), "not_in_schema", null));
                } else if (field.getValue().isNull() && !NULLABLE.contains(field.getKey())) {
                    refused.add(new InvalidInput.Violation(field.getKey(), "not_nullable", null));
                }
            });
            if (!refused.isEmpty()) {
                throw new InvalidBody(refused);
            }
            try {
                return new OfflyPatch(objectMapper.treeToValue(body, UserRequest.class), Set.copyOf(given));
            } catch (JsonProcessingException wrongType) {
                // The same 422 naming the field as a create's body gets from Spring MVC's reader.
                throw new HttpMessageNotReadableException(wrongType.getOriginalMessage(), wrongType,
                        new ServletServerHttpRequest(request));
            }
        }
    }
}
