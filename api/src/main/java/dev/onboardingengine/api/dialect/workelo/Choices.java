package dev.onboardingengine.api.dialect.workelo;

import java.util.Optional;
import java.util.function.Function;

import dev.onboardingengine.api.problem.InvalidInput;

/** A query parameter that names one of a list (?status=, ?type=): absent is null, unknown a 400 naming it. */
final class Choices {

    private Choices() {
    }

    static <T> T of(String field, String value, Function<String, Optional<T>> parse) {
        return value == null
                ? null
                : parse.apply(value).orElseThrow(() -> InvalidInput.of(field, "invalid_choice", value));
    }
}
