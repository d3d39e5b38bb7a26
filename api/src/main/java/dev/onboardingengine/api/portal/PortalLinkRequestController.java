package dev.onboardingengine.api.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.onboardingengine.api.throttle.ClientThrottle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /portal/new-link}: where a person whose link expired asks for a fresh one by mail. The page
 * needs no token and says the same thing whatever address is given, in the same time: the address is
 * looked up and the link mailed on {@link PortalLinkRequestConfiguration#EXECUTOR}, after the answer
 * went out. A client address that asks too often (beyond {@code onboarding.portal.link-requests-per-client}
 * per {@code link-request-window}) is answered 429 and nothing is looked up; each recipient still gets
 * at most one link a minute ({@link LinkRequests}).
 */
@PortalController
class PortalLinkRequestController {

    private static final Logger log = LoggerFactory.getLogger(PortalLinkRequestController.class);

    private final LinkRequests requests;
    private final ClientThrottle throttle;
    private final TaskExecutor executor;

    PortalLinkRequestController(LinkRequests requests, ClientThrottle linkRequestThrottle,
            @org.springframework.beans.factory.annotation.Qualifier(PortalLinkRequestConfiguration.EXECUTOR) TaskExecutor executor) {
        this.requests = requests;
        this.throttle = linkRequestThrottle;
        this.executor = executor;
    }

    @GetMapping(LinkRequests.REQUEST_PATH)
    String form() {
        return "portal/new-link";
    }

    @PostMapping(LinkRequests.REQUEST_PATH)
    String request(@RequestParam(required = false) String email, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        ClientThrottle.Attempt attempt = throttle.tryAcquire(request.getRemoteAddr());
        if (!attempt.allowed()) {
            log.warn("Links asked for from {} refused for {} s: too many", request.getRemoteAddr(),
                    attempt.retryAfterSeconds());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(attempt.retryAfterSeconds()));
            model.addAttribute("minutes", Math.max(1, (attempt.retryAfterSeconds() + 59) / 60));
            return "portal/new-link-wait";
        }
        try {
            executor.execute(() -> mail(email));
        } catch (TaskRejectedException full) {
            log.warn("A link asked for on the page was dropped: {} requests are waiting",
                    PortalLinkRequestConfiguration.QUEUE);
        }
        model.addAttribute("email", email);
        return "portal/new-link-sent";
    }

    private void mail(String email) {
        try {
            requests.request(email);
        } catch (MailException unsent) {
            // The mail server is down: nothing was issued (the link rolled back); the person may try again.
            log.warn("A link asked for on the page could not be mailed: {}", unsent.getMessage());
        } catch (RuntimeException failed) {
            log.warn("A link asked for on the page could not be issued: {}", failed.getMessage());
        }
    }
}
