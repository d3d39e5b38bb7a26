package dev.onboardingengine.api.portal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.hire.OrganisationProperties;

/** Moments as the visitor reads them: in their own time zone, else the organisation's. */
@Component
class VisitorTime {

    static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final OrganisationProperties organisation;
    private final Employees employees;

    VisitorTime(OrganisationProperties organisation, Employees employees) {
        this.organisation = organisation;
        this.employees = employees;
    }

    ZoneId zoneOf(PortalVisitor visitor) {
        return zoneOf(employees.find(visitor.employeeId()).orElse(null));
    }

    ZoneId zoneOf(Employee employee) {
        try {
            return ZoneId.of(employee != null && employee.timeZone() != null
                    ? employee.timeZone()
                    : organisation.timeZone());
        } catch (DateTimeException unknownZone) {
            return ZoneId.of("UTC");
        }
    }

    /** null stays null (no due date). */
    static String format(Instant moment, ZoneId zone) {
        return moment == null ? null : MOMENT.format(moment.atZone(zone));
    }
}
