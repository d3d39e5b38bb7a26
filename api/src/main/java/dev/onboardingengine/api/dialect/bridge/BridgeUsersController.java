package dev.onboardingengine.api.dialect.bridge;

import java.time.LocalDate;
import java.util.ArrayList;
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

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.AddUsersRequest;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.SummaryResponse;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.UserRequest;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.UsersResponse;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.journeys.JourneyReports;
import dev.onboardingengine.api.people.People;
import dev.onboardingengine.api.people.PersonEnrolment;
import dev.onboardingengine.api.people.PersonRef;
import dev.onboardingengine.api.people.PersonRemoval;
import dev.onboardingengine.api.problem.DateOutOfRange;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.workflow.journey.ConflictRetry;

/**
 * Bridge's admin users API ({@code Authorization: Bearer <key>}): add, delete, hide, summary. Ids are
 * the engine's employee ids, or {@code uid:<uid>}. Translates in and out ({@link BridgeTranslation});
 * rights are the directory's ({@link DirectoryAccess}), decided by the people services: writing needs
 * an administrator or HR, reading a summary needs the person in reach.
 */
@RestController
class BridgeUsersController {

    private final People people;
    private final PersonEnrolment enrolment;
    private final PersonRemoval removal;
    private final JourneyReports reports;
    private final BridgeTranslation translation;
    private final DirectoryAccess access;
    private final ObjectMapper objectMapper;

    /** Changes that lose a race with the journey's own steps run again (whole transactions). */
    private final ConflictRetry retry;

    BridgeUsersController(People people, PersonEnrolment enrolment, PersonRemoval removal, JourneyReports reports,
            BridgeTranslation translation, DirectoryAccess access, ObjectMapper objectMapper, ConflictRetry retry) {
        this.people = people;
        this.enrolment = enrolment;
        this.removal = removal;
        this.reports = reports;
        this.translation = translation;
        this.access = access;
        this.objectMapper = objectMapper;
        this.retry = retry;
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
            throw InvalidInput.of("users", "not_an_object", first == null
                    ? null
                    : first.isTextual()
                            ? first.asText()
                            : first.toString());
        }
        UserRequest user;
        try {
            user = objectMapper.treeToValue(first, UserRequest.class);
        } catch (MismatchedInputException wrongType) {
            String field = wrongType.getPath().isEmpty() ? "users" : wrongType.getPath().get(0).getFieldName();
            throw InvalidInput.of(field, "wrong_type", wrongType.getTargetType() == null
                    ? null
                    : wrongType.getTargetType().getSimpleName());
        } catch (JsonProcessingException unreadable) {
            throw InvalidInput.of("users", "not_an_object", first.toString());
        }
        Access rights = access.of(caller);
        DirectoryEntry added = enrolment.enrol(translation.enrolment(user, rights), rights);
        return new UsersResponse(Map.of(), Map.of(), List.of(translation.response(added)));
    }

    @DeleteMapping("/api/admin/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "false") boolean async) {
        PersonRef person = BridgeTranslation.person(id);
        if (async) {
            removal.deleteLater(person, access.of(caller));
        } else {
            retry.run(() -> removal.delete(person, access.of(caller)));
        }
    }

    @PostMapping("/api/admin/users/{id}/hide")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void hide(Caller caller, @PathVariable String id) {
        retry.run(() -> removal.hide(BridgeTranslation.person(id), access.of(caller)));
    }

    @GetMapping("/api/admin/users/{id}/summary")
    SummaryResponse summary(Caller caller, @PathVariable String id,
            @RequestParam(name = "start_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam(name = "end_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate) {
        // Query dates are held to the same years as dates in bodies (+999999999-12-31 was an overflow).
        List<InvalidInput.Violation> outside = new ArrayList<>();
        if (startDate != null && DateOutOfRange.isOutside(startDate)) {
            outside.add(new InvalidInput.Violation("start_date", "date_out_of_range", startDate));
        }
        if (endDate != null && DateOutOfRange.isOutside(endDate)) {
            outside.add(new InvalidInput.Violation("end_date", "date_out_of_range", endDate));
        }
        if (!outside.isEmpty()) {
            throw new InvalidInput(outside);
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw InvalidInput.of("end_date", "before_start", endDate);
        }
        DirectoryEntry person = people.visible(BridgeTranslation.person(id), access.of(caller));
        return new SummaryResponse(BridgeTranslation.summary(reports.progress(person.employee().id(), startDate,
                endDate)));
    }
}
