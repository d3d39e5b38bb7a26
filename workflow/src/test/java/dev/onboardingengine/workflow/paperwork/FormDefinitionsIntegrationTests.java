package dev.onboardingengine.workflow.paperwork;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.onboardingengine.workflow.testing.EngineIntegrationTest;

@EngineIntegrationTest
class FormDefinitionsIntegrationTests {

    @Autowired
    FormDefinitions definitions;
    @Autowired
    RepositoryService repository;

    @Test
    void theLatestVersionOfEachDeployedFormIsRead() {
        // Given the shipped form, and a second version of a test form deployed after its first
        String first = "{\"id\": \"form-definitions-test\", \"components\": [{\"key\": \"first_field\", \"type\": \"textfield\"}]}";
        String second = "{\"id\": \"form-definitions-test\", \"components\": [{\"key\": \"second_field\", \"type\": \"textfield\"}]}";
        repository.createDeployment().addString("definitions-test.form", first).deploy();
        repository.createDeployment().addString("definitions-test.form", second).deploy();

        // When the deployed forms are read
        var forms = definitions.deployedForms();

        // Then each form is there once, in its latest version
        assertThat(forms).filteredOn(form -> form.contains("\"form-personal-details\"")).hasSize(1);
        assertThat(forms).filteredOn(form -> form.contains("\"form-definitions-test\"")).singleElement().asString()
                .contains("second_field").doesNotContain("first_field");
    }
}
