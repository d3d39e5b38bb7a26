package dev.onboardingengine.processes.modeler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Modeler's BPMN editor for Camunda 7 in headless Chromium, as HR uses it: bpmn-js with the
 * properties panel, camunda-bpmn-js-behaviors and the element templates of
 * {@code processes/element-templates} (processes/modeler-test/src/modeler.js composes them as Modeler
 * does). Elements are created through the modeler's API (where Modeler has drag and drop), templates
 * applied with bpmn-js-element-templates' own {@code applyTemplate} (what "Select template" calls), and
 * fields filled by typing into and choosing in the properties panel.
 */
public final class ModelerSession implements AutoCloseable {

    private static final Duration PANEL_TIMEOUT = Duration.ofSeconds(10);

    private final ChromeDriver browser;

    private ModelerSession(ChromeDriver browser) {
        this.browser = browser;
    }

    /** Opens the editor with these element templates (the JSON of a templates file) and a new diagram. */
    public static ModelerSession open(ModelerToolchain toolchain, String templatesJson) {
        Path page = toolchain.bundle("modeler.html");
        try {
            Files.writeString(page,
                    """
                            <!doctype html><html><head><meta charset="utf-8"><title>Modeler</title>
                            <link rel="stylesheet" href="modeler.css"><script src="modeler.js"></script>
                            <style>body { margin: 0; display: flex; font-family: sans-serif; }
                              #canvas { width: 1000px; height: 900px; } #properties { width: 400px; height: 900px; overflow: auto;
                              border-left: 1px solid #ccc; }</style></head>
                            <body><div id="canvas"></div><div id="properties"></div></body></html>
                            """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ModelerSession session = new ModelerSession(HeadlessChromium.start(1400, 900));
        session.browser.get(page.toUri().toString());
        session.browser.executeScript("window.modeler = OnboardingModeler.createModeler({ canvas: '#canvas',"
                + " properties: '#properties', templates: JSON.parse(arguments[0]) });", templatesJson);
        session.newDiagram();
        return session;
    }

    /** File, New File, BPMN diagram: an empty process with a start event. */
    public void newDiagram() {
        browser.executeAsyncScript("const done = arguments[0]; modeler.createDiagram().then(() => done(null),"
                + " error => done(String(error)));");
    }

    /** The id of the diagram's start event. */
    public String startEvent() {
        return (String) browser.executeScript("return modeler.get('elementRegistry')"
                + ".filter(e => e.type === 'bpmn:StartEvent')[0].id;");
    }

    /**
     * Appends a new element after another, connected by a sequence flow, where Modeler's context pad
     * would put it.
     *
     * @param eventDefinition e.g. bpmn:TimerEventDefinition, or null
     * @return the new element's id
     */
    public String append(String afterId, String type, String eventDefinition) {
        return (String) browser.executeScript(
                """
                        const [after, type, eventDefinitionType] = arguments;
                        const shape = modeler.get('elementFactory').createShape(eventDefinitionType ? { type, eventDefinitionType } : { type });
                        return modeler.get('autoPlace').append(modeler.get('elementRegistry').get(after), shape).id;
                        """,
                afterId, type, eventDefinition);
    }

    /** Connects two elements with a sequence flow. */
    public void connect(String sourceId, String targetId) {
        browser.executeScript("const registry = modeler.get('elementRegistry');"
                + " modeler.get('modeling').connect(registry.get(arguments[0]), registry.get(arguments[1]));",
                sourceId, targetId);
    }

    /**
     * Applies the latest version of a template to the element, as Modeler's "Select template" does.
     *
     * @return the element's id afterwards (the element may have been replaced by the template's type)
     */
    public String applyTemplate(String elementId, String templateId) {
        return applyTemplate(elementId, templateId, null);
    }

    /** Applies one version of a template (null: the latest, as Modeler offers it). */
    public String applyTemplate(String elementId, String templateId, Integer version) {
        return (String) browser.executeScript(
                """
                        const [id, templateId, version] = arguments;
                        const templates = modeler.get('elementTemplates');
                        const template = version == null ? templates.getLatest(templateId)[0] : templates.get(templateId, version);
                        if (!template) { throw new Error('no template ' + templateId + ' version ' + version); }
                        return templates.applyTemplate(modeler.get('elementRegistry').get(id), template).id;
                        """,
                elementId, templateId, version);
    }

    /** Selects an element, so that the properties panel shows it. */
    public void select(String elementId) {
        browser.executeScript("const registry = modeler.get('elementRegistry');"
                + " modeler.get('selection').select(registry.get(arguments[0]));", elementId);
        new WebDriverWait(browser, PANEL_TIMEOUT).until(driver -> elementId.equals(panelElementId()));
    }

    /** Selects nothing: the properties panel shows the process. */
    public void selectProcess() {
        browser.executeScript("modeler.get('selection').select(null);");
        String process = (String) browser.executeScript("return modeler.get('canvas').getRootElement().id;");
        new WebDriverWait(browser, PANEL_TIMEOUT).until(driver -> process.equals(panelElementId()));
    }

    /** Types a value into the text field labelled so, or picks the option of that value in its dropdown. */
    public void fill(String label, String value) {
        WebElement field = field(label);
        if (value.equals(valueOf(field))) {
            return; // the template's default already: HR leaves it
        }
        long commands = commands();
        if ("select".equals(field.getTagName())) {
            // Chosen from the keyboard, as one tabs through the panel: the panel listens for input events,
            // which selecting an option through WebDriver does not send.
            String text = new Select(field).getOptions().stream()
                    .filter(option -> value.equals(option.getDomAttribute("value")) || value.equals(option.getText()))
                    .map(WebElement::getText).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No option " + value + " in '" + label + "'"));
            field.sendKeys(text);
        } else if ("checkbox".equals(field.getDomAttribute("type"))) {
            if (field.isSelected() != Boolean.parseBoolean(value)) {
                field.click();
            }
        } else {
            field.click();
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            field.sendKeys(value);
        }
        // The panel writes to the diagram after a short debounce: wait for its command, not for a time.
        new WebDriverWait(browser, PANEL_TIMEOUT).until(driver -> commands() > commands);
    }

    /** The selected element's id. */
    public String selectedElement() {
        return (String) browser.executeScript("return modeler.get('selection').get()[0].id;");
    }

    /** What the properties panel shows in the field labelled so. */
    public String value(String label) {
        return valueOf(field(label));
    }

    /** The labels of the properties panel's fields for the selected element, group by group. */
    @SuppressWarnings("unchecked")
    public List<String> labels() {
        return (List<String>) browser.executeScript("""
                return [...document.querySelectorAll('#properties [data-group-id]')].flatMap(group =>
                  [...group.querySelectorAll('.bio-properties-panel-entry label')].map(label =>
                    group.getAttribute('data-group-id') + ': ' + label.textContent.trim()));
                """);
    }

    /** Save: the diagram's XML as Modeler writes the .bpmn file. */
    public String xml() {
        return (String) browser.executeAsyncScript("const done = arguments[0];"
                + " modeler.saveXML({ format: true }).then(({ xml }) => done(xml), error => done('ERROR ' + error));");
    }

    /** Runs a script in the page (for what the other methods do not cover). */
    public Object script(String script, Object... arguments) {
        return browser.executeScript(script, arguments);
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.quit();
    }

    private WebElement field(String label) {
        By entry = By.xpath("//div[@id='properties']//div[contains(@class,'bio-properties-panel-entry')]"
                + "[.//label[normalize-space()='" + label + "']]");
        List<WebElement> entries;
        try {
            entries = new WebDriverWait(browser, PANEL_TIMEOUT).until(driver -> {
                List<WebElement> found = driver.findElements(entry);
                return found.isEmpty() ? null : found;
            });
        } catch (org.openqa.selenium.TimeoutException absent) {
            entries = List.of();
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("No field labelled '" + label + "' in the properties panel; it shows "
                    + labels());
        }
        WebElement found = entries.get(0);
        if (!found.isDisplayed()) { // its group is closed: open it as one clicks its header
            found.findElement(By.xpath("ancestor::div[@data-group-id][1]//div[contains(@class,"
                    + "'bio-properties-panel-group-header')]")).click();
            new WebDriverWait(browser, PANEL_TIMEOUT).until(driver -> found.isDisplayed());
        }
        return found.findElement(By.cssSelector("input, select, textarea"));
    }

    private String valueOf(WebElement field) {
        return "checkbox".equals(field.getDomAttribute("type"))
                ? Boolean.toString(field.isSelected())
                : field.getDomProperty("value");
    }

    private long commands() {
        return (Long) browser.executeScript("return modeler.get('commandStack')._stack.length;");
    }

    private String panelElementId() {
        return (String) browser.executeScript("const selected = modeler.get('selection').get();"
                + " return selected.length ? selected[0].id : modeler.get('canvas').getRootElement().id;");
    }
}
