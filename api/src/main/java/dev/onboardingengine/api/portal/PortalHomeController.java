package dev.onboardingengine.api.portal;

import java.util.List;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The new hire's page: {@code GET /portal/{token}} shows the visitor's journey, progress and next
 * actions; {@code POST /portal/{token}/actions/{id}/complete} marks one done and redirects back
 * (post/redirect/get, so a reload never posts twice). The token in the path is the only credential:
 * no session and no cookie, hence nothing a cross-site form could ride on.
 */
@PortalController
class PortalHomeController {

    static final String ALL_DONE = "/portal/all-done";

    private final MagicLinks links;
    private final HomePages pages;
    private final PortalCompletion completion;
    private final List<PortalSection> sections;

    PortalHomeController(MagicLinks links, HomePages pages, PortalCompletion completion, List<PortalSection> sections) {
        this.links = links;
        this.pages = pages;
        this.completion = completion;
        this.sections = sections;
    }

    /** @param done present after a completion: the page says it worked */
    @GetMapping("/portal/{token}")
    String home(@PathVariable String token, @RequestParam(required = false) String done, Model model) {
        PortalVisitor visitor = links.require(token);
        model.addAttribute("token", token);
        model.addAttribute("visitor", visitor);
        model.addAttribute("page", pages.of(visitor));
        model.addAttribute("done", done != null);
        sections.forEach(section -> section.contribute(visitor, model));
        return "portal/home";
    }

    @PostMapping("/portal/{token}/actions/{actionId}/complete")
    String complete(@PathVariable String token, @PathVariable String actionId) {
        completion.complete(links.require(token), actionId);
        // A buddy or manager is let in only for their open actions: after their last one the link stops
        // working, so they land on a page that needs no token instead of on "link not valid".
        return links.resolve(token).isPresent() ? "redirect:/portal/" + token + "?done" : "redirect:" + ALL_DONE;
    }

    @GetMapping(ALL_DONE)
    String allDone() {
        return "portal/all-done";
    }

    /** Any other address under /portal answers the same page as a wrong link, whatever its token. */
    @RequestMapping({"/portal", "/portal/**"})
    String elsewhere() {
        throw new PortalLinkNotValid();
    }
}
