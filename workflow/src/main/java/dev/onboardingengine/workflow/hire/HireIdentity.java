package dev.onboardingengine.workflow.hire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a {@link NewHireCreated} names the person its employee id belongs to now. The employee's
 * UUID decides when the event carries it: it never changes and is never reused, so an email or a
 * name edited after the hire was committed still matches. Events without it (published before
 * {@code employeeUuid} existed) are compared by email (trimmed, case-insensitive) and both names.
 */
public final class HireIdentity {

    private HireIdentity() {
    }

    /** @return why the event does not name that person (with the payload fields at fault); empty when it does */
    public static Optional<Mismatch> mismatch(NewHireCreated hire, Optional<HireDirectory.Entry> current) {
        if (current.isEmpty()) {
            return Optional
                    .of(new Mismatch("employee " + hire.employeeId() + " does not exist", List.of("employeeId")));
        }
        HireDirectory.Entry person = current.get();
        List<String> fields = new ArrayList<>();
        if (hire.employeeUuid() != null) {
            if (!hire.employeeUuid().equals(person.uuid())) {
                fields.add("employeeUuid");
            }
        } else {
            if (!normalized(hire.email()).equals(normalized(person.email()))) {
                fields.add("email");
            }
            if (!String.valueOf(hire.firstName()).strip().equals(String.valueOf(person.firstName()).strip())) {
                fields.add("firstName");
            }
            if (!String.valueOf(hire.lastName()).strip().equals(String.valueOf(person.lastName()).strip())) {
                fields.add("lastName");
            }
        }
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Mismatch("employee %d is %s %s <%s>, not the hire of this event, %s %s <%s> (%s differ)"
                .formatted(hire.employeeId(), person.firstName(), person.lastName(), person.email(), hire.firstName(),
                        hire.lastName(), hire.email(), String.join(", ", fields)),
                fields));
    }

    private static String normalized(String email) {
        return String.valueOf(email).strip().toLowerCase(Locale.ROOT);
    }

    /** @param fields the event's own names of the fields that do not match */
    public record Mismatch(String reason, List<String> fields) {
    }
}
