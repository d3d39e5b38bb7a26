package dev.onboardingengine.api.paperwork;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.onboardingengine.api.problem.InvalidInput;

/**
 * Which answer a form's field accepts: text within its length, an ISO date, an option of its list (and, for
 * a dependent list, one under the option chosen for its parent list). Writes nothing.
 */
@Component
class FormAnswers {

    static final int TEXT_LIMIT = 4000;

    private final CollectionValues collectionValues;

    FormAnswers(CollectionValues collectionValues) {
        this.collectionValues = collectionValues;
    }

    /** A checked answer: what the paperwork will hold. */
    record Chosen(String text, Long collectionValueId, Long fileId) {

        static final Chosen NOTHING = new Chosen(null, null, null);
    }

    /**
     * Checks the answers to several fields at once (the hire's page): every answer, so that the error names
     * each wrong field by its key.
     *
     * @param answers by paperwork id: absent leaves a field as it is, blank empties it; file fields are
     *     not answered here
     * @return what each changed field will hold, in the form's order
     * @throws InvalidInput naming each wrong field by its key
     */
    Map<Paperwork, Chosen> checkAll(List<Paperwork> paperworks, Map<Long, String> answers) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        Map<Paperwork, Chosen> changes = new LinkedHashMap<>();
        Map<Long, Chosen> chosenSoFar = new LinkedHashMap<>();
        for (Paperwork paperwork : paperworks) {
            if (paperwork.type() == ResourceType.FILE) {
                continue;
            }
            String answer = answers.get(paperwork.id());
            if (answer == null) {
                continue;
            }
            if (answer.isBlank()) {
                if (paperwork.filled()) {
                    changes.put(paperwork, Chosen.NOTHING); // emptied on purpose
                }
                continue;
            }
            try {
                Chosen chosen = check(paperwork, answer, paperwork.key(), paperworks, chosenSoFar);
                changes.put(paperwork, chosen);
                chosenSoFar.put(paperwork.id(), chosen);
            } catch (InvalidInput wrong) {
                violations.addAll(wrong.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return changes;
    }

    /** @throws InvalidInput naming each required field still empty, when the form is handed in */
    void checkComplete(List<Paperwork> paperworks) {
        List<InvalidInput.Violation> missing = paperworks.stream().filter(p -> p.required() && !p.filled())
                .map(p -> new InvalidInput.Violation(p.key(), "required", null)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
    }

    /**
     * @param answer a string or a number; null clears the field
     * @param field the client's name for the answer
     * @param formPaperworks every field of the form
     * @param chosenSoFar answers of the same submission, by paperwork id, for dependent lists
     * @throws InvalidInput naming {@code field}
     */
    Chosen check(Paperwork paperwork, Object answer, String field, List<Paperwork> formPaperworks,
            Map<Long, Chosen> chosenSoFar) {
        if (answer == null) {
            return Chosen.NOTHING;
        }
        if (!(answer instanceof String) && !(answer instanceof Number)) {
            throw InvalidInput.of(field, "not_a_string", null);
        }
        String text = answer.toString();
        return switch (paperwork.type()) {
            case TEXT -> {
                int limit = paperwork.maxLength() == null ? TEXT_LIMIT : Math.min(paperwork.maxLength(), TEXT_LIMIT);
                if (text.length() > limit) {
                    throw InvalidInput.of(field, "too_long", limit);
                }
                yield new Chosen(text, null, null);
            }
            case DATE -> {
                try {
                    yield new Chosen(LocalDate.parse(text.strip()).toString(), null, null);
                } catch (DateTimeParseException notADate) {
                    throw InvalidInput.of(field, "invalid_date", text);
                }
            }
            case SELECTION -> {
                CollectionValue option = collectionValues.choose(paperwork.resourceId(), text)
                        .orElseThrow(() -> InvalidInput.of(field, "invalid_choice", text));
                checkParentChosen(option, field, formPaperworks, chosenSoFar);
                yield new Chosen(option.label(), option.id(), null);
            }
            case FILE -> throw InvalidInput.of(field, "use_paperwork_files", null);
        };
    }

    /**
     * A dependent option must hang under the option chosen in the same form for its parent list (a city
     * under the chosen postal code), when that list is in the form and answered.
     */
    private void checkParentChosen(CollectionValue option, String field, List<Paperwork> formPaperworks,
            Map<Long, Chosen> chosenSoFar) {
        if (option.parentId() == null) {
            return;
        }
        CollectionValue parent = collectionValues.find(option.parentId()).orElse(null);
        if (parent == null) {
            return;
        }
        for (Paperwork other : formPaperworks) {
            if (other.resourceId() != parent.resourceId()) {
                continue;
            }
            Chosen pending = chosenSoFar.get(other.id());
            Long chosenParent = pending != null ? pending.collectionValueId() : other.collectionValueId();
            if (chosenParent != null && !chosenParent.equals(parent.id())) {
                throw InvalidInput.of(field, "not_under_parent", other.key());
            }
        }
    }
}
