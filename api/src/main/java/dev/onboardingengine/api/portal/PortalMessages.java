package dev.onboardingengine.api.portal;

import dev.onboardingengine.api.problem.InvalidInput;

/** What a person filling a form reads when an answer is refused: plain words, no field names. */
final class PortalMessages {

    private PortalMessages() {
    }

    static String of(InvalidInput.Violation violation) {
        Object value = violation.rejectedValue();
        return switch (violation.code()) {
            case "required" -> "Please fill this in.";
            case "invalid_date" -> "Please give a date.";
            case "invalid_choice" -> "Please choose one of the options.";
            case "not_under_parent" -> "This option does not go with the one chosen above.";
            case "too_long" -> "Please keep it under %s characters.".formatted(value);
            case "empty" -> "This file is empty.";
            case "too_large" -> "This file is too large (at most %s).".formatted(value);
            case "type_not_allowed" -> "This kind of file is not accepted: please send a PDF, PNG or JPEG.";
            case "disguised" -> "This file is not what its name says: please send the file itself.";
            default -> "Please check this answer.";
        };
    }
}
