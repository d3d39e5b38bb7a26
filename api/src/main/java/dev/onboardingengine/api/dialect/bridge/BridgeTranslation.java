package dev.onboardingengine.api.dialect.bridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.Summary;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.UserRequest;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.UserResponse;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeProfile;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.input.FieldLimits;
import dev.onboardingengine.api.journeys.JourneyProgress;
import dev.onboardingengine.api.people.Enrolment;
import dev.onboardingengine.api.people.People;
import dev.onboardingengine.api.people.PersonRef;

/**
 * Bridge's admin users in and out of the domain. A user added through Bridge is a new hire (so a
 * journey starts, whose actions the summary counts); Bridge's uid, HRIS id, department and display
 * names are profile fields of the person, and custom fields are the directory's identification fields.
 * Ids are the engine's employee ids, or {@code uid:<uid>}.
 */
@Component
class BridgeTranslation {

    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,18}");
    private static final String UID_PREFIX = "uid:";

    /** Bridge's profile fields, by the directory's names for them. */
    static final String UID = "bridge_uid";
    static final String HRIS_ID = "hris_id";
    static final String DEPARTMENT = "department";
    static final String FULL_NAME = "full_name";
    static final String SORTABLE_NAME = "sortable_name";
    static final String AVATAR = "avatar_url";

    private final People people;

    BridgeTranslation(People people) {
        this.people = people;
    }

    /** An id, or {@code uid:<uid>}; anything else names no one. */
    static PersonRef person(String id) {
        if (id != null && id.startsWith(UID_PREFIX)) {
            return PersonRef.byProfile(UID, id.substring(UID_PREFIX.length()), id);
        }
        if (id != null && NUMERIC_ID.matcher(id).matches()) {
            return PersonRef.byId(Long.parseLong(id), id);
        }
        return PersonRef.nobody(id);
    }

    Enrolment enrolment(UserRequest request, Access rights) {
        List<InvalidHire.Violation> own = new ArrayList<>();
        String uid = request.uid() == null ? null : request.uid().trim();
        if (uid == null) {
            own.add(new InvalidHire.Violation("uid", "required", null));
        } else if (uid.isEmpty()) {
            own.add(new InvalidHire.Violation("uid", "blank", uid));
        } else if (FieldLimits.tooLong(uid, FieldLimits.EXTERNAL_ID)) {
            own.add(new InvalidHire.Violation("uid", FieldLimits.TOO_LONG, FieldLimits.EXTERNAL_ID));
        } else if (people.profileValueTaken(UID, uid)) {
            own.add(new InvalidHire.Violation("uid", "exists", uid));
        }
        String hrisId = blankToNull(request.hrisId());
        if (FieldLimits.tooLong(hrisId, FieldLimits.EXTERNAL_ID)) {
            own.add(new InvalidHire.Violation("hris_id", FieldLimits.TOO_LONG, FieldLimits.EXTERNAL_ID));
        } else if (hrisId != null && people.profileValueTaken(HRIS_ID, hrisId)) {
            own.add(new InvalidHire.Violation("hris_id", "exists", hrisId));
        }
        Long managerId = manager(request.managerId(), rights, own);
        String[] names = names(request);
        NewHire hire = NewHire.builder().firstName(names[0]).lastName(names[1]).email(request.email())
                .role(EmployeeRole.NEW_HIRE).position(request.jobTitle()).language(blankToNull(request.locale()))
                .startDay(request.hireDate()).managerId(managerId).build();
        Map<String, String> profile = new HashMap<>();
        profile.put(UID, uid);
        profile.put(HRIS_ID, hrisId);
        profile.put(DEPARTMENT, blankToNull(request.department()));
        profile.put(FULL_NAME, blankToNull(request.fullName()));
        profile.put(SORTABLE_NAME, blankToNull(request.sortableName()));
        List<Enrolment.Identified> custom = request.customFields() == null
                ? List.of()
                : request.customFields().stream()
                        .map(field -> field == null
                                ? new Enrolment.Identified(null, null)
                                : new Enrolment.Identified(field.id() != null ? field.id() : field.name(),
                                        field.value()))
                        .toList();
        return new Enrolment(hire, new EmployeeProfile(profile), custom, own);
    }

    UserResponse response(DirectoryEntry entry) {
        Employee employee = entry.employee();
        EmployeeProfile profile = entry.profile();
        String name = profile.get(FULL_NAME) != null
                ? profile.get(FULL_NAME)
                : employee.firstName() + " " + employee.lastName();
        List<String> roles = switch (employee.role()) {
            case ADMIN -> List.of("admin");
            case HR -> List.of("hr");
            case MANAGER -> List.of("manager");
            default -> List.of();
        };
        // The engine cannot act as another user: masquerading is never offered.
        return new UserResponse(employee.id(), profile.get(UID), employee.firstName(), employee.lastName(),
                employee.email(), employee.language(), roles, name, profile.get(AVATAR), entry.archivedAt(),
                employee.startDay(), List.of(), Map.of("can_masquerade", false), null, employee.updatedAt(), false,
                employee.position());
    }

    /** Bridge's learning words for a journey's progress: sequences are courses, journeys programs, meetings live courses. */
    static Summary summary(JourneyProgress progress) {
        return new Summary(progress.completedSequences(), progress.closedJourneys(), progress.completedMeetings(),
                progress.actionsOnTime(), progress.actionsOverdue());
    }

    /** A manager the caller could not reach directly is refused as an unknown one. */
    private Long manager(String managerId, Access rights, List<InvalidHire.Violation> violations) {
        if (managerId == null || managerId.isBlank()) {
            return null;
        }
        Optional<Long> manager = people.reachable(person(managerId.trim()), rights);
        if (manager.isEmpty()) {
            violations.add(new InvalidHire.Violation("managerId", "unknown_reference", managerId));
        }
        return manager.orElse(null);
    }

    /** first and last name, from themselves or else from full_name ("First Last") or sortable_name ("Last, First"). */
    private static String[] names(UserRequest request) {
        String first = request.firstName();
        String last = request.lastName();
        if ((first == null || last == null) && request.sortableName() != null && request.sortableName().contains(",")) {
            String[] parts = request.sortableName().split(",", 2);
            last = last == null ? parts[0].trim() : last;
            first = first == null ? parts[1].trim() : first;
        }
        if ((first == null || last == null) && request.fullName() != null && request.fullName().trim().contains(" ")) {
            String full = request.fullName().trim();
            int space = full.lastIndexOf(' ');
            first = first == null ? full.substring(0, space).trim() : first;
            last = last == null ? full.substring(space + 1).trim() : last;
        }
        return new String[]{first, last};
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
