package dev.onboardingengine.api.dialect.chiefonboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A form-urlencoded or multipart body read as the JSON one, as Django REST framework's default parsers
 * (JSONParser, FormParser, MultiPartParser) make the three the same to a serializer: one value per
 * field, every value of a list field ({@code sequences=3&sequences=4}). A value of the wrong type is
 * the same 400 naming the field as in JSON.
 */
final class FormBodies {

    /** CreateUserRequest's list fields: every value of the key, not the first. */
    private static final Set<String> LISTS = Set.of("sequences");

    private FormBodies() {
    }

    static CreateUserRequest createUser(MultiValueMap<String, String> form, ObjectMapper objectMapper,
            HttpServletRequest request) {
        Map<String, Object> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> fields.put(name, LISTS.contains(name)
                ? List.copyOf(values)
                : values.isEmpty() ? null : values.get(0)));
        try {
            return objectMapper.convertValue(fields, CreateUserRequest.class);
        } catch (IllegalArgumentException wrongType) {
            // convertValue wraps the same JsonMappingException a JSON body would have raised: the field's path
            throw new HttpMessageNotReadableException("The form's fields are not the expected types",
                    wrongType.getCause() == null ? wrongType : wrongType.getCause(),
                    new ServletServerHttpRequest(request));
        }
    }
}
