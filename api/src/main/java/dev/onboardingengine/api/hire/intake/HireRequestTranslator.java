package dev.onboardingengine.api.hire.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.workflow.sequence.Sequence;
import dev.onboardingengine.workflow.sequence.SequenceCatalog;

/**
 * Turns a hire request into the {@link NewHire} every channel hands to NewHireService, resolving
 * what only the topic speaks: people by external id, sequences by process key, roles by name.
 * What it cannot resolve is reported with the topic's own field names, beside NewHireService's
 * findings, so a sender hears of every mistake at once.
 */
@Component
class HireRequestTranslator {

    /** NewHire's field names as the hire-requests topic spells them. */
    private static final Map<String, String> TOPIC_FIELDS = Map.ofEntries(
            Map.entry("externalId", "external_id"), Map.entry("firstName", "first_name"),
            Map.entry("lastName", "last_name"), Map.entry("email", "email"), Map.entry("role", "role"),
            Map.entry("phone", "phone"), Map.entry("position", "position"), Map.entry("language", "language"),
            Map.entry("message", "message"), Map.entry("startDay", "start_date"), Map.entry("timeZone", "time_zone"),
            Map.entry("buddyId", "buddy_id"), Map.entry("managerId", "manager_id"),
            Map.entry("sequenceIds", "sequences"));

    /** ChiefOnboarding's role numbers 0-3. */
    private static final List<EmployeeRole> NUMBERED_ROLES = List.of(EmployeeRole.NEW_HIRE, EmployeeRole.ADMIN,
            EmployeeRole.MANAGER, EmployeeRole.OTHER);

    private final Employees employees;
    private final SequenceCatalog sequences;

    HireRequestTranslator(Employees employees, SequenceCatalog sequences) {
        this.employees = employees;
        this.sequences = sequences;
    }

    /** @param violations what could not be translated, with topic field names already */
    record Translation(NewHire hire, List<InvalidHire.Violation> violations) {
    }

    Translation translate(HireRequest request) {
        List<InvalidHire.Violation> violations = new ArrayList<>();
        EmployeeRole role = role(request.role(), violations);
        Long buddyId = person("buddy", request.buddyId(), request.buddyExternalId(), violations);
        Long managerId = person("manager", request.managerId(), request.managerExternalId(), violations);
        List<Long> sequenceIds = sequenceIds(request.sequences(), violations);
        NewHire hire = NewHire.builder().firstName(request.firstName()).lastName(request.lastName())
                .email(request.email()).role(role).phone(request.phone()).position(request.position())
                .language(request.language()).message(request.message()).startDay(request.startDate())
                .buddyId(buddyId).managerId(managerId).timeZone(request.timeZone()).sequenceIds(sequenceIds).build();
        return new Translation(hire, violations);
    }

    /** The name a NewHire field (or an already translated one) has on the topic. */
    static String topicField(String field) {
        return TOPIC_FIELDS.getOrDefault(field, field);
    }

    private static EmployeeRole role(JsonNode role, List<InvalidHire.Violation> violations) {
        if (role == null || role.isNull()) {
            return EmployeeRole.NEW_HIRE; // it is a hire request, after all
        }
        Optional<EmployeeRole> known = Optional.empty();
        if (role.isTextual()) {
            String name = role.asText().trim().toUpperCase(Locale.ROOT);
            known = Arrays.stream(EmployeeRole.values()).filter(r -> r.name().equals(name)).findFirst();
        } else if (role.isIntegralNumber() && role.asInt() >= 0 && role.asInt() < NUMBERED_ROLES.size()) {
            known = Optional.of(NUMBERED_ROLES.get(role.asInt()));
        }
        if (known.isEmpty()) {
            violations.add(new InvalidHire.Violation("role", "invalid_choice", role.toString()));
            // Any role, so that NewHireService still reports the other fields; the violation rejects the request.
            return EmployeeRole.NEW_HIRE;
        }
        return known.get();
    }

    private Long person(String relation, Long id, String externalId, List<InvalidHire.Violation> violations) {
        if (externalId == null) {
            return id;
        }
        String field = relation + "_external_id";
        if (id != null) {
            violations.add(new InvalidHire.Violation(field, "conflict", externalId));
            return null;
        }
        Optional<Long> found = employees.findByExternalId(externalId).map(Employee::id);
        if (found.isEmpty()) {
            violations.add(new InvalidHire.Violation(field, "unknown_reference", externalId));
        }
        return found.orElse(null);
    }

    private List<Long> sequenceIds(List<JsonNode> requested, List<InvalidHire.Violation> violations) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        List<Sequence> deployed = sequences.all();
        List<Long> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (JsonNode sequence : requested) {
            if (sequence != null && sequence.isIntegralNumber()) {
                ids.add(sequence.asLong()); // NewHireService checks that the id exists
            } else if (sequence != null && sequence.isTextual()) {
                deployed.stream().filter(s -> s.processKey().equals(sequence.asText())).findFirst()
                        .ifPresentOrElse(s -> ids.add(s.id()), () -> unknown.add(sequence.asText()));
            } else {
                unknown.add(String.valueOf(sequence));
            }
        }
        if (!unknown.isEmpty()) {
            violations.add(new InvalidHire.Violation("sequences", "unknown_reference", unknown));
        }
        return ids;
    }
}
