package dev.onboardingengine.workflow.notification;

import java.util.HashMap;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where people ask for a link to their page ({@code {{pageUrl}}} in every mail template): the
 * engine's public address ({@code onboarding.portal.public-url}, else this node on localhost) plus
 * {@code /portal/new-link}. Read from the environment, so the engine needs nothing of the API module.
 */
@Component
class PageAddress {

    static final String PLACEHOLDER = "pageUrl";

    private final Environment environment;

    PageAddress(Environment environment) {
        this.environment = environment;
    }

    String pageUrl() {
        String configured = environment.getProperty("onboarding.portal.public-url");
        String base = configured != null && !configured.isBlank() ? configured.strip().replaceAll("/+$", "")
                : "http://localhost:" + environment.getProperty("local.server.port",
                        environment.getProperty("server.port", "8080"));
        return base + "/portal/new-link";
    }

    /** The values with {@code pageUrl} added, unless the caller gave one. */
    Map<String, ?> with(Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.putIfAbsent(PLACEHOLDER, pageUrl());
        return all;
    }
}
