package dev.onboardingengine.workflow.paperwork;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Camunda Forms deployed to the engine (.form resources), newest deployment first, so the catalogue
 * of paperwork fields can be known before any form task exists.
 */
@Service
public class FormDefinitions {

    private final RepositoryService repository;

    FormDefinitions(RepositoryService repository) {
        this.repository = repository;
    }

    /** The JSON of every deployed form resource, from the newest deployment to the oldest. */
    @Transactional(readOnly = true)
    public List<String> deployedForms() {
        List<String> forms = new ArrayList<>();
        for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().desc().list()) {
            for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
                if (resource.getName().endsWith(".form")) {
                    try (InputStream content = repository.getResourceAsStreamById(deployment.getId(), resource.getId())) {
                        forms.add(new String(content.readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException unreadable) {
                        throw new UncheckedIOException(unreadable);
                    }
                }
            }
        }
        return forms;
    }
}
