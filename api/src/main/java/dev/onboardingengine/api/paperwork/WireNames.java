package dev.onboardingengine.api.paperwork;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The paperwork enums travel as their lower-case names (missing_validation, sign, ...). */
final class WireNames {

    private WireNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(E[] values, String name) {
        return Arrays.stream(values).filter(value -> of(value).equals(name)).findFirst();
    }
}
