package dev.onboardingengine.api.people;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.directory.DirectoryEntries;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.IdentificationResource;
import dev.onboardingengine.api.directory.Identifications;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.NewHireService;

/**
 * A person added through a dialect: a hire through {@link NewHireService} (a new hire gets a journey),
 * its profile fields (Offly's, Bridge's) and identification values, in one transaction: a refused or
 * raced request leaves nothing behind.
 */
@Service
public class PersonEnrolment {

    private final NewHireService hires;
    private final DirectoryEntries entries;
    private final Identifications identifications;

    PersonEnrolment(NewHireService hires, DirectoryEntries entries, Identifications identifications) {
        this.hires = hires;
        this.entries = entries;
        this.identifications = identifications;
    }

    /**
     * @throws dev.onboardingengine.api.problem.AccessDenied when the caller may not place the person
     * @throws InvalidHire naming every mistake: the hire's, the translation's, the identification values'
     */
    @Transactional
    public DirectoryEntry enrol(Enrolment enrolment, Access rights) {
        rights.requirePlacement(enrolment.hire().unitOrganizationId(), enrolment.hire().role());
        List<InvalidHire.Violation> found = new ArrayList<>(enrolment.violations());
        Map<Long, String> values = identificationValues(enrolment.identifications(), found);
        Employee employee = hires.hire(enrolment.hire(), found, rights.caller().employeeId());
        try {
            if (!enrolment.profile().fields().isEmpty()) {
                // A dialect without profile fields (ChiefOnboarding, Workelo) leaves the new row as written.
                entries.saveProfile(employee.id(), enrolment.profile(), Instant.now());
            }
        } catch (DuplicateKeyException raced) {
            // The same unique profile value added concurrently: the constraint decides, and the hire rolls back.
            String field = DirectoryEntries.PROFILE_FIELDS.stream()
                    .filter(DirectoryEntries.UNIQUE_PROFILE_FIELDS::contains)
                    .filter(name -> enrolment.profile().get(name) != null).findFirst().orElseThrow(() -> raced);
            throw new InvalidHire(
                    List.of(new InvalidHire.Violation(field, "duplicate", enrolment.profile().get(field))));
        }
        values.forEach((resourceId, value) -> identifications.set(employee.id(), resourceId, value,
                rights.caller().employeeId()));
        return entries.find(employee.id()).orElseThrow();
    }

    /** Resource id to value; each field must exist already (GET /identification_resources lists them). */
    private Map<Long, String> identificationValues(List<Enrolment.Identified> given,
            List<InvalidHire.Violation> violations) {
        Map<Long, String> values = new LinkedHashMap<>();
        if (given.isEmpty()) {
            return values;
        }
        List<IdentificationResource> resources = identifications.resources();
        for (Enrolment.Identified field : given) {
            String key = field.field();
            Optional<IdentificationResource> resource = key == null
                    ? Optional.empty()
                    : resources.stream()
                            .filter(r -> Long.toString(r.id()).equals(key.trim())
                                    || r.code().equalsIgnoreCase(key.trim()))
                            .findFirst();
            if (resource.isEmpty()) {
                violations.add(new InvalidHire.Violation("identifications", "unknown_field", key));
            } else if (field.value() == null || field.value().isBlank()) {
                violations.add(new InvalidHire.Violation("identifications", "no_value", key));
            } else {
                values.put(resource.get().id(), field.value());
            }
        }
        return values;
    }
}
