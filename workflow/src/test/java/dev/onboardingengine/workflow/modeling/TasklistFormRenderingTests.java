package dev.onboardingengine.workflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.processes.modeler.HeadlessChromium;
import dev.onboardingengine.processes.modeler.ModelerToolchain;

/**
 * Every shipped Camunda Form renders in the form-js viewer that the Tasklist of Camunda 7.24 ships
 * (@bpmn-io/form-js-viewer 1.8.7, pinned in processes/modeler-test), in headless Chromium, as Tasklist
 * renders a task's form; and the field types the deploy check accepts ({@link TasklistForms}) are exactly
 * the viewer's.
 */
class TasklistFormRenderingTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ChromeDriver browser;

    @BeforeAll
    static void openTheViewer() throws IOException {
        ModelerToolchain toolchain = ModelerToolchain.prepared();
        Path page = Path.of("target", "tasklist-forms", "viewer.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, """
                <!doctype html><html><head><meta charset="utf-8">
                <link rel="stylesheet" href="%s"><script src="%s"></script></head><body></body></html>
                """.formatted(toolchain.bundle("form-viewer.css").toUri(), toolchain.bundle("form-viewer.js").toUri()));
        browser = HeadlessChromium.start(1024, 768);
        browser.get(page.toUri().toString());
    }

    @AfterAll
    static void closeTheViewer() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDeployCheckAcceptsExactlyTheFieldTypesOfTheViewer() {
        // When the viewer lists the field types it registers (its root component, "default", aside)
        @SuppressWarnings("unchecked")
        List<String> types = new ArrayList<>((List<String>) browser.executeScript("return TasklistForms.fieldTypes"));
        types.remove("default");

        // Then they are the types the engine accepts in a deployed form, and no filepicker among them
        assertThat(types).containsExactlyInAnyOrderElementsOf(TasklistForms.FIELD_TYPES).doesNotContain("filepicker");
        assertThat(browser.executeScript("return TasklistForms.schemaVersion")).isEqualTo(16L);
    }

    @Test
    void everyShippedFormRendersWithEachOfItsFields() throws IOException {
        Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.form");
        assertThat(forms).isNotEmpty();
        for (Resource form : forms) {
            // Given a shipped form
            String schema = form.getContentAsString(StandardCharsets.UTF_8);

            // When the Tasklist's viewer renders it
            Map<String, Object> rendered = render(schema);

            // Then it renders without error or warning, with a label for every keyed field
            assertThat(rendered.get("error")).as(form.getFilename()).isNull();
            assertThat((List<?>) rendered.get("warnings")).as(form.getFilename()).isEmpty();
            @SuppressWarnings("unchecked")
            List<String> labels = (List<String>) rendered.get("labels");
            assertThat(labels).as(form.getFilename()).containsAll(keyedLabels(schema));
        }
    }

    @Test
    void aFilePickerDoesNotRender() {
        // Given a form with form-js's file picker (which Camunda 8's Tasklist knows, 7.24's does not)
        String schema = """
                {"id": "form-with-file", "type": "default", "schemaVersion": 16, "components": [
                  {"id": "Field_Passport", "key": "passport", "label": "Passport", "type": "filepicker"}]}
                """;

        // When the viewer renders it, then it fails as Tasklist does, and the deploy check refuses it
        assertThat((String) render(schema).get("error")).contains("form field of type <filepicker> not supported");
        assertThat(TasklistForms.problemsOf("with-file.form", schema)).singleElement().asString()
                .contains("Field_Passport").contains("filepicker");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> render(String schema) {
        return (Map<String, Object>) browser.executeAsyncScript(
                """
                        const [schema, done] = arguments;
                        const container = document.createElement('div');
                        document.body.replaceChildren(container);
                        TasklistForms.renderForm(container, JSON.parse(schema))
                          .then(({ warnings }) => done({ error: null, warnings: warnings.map(String),
                            labels: [...container.querySelectorAll('label')].map(label => label.textContent.replace(/\\*\\s*$/, '').trim()) }))
                          .catch(error => done({ error: String(error && error.message || error), warnings: [], labels: [] }));
                        """,
                schema);
    }

    private static List<String> keyedLabels(String schema) throws IOException {
        List<String> labels = new ArrayList<>();
        collect(JSON.readTree(schema).path("components"), labels);
        return labels;
    }

    private static void collect(JsonNode components, List<String> labels) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key") && component.hasNonNull("label")) {
                labels.add(component.path("label").asText());
            }
            collect(component.path("components"), labels);
        }
    }
}
