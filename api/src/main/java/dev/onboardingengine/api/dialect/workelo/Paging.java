package dev.onboardingengine.api.dialect.workelo;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.onboardingengine.api.problem.InvalidInput;

/**
 * limit/offset pagination, the kind Workelo's guide names for its large lists. The body stays a plain
 * JSON array, so a client that ignores paging still reads the first page; the total is in
 * {@code X-Total-Count} and the neighbouring pages in an RFC 8288 {@code Link} header.
 */
public record Paging(int limit, long offset) {

    static final int DEFAULT_LIMIT = 50;
    /** Lists that may grow large (tracks) count exactly up to here; past it the count says it is capped. */
    public static final long TOTAL_COUNT_CAP = 10_000;
    public static final String TOTAL_COUNT_CAPPED = "X-Total-Count-Capped";
    public static final int MAX_LIMIT = 200;

    public static Paging of(String limit, String offset) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        int parsedLimit = DEFAULT_LIMIT;
        long parsedOffset = 0;
        if (limit != null) {
            try {
                parsedLimit = Integer.parseInt(limit.trim());
                if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
                    violations.add(new InvalidInput.Violation("limit", "out_of_range", limit));
                }
            } catch (NumberFormatException e) {
                violations.add(new InvalidInput.Violation("limit", "not_a_number", limit));
            }
        }
        if (offset != null) {
            try {
                parsedOffset = Long.parseLong(offset.trim());
                if (parsedOffset < 0) {
                    violations.add(new InvalidInput.Violation("offset", "out_of_range", offset));
                }
            } catch (NumberFormatException e) {
                violations.add(new InvalidInput.Violation("offset", "not_a_number", offset));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new Paging(parsedLimit, parsedOffset);
    }

    public HttpHeaders headers(long total) {
        return headers(total, false);
    }

    /**
     * How many rows a capped count reads: one more than the cap, or than the end of this page when the
     * caller pages past the cap, so that "more than shown" (and the next link) is always known.
     */
    public long cappedCountLimit() {
        return Math.max(TOTAL_COUNT_CAP, offset + limit) + 1;
    }

    /**
     * Headers for a count read with {@link #cappedCountLimit}: below it the exact total; at it
     * {@code X-Total-Count} is the cap (or this page's end) and {@code X-Total-Count-Capped: true}
     * says the total is at least that, never a number that was not counted.
     */
    public HttpHeaders cappedHeaders(long counted) {
        long limitRead = cappedCountLimit();
        if (counted < limitRead) {
            return headers(counted, false);
        }
        HttpHeaders headers = headers(limitRead - 1, true);
        // more rows than this page's end exist, so there is a next page even where the count stops
        if (headers.getFirst(HttpHeaders.LINK) == null
                || !headers.getFirst(HttpHeaders.LINK).contains("rel=\"next\"")) {
            List<String> links = new ArrayList<>();
            links.add(link(offset + limit, "next"));
            if (headers.getFirst(HttpHeaders.LINK) != null) {
                links.add(headers.getFirst(HttpHeaders.LINK));
            }
            headers.set(HttpHeaders.LINK, String.join(", ", links));
        }
        return headers;
    }

    private HttpHeaders headers(long total, boolean capped) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Total-Count", Long.toString(total));
        if (capped) {
            headers.set(TOTAL_COUNT_CAPPED, "true");
        }
        List<String> links = new ArrayList<>();
        if (offset + limit < total) {
            links.add(link(offset + limit, "next"));
        }
        if (offset > 0) {
            links.add(link(Math.max(0, offset - limit), "prev"));
        }
        if (!links.isEmpty()) {
            headers.set(HttpHeaders.LINK, String.join(", ", links));
        }
        return headers;
    }

    private String link(long at, String rel) {
        String uri = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("limit", limit).replaceQueryParam("offset", at).build().toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
