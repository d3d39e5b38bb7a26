package dev.onboardingengine.api.auth;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The first path segments of Workelo's routes, which its guide writes from the root (and its reference
 * under {@code /v1/}). One list for the token filter and for the {@code /v1} paths.
 */
public final class WorkeloRoutes {

    static final String[] ROOTS = {"/employees", "/user_roles", "/level_organizations", "/unit_organizations",
            "/identification_resources", "/unit_organization_managements", "/logs", "/templates", "/tracks", "/owners",
            "/forms", "/paperworks", "/paperwork_files", "/paperwork_resources", "/attachments", "/document_resources",
            "/collection_values", "/user_magic_links", "/user_magic_links_by_email",
            "/user_magic_links_by_external_id"};

    private WorkeloRoutes() {
    }

    /** Whether a route's path pattern is one of Workelo's (from the root). */
    public static boolean isWorkelo(String path) {
        return Arrays.stream(ROOTS).anyMatch(root -> path.equals(root) || path.startsWith(root + "/"));
    }

    /** Servlet URL patterns ("/x/*" also matches "/x") of the routes at the root and under /v1. */
    static String[] servletPatterns() {
        return Stream.concat(Arrays.stream(ROOTS), Arrays.stream(ROOTS).map(root -> "/v1" + root))
                .map(root -> root + "/*").toArray(String[]::new);
    }
}
