package dev.onboardingengine.api.dialect.workelo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.auth.AuditTrailPolicy;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.LogResponse;
import dev.onboardingengine.api.hire.OrganisationProperties;
import dev.onboardingengine.api.problem.DateOutOfRange;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.api.problem.ResourceNotFound;

/**
 * Workelo's activity logs (guide section 8): the audit trail, read-only. There is deliberately no
 * PUT, PATCH or DELETE here (they answer 405): entries cannot be changed through the API. The trail
 * spans every unit, so only administrators and HR without scopes read it.
 */
@RestController
class WorkeloLogController {

    private final AuditLog audit;
    private final DirectoryAccess access;
    private final OrganisationProperties organisation;

    WorkeloLogController(AuditLog audit, DirectoryAccess access, OrganisationProperties organisation) {
        this.audit = audit;
        this.access = access;
        this.organisation = organisation;
    }

    /**
     * Newest first. from and to are days (YYYY-MM-DD, both included, in the organisation's time zone)
     * or instants (2026-01-01T00:00:00Z).
     */
    @GetMapping("/logs")
    ResponseEntity<List<LogResponse>> logs(Caller caller,
            @RequestParam(required = false) String event,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset) {
        AuditTrailPolicy.requireRead(access.of(caller));
        List<InvalidInput.Violation> violations = new ArrayList<>();
        Instant start = from == null ? null : instant("from", from, false, violations);
        Instant until = to == null ? null : instant("to", to, true, violations);
        if (start != null && until != null && !start.isBefore(until)) {
            violations.add(new InvalidInput.Violation("to", "before_from", to));
        }
        Paging paging;
        try {
            paging = Paging.of(limit, offset);
        } catch (InvalidInput invalid) {
            violations.addAll(invalid.violations());
            paging = null;
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        String wanted = event == null || event.isBlank() ? null : event.trim();
        List<LogResponse> page = audit.search(wanted, start, until, paging.limit(), paging.offset()).stream()
                .map(LogResponse::of).toList();
        return ResponseEntity.ok().headers(paging.headers(audit.count(wanted, start, until))).body(page);
    }

    @GetMapping("/logs/{uuid}")
    LogResponse log(Caller caller, @PathVariable String uuid) {
        AuditTrailPolicy.requireRead(access.of(caller));
        UUID id;
        try {
            id = UUID.fromString(uuid);
        } catch (IllegalArgumentException e) {
            throw new LogNotFound(uuid);
        }
        return audit.find(id).map(LogResponse::of).orElseThrow(() -> new LogNotFound(uuid));
    }

    /** A day's start, or (for the end of a range given as a day) the next day's start, or an instant as given. */
    private Instant instant(String field, String value, boolean endOfDay, List<InvalidInput.Violation> violations) {
        try {
            LocalDate day = LocalDate.parse(value.trim());
            if (DateOutOfRange.isOutside(day)) {
                // The same years as dates in bodies: +999999999-12-31 overflowed the day after, then the database.
                violations.add(new InvalidInput.Violation(field, "date_out_of_range", value));
                return null;
            }
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneId.of(organisation.timeZone())).toInstant();
        } catch (DateTimeParseException notADay) {
            try {
                Instant instant = Instant.parse(value.trim());
                if (DateOutOfRange.isOutside(instant.atZone(ZoneOffset.UTC).toLocalDate())) {
                    violations.add(new InvalidInput.Violation(field, "date_out_of_range", value));
                    return null;
                }
                return instant;
            } catch (DateTimeParseException notAnInstant) {
                violations.add(new InvalidInput.Violation(field, "invalid_date", value));
                return null;
            }
        }
    }

    static class LogNotFound extends ResourceNotFound {

        LogNotFound(String uuid) {
            super("No log entry with uuid " + uuid);
        }
    }
}
