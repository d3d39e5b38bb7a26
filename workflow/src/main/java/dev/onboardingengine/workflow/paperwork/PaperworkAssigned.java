package dev.onboardingengine.workflow.paperwork;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * A journey's action that is paperwork fell due: a form to fill or a document to read or sign. Published
 * in-process (never on Kafka: {@code ActionAssigned} announces the action itself), synchronously in the
 * transaction that created the task, so the form or document exists exactly when its action does.
 *
 * @param ownerId employee id of the assignee; null when the role is vacant
 * @param ownerRole hire, buddy, manager or hr (the task's {@code owner} input)
 * @param form the form to fill, or null
 * @param document the document to acknowledge, or null
 */
@NamedInterface("paperwork")
public record PaperworkAssigned(long journeyId, long employeeId, String actionId, String actionName, Long ownerId,
        String ownerRole, Instant due, Form form, Document document) {

    /**
     * @param key the Camunda Form's id ({@code camunda:formRef})
     * @param schema the deployed Camunda Forms JSON
     * @param validatedBy the employee id of the journey's HR when HR must validate the submitted form, else null
     * @param needsValidation the task's {@code validation} input is {@code hr} (the default)
     */
    @NamedInterface("paperwork")
    public record Form(String key, String schema, boolean needsValidation, Long validatedBy) {
    }

    /**
     * @param key a document resource key (the task's {@code document} input)
     */
    @NamedInterface("paperwork")
    public record Document(String key) {
    }
}
