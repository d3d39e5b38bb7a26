package dev.onboardingengine.api.problem;

import java.util.List;
import java.util.Optional;

import org.springframework.web.util.UrlPathHelper;

import jakarta.servlet.http.HttpServletRequest;

/** The {@link ErrorDialect} that covers a request, if any. */
public final class ErrorDialects {

    private final List<ErrorDialect> dialects;

    public ErrorDialects(List<ErrorDialect> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    public Optional<ErrorDialect> of(HttpServletRequest request) {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        return dialects.stream().filter(dialect -> dialect.covers(path)).findFirst();
    }
}
