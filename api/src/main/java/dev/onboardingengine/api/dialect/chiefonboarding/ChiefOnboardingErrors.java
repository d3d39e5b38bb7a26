package dev.onboardingengine.api.dialect.chiefonboarding;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.problem.AccessDenied;
import dev.onboardingengine.api.problem.DateOutOfRange;
import dev.onboardingengine.api.problem.FieldProblems;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.api.problem.NulCharacter;

/**
 * ChiefOnboarding's errors as Django REST framework answers them ({@link DrfErrors}): a bad field is
 * {@code {"field": ["message", ...]}} with the serializer's own messages (DRF's fields.py and
 * relations.py, Django's validators), a body that is not an object
 * {@code {"non_field_errors": ["Invalid data. Expected a dictionary, but got list."]}}, broken JSON
 * {@code {"detail": "JSON parse error - ..."}}, a caller without rights {@code {"detail": "You do not
 * have permission to perform this action."}}. Always {@code application/json}, DRF's JSONRenderer.
 */
@RestControllerAdvice(assignableTypes = ChiefOnboardingController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChiefOnboardingErrors {

    /** NewHire's field names, as ChiefOnboarding calls them. */
    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("firstName", "first_name"), Map.entry("lastName", "last_name"), Map.entry("email", "email"),
            Map.entry("role", "role"), Map.entry("phone", "phone"), Map.entry("position", "position"),
            Map.entry("language", "language"), Map.entry("message", "message"), Map.entry("startDay", "start_day"),
            Map.entry("buddyId", "buddy"), Map.entry("managerId", "manager"), Map.entry("timeZone", "timezone"),
            Map.entry("sequenceIds", "sequences"));

    /** ChiefOnboarding's fields that are relations: DRF's PrimaryKeyRelatedField messages. */
    private static final List<String> RELATIONS = List.of("buddy", "manager");

    /** How Jackson's messages name the token it found: "(token `JsonToken.START_ARRAY`)". */
    private static final Pattern TOKEN = Pattern.compile("JsonToken\\.([A-Z_]+)");

    @ExceptionHandler(InvalidHire.class)
    ResponseEntity<Object> invalidHire(InvalidHire invalid) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (InvalidHire.Violation violation : invalid.violations()) {
            String field = FIELD_NAMES.getOrDefault(violation.field(), violation.field());
            fields.computeIfAbsent(field, f -> new ArrayList<>()).add(message(field, violation.code(),
                    violation.rejectedValue()));
        }
        return DrfErrors.badRequest(fields);
    }

    /** Query and form parameters refused before the handler ran ({@code input.NulCheck}). */
    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalidInput(InvalidInput invalid) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (InvalidInput.Violation violation : invalid.violations()) {
            fields.computeIfAbsent(violation.field(), f -> new ArrayList<>()).add(message(violation.field(),
                    violation.code(), violation.rejectedValue()));
        }
        return DrfErrors.badRequest(fields);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getCause();
        if (cause == null) {
            // The JSON literal null (an empty body is read as {}, see EmptyBodies): DRF's Serializer.errors
            return DrfErrors.nonField("No data provided");
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()
                && !(mismatch instanceof DateOutOfRange)) {
            // serializers.Serializer.to_internal_value: the body is not a Mapping
            return DrfErrors
                    .nonField("Invalid data. Expected a dictionary, but got %s.".formatted(pythonType(mismatch)));
        }
        if (cause instanceof JsonMappingException mapping && listItem(mapping) != null) {
            ListItem item = listItem(mapping);
            return DrfErrors.badRequest(Map.of(item.list(),
                    Map.of(Integer.toString(item.index()), List.of(itemMessage(mapping)))));
        }
        ProblemDetail problem = FieldProblems.unreadable(unreadable,
                (target, field) -> typeMessage(target, field, cause));
        Map<String, List<String>> fields = FieldProblems.fieldsOf(problem);
        return fields.isEmpty()
                ? DrfErrors.answer(HttpStatus.BAD_REQUEST, DrfErrors.detail(problem.getDetail()))
                : DrfErrors.badRequest(fields);
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<Object> forbidden(AccessDenied forbidden) {
        return DrfErrors.answer(HttpStatus.FORBIDDEN, DrfErrors.detail(forbidden.getMessage()));
    }

    private static String message(String field, String code, Object value) {
        return switch (code) {
            // rest_framework/fields.py Field and CharField, Django's EmailValidator and unique check
            case "required" -> "This field is required.";
            case "blank" -> "This field may not be blank.";
            case "invalid" -> "Enter a valid email address.";
            case "duplicate" -> "user with this email already exists.";
            // Django's MaxLengthValidator, word for word.
            case "too_long" -> "Ensure this field has no more than %s characters.".formatted(value);
            case "invalid_choice" -> "\"%s\" is not a valid choice.".formatted(value);
            // back/api/serializers.py validate_sequences; relations.py PrimaryKeyRelatedField
            case "unknown_reference" -> field.equals("sequences")
                    ? "Not all sequence ids are valid."
                    : "Invalid pk \"%s\" - object does not exist.".formatted(value);
            case "nul" -> NulCharacter.message();
            default -> "This value is not valid.";
        };
    }

    /** The message of a value of the wrong type at {@code field}, as the DRF field of that name words it. */
    private static String typeMessage(Class<?> target, String field, Throwable cause) {
        if (target == null) {
            return "This value is not valid.";
        }
        if (LocalDate.class.equals(target)) {
            return "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";
        }
        if (field.equals("role")) {
            // role is a ChoiceField: DRF looks str(value) up among the choices
            return "\"%s\" is not a valid choice.".formatted(pythonStr(cause));
        }
        if (RELATIONS.contains(field)) {
            return "Incorrect type. Expected pk value, received %s.".formatted(pythonType(cause));
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "Expected a list of items but got type \"%s\".".formatted(pythonType(cause));
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "A valid integer is required.";
        }
        return "Not a valid string.";
    }

    /** An item of a list field ({@code sequences}) that failed: DRF's ListField keys its errors by index. */
    private record ListItem(String list, int index) {
    }

    private static ListItem listItem(JsonMappingException mapping) {
        List<JsonMappingException.Reference> path = mapping.getPath();
        if (path.size() != 2 || path.get(0).getFieldName() == null || path.get(1).getIndex() < 0
                || mapping instanceof DateOutOfRange || mapping instanceof NulCharacter
                || !(mapping instanceof MismatchedInputException)) {
            return null;
        }
        return new ListItem(path.get(0).getFieldName(), path.get(1).getIndex());
    }

    /** ListField's child is an IntegerField. */
    private static String itemMessage(JsonMappingException mapping) {
        return mapping instanceof InvalidNullException ? "This field may not be null." : "A valid integer is required.";
    }

    /** The Python type name DRF's messages give the value that failed (JSON's types as json.load reads them). */
    private static String pythonType(Throwable cause) {
        JsonToken token = tokenOf(cause);
        if (token == null) {
            return "str";
        }
        return switch (token) {
            case START_ARRAY -> "list";
            case START_OBJECT -> "dict";
            case VALUE_NUMBER_INT -> "int";
            case VALUE_NUMBER_FLOAT -> "float";
            case VALUE_TRUE, VALUE_FALSE -> "bool";
            case VALUE_NULL -> "NoneType";
            default -> "str";
        };
    }

    /** Python's str() of the value that failed, for ChoiceField's message (True, not true). */
    private static String pythonStr(Throwable cause) {
        if (cause instanceof InvalidFormatException format && format.getValue() != null) {
            return String.valueOf(format.getValue());
        }
        JsonToken token = tokenOf(cause);
        if (token == JsonToken.VALUE_TRUE) {
            return "True";
        }
        if (token == JsonToken.VALUE_FALSE) {
            return "False";
        }
        if (token == JsonToken.START_ARRAY) {
            return "[...]";
        }
        if (token == JsonToken.START_OBJECT) {
            return "{...}";
        }
        String text = textOf(cause);
        return text == null ? "" : text;
    }

    /**
     * The JSON token of the value that failed. The parser has moved on (or is closed) by the time the
     * advice runs: the value Jackson kept, else the token its message names.
     */
    private static JsonToken tokenOf(Throwable cause) {
        if (cause instanceof InvalidFormatException format && format.getValue() != null) {
            Object value = format.getValue();
            return value instanceof Boolean flag
                    ? (flag ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE)
                    : value instanceof Double || value instanceof java.math.BigDecimal
                            ? JsonToken.VALUE_NUMBER_FLOAT
                            : value instanceof Number ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_STRING;
        }
        if (cause instanceof JsonMappingException mapping && mapping.getOriginalMessage() != null) {
            String message = mapping.getOriginalMessage();
            if (message.contains("from Boolean value")) {
                return JsonToken.VALUE_TRUE;
            }
            if (message.contains("from Number value")) {
                return JsonToken.VALUE_NUMBER_INT;
            }
            if (message.contains("from Floating-point value")) {
                return JsonToken.VALUE_NUMBER_FLOAT;
            }
            Matcher named = TOKEN.matcher(message);
            if (named.find()) {
                try {
                    return JsonToken.valueOf(named.group(1));
                } catch (IllegalArgumentException notAToken) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String textOf(Throwable cause) {
        try {
            return cause instanceof JsonMappingException mapping && mapping.getProcessor() instanceof JsonParser parser
                    ? parser.getText()
                    : null;
        } catch (IOException | RuntimeException closed) {
            // the parser may be closed and its buffers released: no text then, never a 500
            return null;
        }
    }
}
