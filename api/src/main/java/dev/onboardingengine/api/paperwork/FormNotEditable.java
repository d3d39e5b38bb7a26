package dev.onboardingengine.api.paperwork;

/** The form's status does not allow the change (409). */
public class FormNotEditable extends RuntimeException {

    public FormNotEditable(long id, FormStatus status) {
        super("Form %d is %s.".formatted(id, status.wireName()));
    }
}
