package dev.onboardingengine.workflow.modeling;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A {@code camunda:formRef} names a Camunda Form that exists: in the same deployment, or (unless its
 * binding is {@code deployment}) already deployed. Camunda itself looks the form up only when the task is
 * created, and fails the journey there.
 */
final class FormReferences {

    private FormReferences() {
    }

    static void check(Element element, String id, String formRef, String binding, List<DiagramProblem> problems) {
        if (formRef == null || formRef.contains("${") || formRef.contains("#{")) {
            return;
        }
        Set<String> inDeployment = DeploymentInProgress.formIds();
        if (inDeployment != null && inDeployment.contains(formRef)) {
            return;
        }
        if ("deployment".equals(binding)) {
            problems.add(DiagramProblem.at(element, id, "references the form '" + formRef + "' with binding deployment,"
                    + " but this deployment has no form with that id"));
        } else if (Context.getCommandContext().getCamundaFormDefinitionManager()
                .findLatestDefinitionByKey(formRef) == null) {
            problems.add(
                    DiagramProblem.at(element, id, "references the form '" + formRef + "', which is neither deployed"
                            + " nor part of this deployment (deploy its .form file with the diagram)"));
        }
    }
}
