package dev.onboardingengine.api.portal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.workflow.journey.EngineTime;
import dev.onboardingengine.workflow.notification.DirectMail;
import dev.onboardingengine.workflow.notification.PublicAddress;

/**
 * A person asks for a fresh link to their page by giving their email: whoever is active (see
 * {@link JourneyInvolvement}) gets one by mail, at most one a minute. The answer is the same whatever
 * the address, so the page tells nobody who works here.
 */
@Service
class LinkRequests {

    static final String REQUEST_PATH = PublicAddress.NEW_LINK_PATH;
    static final Duration THROTTLE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(LinkRequests.class);

    private final Employees employees;
    private final JourneyInvolvement involvement;
    private final MagicLinks links;
    private final DirectMail mail;
    private final EngineTime time;
    private final VisitorTime visitorTime;
    private final PublicAddress address;

    LinkRequests(Employees employees, JourneyInvolvement involvement, MagicLinks links, DirectMail mail,
            EngineTime time,
            VisitorTime visitorTime, PublicAddress address) {
        this.address = address;
        this.employees = employees;
        this.involvement = involvement;
        this.links = links;
        this.mail = mail;
        this.time = time;
        this.visitorTime = visitorTime;
    }

    /** Mails a link when the address is an active person's and none went out in the last minute. */
    @Transactional
    public void request(String email) {
        Optional<Employee> person = email == null || email.isBlank()
                ? Optional.empty()
                : employees.findByEmail(email.strip());
        if (person.isEmpty() || !involvement.isActive(person.get().id())) {
            return;
        }
        Employee employee = person.get();
        try (var ignored = MDC.putCloseable("employeeId", Long.toString(employee.id()))) {
            if (links.issuedSince(employee.id(), time.now().minus(THROTTLE))) {
                log.info("A link went to employee {} less than {} ago: not another", employee.id(), THROTTLE);
                return;
            }
            IssuedLink link = links.issue(employee, null);
            ZoneId zone = visitorTime.zoneOf(employee);
            mail.send("portal-link", employee.language(), employee.email(), Map.of("firstName", employee.firstName(),
                    "link", link.url(), "expiresAt", VisitorTime.format(link.expiresAt(), zone), "timeZone",
                    zone.getId(),
                    "requestUrl", address.of(REQUEST_PATH)));
        }
    }
}
