package dev.onboardingengine.api.dialect.bridge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.AddUsersRequest;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.SummaryResponse;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.UserRequest;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.UsersResponse;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.workflow.journey.ConflictRetry;

/**
 * Bridge's admin users API ({@code Authorization: Bearer <key>}): add, delete, hide, summary. Ids are
 * the engine's employee ids, or {@code uid:<uid>}. Rights are the directory's ({@link DirectoryAccess}):
 * writing needs an administrator or HR, reading a summary needs the person in reach.
 */
@RestController
class BridgeUsersController {

    private final BridgeUsers users;
    private final DirectoryAccess access;
    private final ObjectMapper objectMapper;

    /** Changes that lose a race with the journey's own steps run again (whole transactions). */
    private final ConflictRetry retry;

    BridgeUsersController(BridgeUsers users, DirectoryAccess access, ObjectMapper objectMapper, ConflictRetry retry) {
        this.retry = retry;
        this.users = users;
        this.access = access;
        this.objectMapper = objectMapper;
    }

    /** Only the first entry of {@code users} is added; the others are ignored, as Bridge documents. */
    @PostMapping(path = "/api/admin/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    UsersResponse add(Caller caller, @RequestBody AddUsersRequest request) {
        if (request.users() == null || request.users().isEmpty()) {
            throw InvalidInput.of("users", "required", null);
        }
        JsonNode first = request.users().get(0);
        if (first == null || !first.isObject()) {
            // The documentation's own example sends the placeholder "{API::UserRequest}" as a string.
            throw InvalidInput.of("users", "not_an_object", first == null ? null : first.isTextual() ? first.asText()
                    : first.toString());
        }
        UserRequest user;
        try {
            user = objectMapper.treeToValue(first, UserRequest.class);
        } catch (MismatchedInputException wrongType) {
            String field = wrongType.getPath().isEmpty() ? "users" : wrongType.getPath().get(0).getFieldName();
            throw InvalidInput.of(field, "wrong_type", wrongType.getTargetType() == null ? null
                    : wrongType.getTargetType().getSimpleName());
        } catch (JsonProcessingException unreadable) {
            throw InvalidInput.of("users", "not_an_object", first.toString());
        }
        return new UsersResponse(Map.of(), Map.of(), List.of(users.add(user, access.of(caller))));
    }

    @DeleteMapping("/api/admin/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "false") boolean async) {
        retry.run(() -> users.delete(id, async, access.of(caller)));
    }

    @PostMapping("/api/admin/users/{id}/hide")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void hide(Caller caller, @PathVariable String id) {
        retry.run(() -> users.hide(id, access.of(caller)));
    }

    @GetMapping("/api/admin/users/{id}/summary")
    SummaryResponse summary(Caller caller, @PathVariable String id,
            @RequestParam(name = "start_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam(name = "end_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate) {
        return new SummaryResponse(users.summary(id, startDate, endDate, access.of(caller)));
    }
}
