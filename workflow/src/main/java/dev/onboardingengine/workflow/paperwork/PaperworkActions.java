package dev.onboardingengine.workflow.paperwork;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.onboardingengine.workflow.journey.JourneyVariables;

/**
 * Recognises paperwork among the user tasks a journey creates and announces it as
 * {@link PaperworkAssigned}: a task with a Camunda Form ({@code camunda:formRef}) is a form to fill, a
 * task with a {@code document} input is a document to acknowledge.
 */
@Component
class PaperworkActions {

    static final String DOCUMENT_INPUT = "document";
    static final String VALIDATION_INPUT = "validation";
    static final String OWNER_INPUT = "owner";

    private final ApplicationEventPublisher events;
    private final FormService forms;

    PaperworkActions(ApplicationEventPublisher events, @Lazy FormService forms) {
        this.events = events;
        this.forms = forms;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onTaskCreated(DelegateTask task) {
        if (!(task.getVariable(JourneyVariables.JOURNEY_ID) instanceof Number journey)
                || !(task.getVariable(JourneyVariables.EMPLOYEE_ID) instanceof Number employee)) {
            return; // a task outside any journey
        }
        PaperworkAssigned.Form form = formOf(task);
        Object documentKey = task.getVariable(DOCUMENT_INPUT);
        PaperworkAssigned.Document document = documentKey == null || documentKey.toString().isBlank()
                ? null
                : new PaperworkAssigned.Document(documentKey.toString().trim());
        if (form == null && document == null) {
            return;
        }
        Object owner = task.getVariable(OWNER_INPUT);
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        events.publishEvent(
                new PaperworkAssigned(journey.longValue(), employee.longValue(), task.getId(), task.getName(),
                        employeeId(task.getAssignee()), owner == null ? null : owner.toString(), due, form, document));
    }

    private PaperworkAssigned.Form formOf(DelegateTask task) {
        UserTask userTask = task.getBpmnModelElementInstance();
        if (userTask == null || userTask.getCamundaFormRef() == null) {
            return null;
        }
        String schema;
        // The engine resolves formRef with its binding (latest, deployment or version) as Tasklist would.
        try (InputStream deployed = forms.getDeployedTaskForm(task.getId())) {
            schema = new String(deployed.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        Object validation = task.getVariable(VALIDATION_INPUT);
        boolean needsValidation = validation == null || !"none".equals(validation.toString().trim());
        Long hr = employeeId(task.getVariable("hrId"));
        return new PaperworkAssigned.Form(userTask.getCamundaFormRef(), schema, needsValidation, hr);
    }

    private static Long employeeId(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.toString());
        } catch (NumberFormatException notAnEmployee) {
            return null;
        }
    }
}
