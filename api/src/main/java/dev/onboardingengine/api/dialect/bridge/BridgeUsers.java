package dev.onboardingengine.api.dialect.bridge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.hire.ReferenceReach;
import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.CustomField;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.Summary;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.UserRequest;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.UserResponse;
import dev.onboardingengine.api.directory.DirectoryEntries;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeProfile;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.IdentificationResource;
import dev.onboardingengine.api.directory.Identifications;
import dev.onboardingengine.api.hire.EmployeeArchive;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.api.hire.OrganisationProperties;
import dev.onboardingengine.api.input.FieldLimits;
import dev.onboardingengine.api.problem.AccessDenied;
import dev.onboardingengine.api.problem.DateOutOfRange;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.workflow.action.Action;
import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.journey.JourneyQueries;
import dev.onboardingengine.workflow.journey.JourneyStatus;

/**
 * Bridge's admin users over the one directory. A user added through Bridge is a new hire through
 * {@link NewHireService} (so a journey starts, whose actions the summary counts); Bridge's uid, HRIS
 * id, department and display names are saved on the same row in the same transaction, and custom
 * fields are the directory's identification fields.
 */
@Service
class BridgeUsers {

    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,18}");
    private static final String UID_PREFIX = "uid:";
    /** The actions that are meetings: Bridge's live trainings. */
    private static final Pattern MEETING = Pattern.compile("(?i).*(meet|check-in|call|introduc).*");

    private final NewHireService hires;
    private final DirectoryEntries entries;
    private final Identifications identifications;
    private final EmployeeArchive archive;
    private final BridgeDeletions deletions;
    private final JourneyActions actions;
    private final JourneyQueries journeys;
    private final OrganisationProperties organisation;
    private final ReferenceReach references;

    BridgeUsers(NewHireService hires, DirectoryEntries entries, Identifications identifications, EmployeeArchive archive,
            BridgeDeletions deletions, JourneyActions actions, JourneyQueries journeys,
            OrganisationProperties organisation, ReferenceReach references) {
        this.references = references;
        this.hires = hires;
        this.entries = entries;
        this.identifications = identifications;
        this.archive = archive;
        this.deletions = deletions;
        this.actions = actions;
        this.journeys = journeys;
        this.organisation = organisation;
    }

    @Transactional
    UserResponse add(UserRequest request, Access rights) {
        // Bridge has no units: like ChiefOnboarding, a scoped caller could only add people outside its reach.
        rights.requirePlacement(null, EmployeeRole.NEW_HIRE);
        List<InvalidHire.Violation> own = new ArrayList<>();
        String uid = request.uid() == null ? null : request.uid().trim();
        if (uid == null) {
            own.add(new InvalidHire.Violation("uid", "required", null));
        } else if (uid.isEmpty()) {
            own.add(new InvalidHire.Violation("uid", "blank", uid));
        } else if (FieldLimits.tooLong(uid, FieldLimits.EXTERNAL_ID)) {
            own.add(new InvalidHire.Violation("uid", FieldLimits.TOO_LONG, FieldLimits.EXTERNAL_ID));
        } else if (entries.bridgeUidTaken(uid)) {
            own.add(new InvalidHire.Violation("uid", "exists", uid));
        }
        String hrisId = blankToNull(request.hrisId());
        if (FieldLimits.tooLong(hrisId, FieldLimits.EXTERNAL_ID)) {
            own.add(new InvalidHire.Violation("hris_id", FieldLimits.TOO_LONG, FieldLimits.EXTERNAL_ID));
        } else if (hrisId != null && entries.hrisIdTaken(hrisId)) {
            own.add(new InvalidHire.Violation("hris_id", "exists", hrisId));
        }
        Long managerId = manager(request.managerId(), rights, own);
        Map<Long, String> customValues = customFields(request.customFields(), own);
        String[] names = names(request);
        NewHire hire = NewHire.builder().firstName(names[0]).lastName(names[1]).email(request.email())
                .role(EmployeeRole.NEW_HIRE).position(request.jobTitle()).language(blankToNull(request.locale()))
                .startDay(request.hireDate()).managerId(managerId).build();
        List<InvalidHire.Violation> all = new ArrayList<>(hires.validate(hire));
        all.addAll(own);
        if (!all.isEmpty()) {
            throw new InvalidHire(all);
        }
        Employee employee = hires.hire(hire, rights.caller().employeeId());
        try {
            entries.saveProfile(employee.id(), new EmployeeProfile(List.of(), null, null, uid, hrisId,
                    blankToNull(request.department()), blankToNull(request.fullName()),
                    blankToNull(request.sortableName())), Instant.now());
        } catch (DuplicateKeyException raced) {
            // The same uid or HRIS id added concurrently: the constraint decides, and the hire rolls back.
            throw new InvalidHire(List.of(new InvalidHire.Violation("uid", "exists", uid)));
        }
        customValues.forEach((resourceId, value) ->
                identifications.set(employee.id(), resourceId, value, rights.caller().employeeId()));
        return response(entries.find(employee.id()).orElseThrow());
    }

    /** @param async true: answered at once, deleted by a background worker */
    void delete(String id, boolean async, Access rights) {
        DirectoryEntry entry = resolve(id);
        rights.changeable(entry.employee());
        notYourself(entry, rights, "delete");
        if (entry.archived()) {
            return;
        }
        if (async) {
            deletions.deleteLater(entry.employee().id(), rights.caller().employeeId());
        } else {
            archive.archive(entry.employee().id(), rights.caller().employeeId());
        }
    }

    void hide(String id, Access rights) {
        DirectoryEntry entry = resolve(id);
        rights.changeable(entry.employee());
        notYourself(entry, rights, "hide");
        archive.hide(entry.employee().id(), rights.caller().employeeId());
    }

    /**
     * Counts from the person's journeys, in the period (days in the organisation's time zone, both
     * included; an absent bound is open): a completed course is a sequence whose actions are all done,
     * the last of them in the period; a completed program a journey closed in the period; a completed
     * live course a meeting action (its name says meet, call, check-in or introduce) done in the
     * period; on time, actions done in the period by their due date; overdue, actions due in the period
     * and done after it or still open past it.
     */
    @Transactional(readOnly = true)
    Summary summary(String id, LocalDate startDate, LocalDate endDate, Access rights) {
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
        Employee employee = rights.visible(resolve(id).employee());
        ZoneId zone = ZoneId.of(organisation.timeZone());
        Instant from = startDate == null ? Instant.MIN : startDate.atStartOfDay(zone).toInstant();
        Instant until = endDate == null ? Instant.MAX : endDate.plusDays(1).atStartOfDay(zone).toInstant();
        Predicate<Instant> inPeriod = at -> at != null && !at.isBefore(from) && at.isBefore(until);
        List<Action> all = actions.actionsOf(employee.id());
        long courses = all.stream().filter(action -> action.sequenceKey() != null)
                .collect(Collectors.groupingBy(Action::sequenceKey)).values().stream()
                .filter(sequence -> sequence.stream().noneMatch(Action::isOpen))
                .filter(sequence -> inPeriod.test(sequence.stream().map(Action::completedAt).max(Instant::compareTo)
                        .orElse(null)))
                .count();
        long programs = journeys.journeysOf(employee.id()).stream()
                .filter(journey -> journey.history().stream().anyMatch(change ->
                        change.status() == JourneyStatus.CLOSED && inPeriod.test(change.changedAt())))
                .count();
        long live = all.stream().filter(action -> inPeriod.test(action.completedAt()))
                .filter(action -> action.name() != null && MEETING.matcher(action.name()).matches()).count();
        long onTime = all.stream().filter(action -> inPeriod.test(action.completedAt()))
                .filter(action -> action.due() == null || !action.completedAt().isAfter(action.due())).count();
        long overdue = all.stream().filter(action -> inPeriod.test(action.due()))
                .filter(action -> action.overdue()
                        || (action.completedAt() != null && action.completedAt().isAfter(action.due())))
                .count();
        return new Summary(courses, programs, live, onTime, overdue);
    }

    /** An id, or {@code uid:<uid>}; anything else names no one. Hidden people are not found. */
    DirectoryEntry resolve(String id) {
        Optional<DirectoryEntry> found = Optional.empty();
        if (id != null && id.startsWith(UID_PREFIX)) {
            found = entries.findByBridgeUid(id.substring(UID_PREFIX.length()));
        } else if (id != null && NUMERIC_ID.matcher(id).matches()) {
            found = entries.find(Long.parseLong(id));
        }
        return found.orElseThrow(() -> new BridgeUserNotFound(id));
    }

    private static void notYourself(DirectoryEntry entry, Access rights, String what) {
        if (entry.employee().id() == rights.caller().employeeId()) {
            throw new AccessDenied("A user cannot %s himself/herself.".formatted(what));
        }
    }

    /** A manager the caller could not reach directly is refused as an unknown one. */
    private Long manager(String managerId, Access rights, List<InvalidHire.Violation> violations) {
        if (managerId == null || managerId.isBlank()) {
            return null;
        }
        Optional<DirectoryEntry> manager;
        try {
            manager = Optional.of(resolve(managerId.trim())).filter(found -> !found.archived())
                    .filter(found -> !references.hides(rights.reach(), found.employee().id()));
        } catch (BridgeUserNotFound unknown) {
            manager = Optional.empty();
        }
        if (manager.isEmpty()) {
            violations.add(new InvalidHire.Violation("manager_id", "unknown_reference", managerId));
        }
        return manager.map(found -> found.employee().id()).orElse(null);
    }

    /** Resource id to value; each field must exist already (GET /identification_resources lists them). */
    private Map<Long, String> customFields(List<CustomField> fields, List<InvalidHire.Violation> violations) {
        Map<Long, String> values = new java.util.LinkedHashMap<>();
        if (fields == null) {
            return values;
        }
        List<IdentificationResource> resources = identifications.resources();
        for (CustomField field : fields) {
            String key = field == null ? null : field.id() != null ? field.id() : field.name();
            Optional<IdentificationResource> resource = key == null ? Optional.empty() : resources.stream()
                    .filter(r -> Long.toString(r.id()).equals(key.trim()) || r.code().equalsIgnoreCase(key.trim()))
                    .findFirst();
            if (resource.isEmpty()) {
                violations.add(new InvalidHire.Violation("custom_fields", "unknown_field", key));
            } else if (field.value() == null || field.value().isBlank()) {
                violations.add(new InvalidHire.Violation("custom_fields", "no_value", key));
            } else {
                values.put(resource.get().id(), field.value());
            }
        }
        return values;
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
        return new String[] {first, last};
    }

    UserResponse response(DirectoryEntry entry) {
        Employee employee = entry.employee();
        String name = entry.profile().fullName() != null ? entry.profile().fullName()
                : employee.firstName() + " " + employee.lastName();
        List<String> roles = switch (employee.role()) {
            case ADMIN -> List.of("admin");
            case HR -> List.of("hr");
            case MANAGER -> List.of("manager");
            default -> List.of();
        };
        // The engine cannot act as another user: masquerading is never offered.
        return new UserResponse(employee.id(), entry.profile().bridgeUid(), employee.firstName(), employee.lastName(),
                employee.email(), employee.language(), roles, name, entry.profile().avatarUrl(), entry.archivedAt(),
                employee.startDay(), List.of(), Map.of("can_masquerade", false), null, employee.updatedAt(), false,
                employee.position());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
