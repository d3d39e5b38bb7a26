package dev.onboardingengine.api.portal;

import java.util.List;

import org.springframework.stereotype.Component;

/** Which actions the page treats as plain to-dos (done with one click): those no {@link PortalSection} handles. */
@Component
class PlainToDos {

    private final List<PortalSection> sections;

    PlainToDos(List<PortalSection> sections) {
        this.sections = sections;
    }

    boolean isPlain(String actionId) {
        return sections.stream().noneMatch(section -> section.handles(actionId));
    }

    /** A completion was posted for an action that a section does itself. */
    static class NotAToDo extends RuntimeException {

        NotAToDo(String actionId) {
            super("Action " + actionId + " is done through its own section, not marked done");
        }
    }
}
