package dev.onboardingengine.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.ui.Model;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.workflow.action.Action;
import dev.onboardingengine.workflow.action.JourneyActions;

/**
 * "Mark as done" completes only the visitor's own plain to-dos: an action that a {@link PortalSection}
 * does itself (a form, a document) is refused before the engine is asked, so nobody skips a form.
 */
class PortalCompletionTests {

    private static final PortalVisitor VISITOR = new PortalVisitor(7, Instant.parse("2026-05-01T10:00:00Z"));

    private final JourneyActions actions = mock(JourneyActions.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final PortalSection forms = new PortalSection() {

        @Override
        public void contribute(PortalVisitor visitor, Model model) {
        }

        @Override
        public boolean handles(String actionId) {
            return actionId.startsWith("form-");
        }
    };
    private final PortalCompletion completion = new PortalCompletion(actions, new PlainToDos(List.of(forms)), audit,
            mock(JourneyInvolvement.class));

    @Test
    void refusesAnActionThatASectionDoesItself() {
        assertThatThrownBy(() -> completion.complete(VISITOR, "form-1")).isInstanceOf(PlainToDos.NotAToDo.class);
        verifyNoInteractions(actions, audit);
    }

    @Test
    @SuppressWarnings("unchecked")
    void completesAPlainToDoOnlyIfItIsTheVisitorsAndAuditsTheVisitor() {
        completion.complete(VISITOR, "todo-1");

        ArgumentCaptor<Predicate<Action>> mayComplete = ArgumentCaptor.forClass(Predicate.class);
        verify(actions).complete(eq("todo-1"), mayComplete.capture());
        assertThat(mayComplete.getValue().test(assignedTo("7"))).isTrue();
        assertThat(mayComplete.getValue().test(assignedTo("8"))).isFalse();
        assertThat(mayComplete.getValue().test(assignedTo(null))).isFalse();
        verify(audit).record(eq("action_completion"), eq(7L), eq("action"), eq("todo-1"), any(String.class),
                any(Instant.class));
    }

    private static Action assignedTo(String assigneeId) {
        return new Action("todo-1", "Read the handbook", "sequence-x", assigneeId, null, null, null, false, false,
                false);
    }
}
