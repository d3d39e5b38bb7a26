package dev.onboardingengine.api.portal;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /portal/portal.css}, without a token. Served here rather than as a static resource because
 * {@code /portal/{token}} would otherwise take the address; a literal path wins over a pattern.
 */
@Controller
class PortalStylesheet {

    private final Resource stylesheet = new ClassPathResource("portal/portal.css");

    @GetMapping(PortalWebConfiguration.STYLESHEET)
    ResponseEntity<Resource> stylesheet() {
        return ResponseEntity.ok().contentType(new MediaType("text", "css"))
                .cacheControl(CacheControl.maxAge(PortalWebConfiguration.STYLESHEET_MAX_AGE).cachePublic())
                .body(stylesheet);
    }
}
