package dev.onboardingengine.workflow.notification;

import java.util.HashMap;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The engine's address as people's browsers reach it ({@code onboarding.portal.public-url}, else this
 * node on localhost), for the links that mails and the API hand out. Read from the environment, so the
 * engine needs nothing of the API module.
 */
@NamedInterface("notification")
@Component
public class PublicAddress {

    /** Where people ask for a link to their page: {@code {{pageUrl}}} in every mail template. */
    public static final String NEW_LINK_PATH = "/portal/new-link";
    static final String PAGE_URL = "pageUrl";

    private final Environment environment;

    PublicAddress(Environment environment) {
        this.environment = environment;
    }

    /** @param path from the root, e.g. {@code /portal/new-link} */
    public String of(String path) {
        String configured = environment.getProperty("onboarding.portal.public-url");
        if (configured != null && !configured.isBlank()) {
            return configured.strip().replaceAll("/+$", "") + path;
        }
        // local.server.port is the port actually bound (server.port may be 0: any free port).
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")) + path;
    }

    /** The values with {@code pageUrl} added, unless the caller gave one. */
    Map<String, ?> withPageUrl(Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.putIfAbsent(PAGE_URL, of(NEW_LINK_PATH));
        return all;
    }
}
