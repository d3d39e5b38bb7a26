package dev.onboardingengine.api.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /portal/new-link}: where a person whose link expired asks for a fresh one by mail. The page
 * needs no token and says the same thing whatever address is given.
 */
@PortalController
class PortalLinkRequestController {

    private static final Logger log = LoggerFactory.getLogger(PortalLinkRequestController.class);

    private final LinkRequests requests;

    PortalLinkRequestController(LinkRequests requests) {
        this.requests = requests;
    }

    @GetMapping(LinkRequests.REQUEST_PATH)
    String form() {
        return "portal/new-link";
    }

    @PostMapping(LinkRequests.REQUEST_PATH)
    String request(@RequestParam(required = false) String email, Model model) {
        try {
            requests.request(email);
        } catch (MailException unsent) {
            // The mail server is down: nothing was issued (the link rolled back); the person may try again.
            log.warn("A link asked for on the page could not be mailed: {}", unsent.getMessage());
        }
        model.addAttribute("email", email);
        return "portal/new-link-sent";
    }
}
