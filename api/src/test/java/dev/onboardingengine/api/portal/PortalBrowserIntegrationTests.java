package dev.onboardingengine.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * The new hire's page in a real browser: Debian's headless Chromium driven through chromium-driver,
 * opened through the link that {@code GET /user_magic_links/{id}} answers. The hire sees their journey,
 * progress and next actions with due dates, marks a to-do done and sees the progress bar move; two hours
 * later by the engine's clock the same link shows the page of a made-up one. Buddy and manager reach
 * their own actions through their own links. Screenshots go to {@code target/portal-screenshots/}.
 */
@ApiIntegrationTest
class PortalBrowserIntegrationTests {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    private static final int PHONE_WIDTH = 390;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    ChromeDriver browser;
    PortalJourneys journeys;

    @BeforeEach
    void startChromium() throws IOException {
        // A missing browser must fail the build, never skip the test: the page would go untested.
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("Headless Chromium is needed: " + CHROMEDRIVER + " or " + CHROMIUM + " is missing. Install Debian's "
                    + "packages with `apt-get install -y chromium chromium-driver` (.ci/run does).");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--window-size=" + PHONE_WIDTH + ",844");
        browser = new ChromeDriver(options);
        // Headless Chromium keeps windows at least 500 px wide: a phone's 390 px needs device emulation.
        viewport(PHONE_WIDTH, 844);
        Files.createDirectories(SCREENSHOTS);
        EngineClock.moveTo(NOW);
        journeys = new PortalJourneys(port, objectMapper, repository, management, runtime);
    }

    @AfterEach
    void stopChromium() {
        EngineClock.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theHireMarksAToDoDoneThroughTheLinkAndTheLinkExpiresTwoHoursLater() throws IOException {
        // Given John's started journey (four actions: two his, one the buddy's, one the manager's) and his link
        PortalJourneys.Journey journey = journeys.started("John", null);
        String link = journeys.linkOf(journey.hire());
        Task handbook = openTask(journey, "Task_ReadHandbook");
        Task profile = openTask(journey, "Task_SetUpProfile");

        // When he opens it
        browser.get(link);

        // Then he sees his journey, its progress, and his own next actions with their due dates
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hello, John");
        assertThat(text("[data-test=journey-status]")).isEqualTo("Invited");
        assertThat(text("[data-test=start-day]")).isEqualTo("Monday 1 June 2026");
        assertProgress(0, 4);
        List<WebElement> toDos = browser.findElements(By.cssSelector("[data-test=todos] li.action"));
        assertThat(toDos).extracting(item -> item.findElement(By.className("action-name")).getText())
                .containsExactly("Read the welcome handbook", "Add a photo to your profile");
        assertThat(dueOf(handbook)).isEqualTo(handbook.getDueDate().toInstant());
        assertThat(dueOf(profile)).isEqualTo(profile.getDueDate().toInstant());
        // (Paris time: the due dates are 09:00 at the start hour in John's time zone)
        assertThat(toDos.get(0).findElement(By.tagName("time")).getText()).isEqualTo("Fri 29 May 2026, 09:00");
        // and the page fits a phone: 390 px wide, nothing wider
        assertThat(script("return document.documentElement.clientWidth")).isEqualTo((long) PHONE_WIDTH);
        assertThat(script("return document.documentElement.scrollWidth")).isEqualTo((long) PHONE_WIDTH);
        screenshot("hire-phone");

        // When he marks the handbook done
        WebElement button = toDos.get(0).findElement(By.tagName("button"));
        assertThat(button.getAccessibleName()).isEqualTo("Mark \"Read the welcome handbook\" as done");
        clickAndWaitForTheNextPage(button);

        // Then the page says so, the progress bar moved, the to-do left the list for the done list
        assertThat(text("[data-test=done-notice]")).isEqualTo("Marked as done. Thank you!");
        assertProgress(1, 4);
        assertThat(browser.findElements(By.cssSelector("[data-test=todos] .action-name")))
                .extracting(WebElement::getText)
                .containsExactly("Add a photo to your profile");
        assertThat(text("[data-test=done]")).contains("Read the welcome handbook");
        assertThat(tasks.createTaskQuery().taskId(handbook.getId()).count()).isZero();
        fullPageScreenshot("hire-phone-after");
        viewport(1280, 900);
        browser.get(link);
        screenshot("hire-desktop");

        // When the engine's clock passes the link's two hours and he opens it again
        EngineClock.moveTo(NOW.plus(Duration.ofHours(2)).plusSeconds(60));
        browser.get(link);

        // Then he gets the page of a made-up link, to the byte
        assertThat(text("[data-test=link-not-valid]")).contains("This link is not valid any more.",
                "Ask HR for a new one.");
        String expired = browser.getPageSource();
        screenshot("expired");
        browser.get("http://localhost:" + port + "/portal/" + madeUpToken());
        assertThat(browser.getPageSource()).isEqualTo(expired);
    }

    @Test
    void buddyAndManagerReachTheirOwnActionsThroughTheirOwnLinks() throws IOException {
        // Given Noor's started journey and links for her buddy and her manager
        PortalJourneys.Journey journey = journeys.started("Noor", null);

        // When the buddy opens his link
        browser.get(journeys.linkOf(journey.buddy()));

        // Then he sees his action for Noor, not hers nor the manager's, and no journey of his own
        assertThat(browser.findElements(By.cssSelector("[data-test=journey]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-test=todos] li.action")))
                .extracting(item -> item.findElement(By.className("action-name")).getText() + " / "
                        + item.findElement(By.className("for-whom")).getText())
                .containsExactly("Plan a first-day lunch with the new hire / For Noor Martin");
        screenshot("buddy-phone");

        // When he marks it done
        WebElement button = browser.findElement(By.cssSelector("[data-test=todos] button"));
        clickAndWaitForTheNextPage(button);

        // Then the action is done in the engine and, as it was his last, he is thanked on a page that
        // needs no link: his own link stops working with his last open action
        assertThat(text("[data-test=all-done]")).contains("Nothing else needs you right now.");
        assertThat(browser.getCurrentUrl()).endsWith("/portal/all-done");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(journey.hire()))
                .taskDefinitionKey("Task_PlanFirstLunch").count()).isZero();
        browser.navigate().back();
        browser.navigate().refresh();
        assertThat(browser.findElements(By.cssSelector("[data-test=link-not-valid]"))).hasSize(1);

        // And the manager's link shows the manager's own action
        browser.get(journeys.linkOf(journey.manager()));
        assertThat(browser.findElements(By.cssSelector("[data-test=todos] .action-name")))
                .extracting(WebElement::getText)
                .containsExactly("Book a first-week 1:1");
    }

    @Test
    void theHireFillsAFormUploadsAFileAndReadsAndSignsDocuments() throws IOException {
        // Given John's journey with the shipped "Administrative paperwork" sequence, a week before his start
        PortalJourneys.Journey journey = journeys.started("John", null, "sequence-administrative-paperwork");
        EngineClock.moveTo(Instant.parse("2026-05-26T08:00:00Z"));
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(journey.hire()));
        String link = journeys.linkOf(journey.hire());
        WorkeloClient admin = journeys.admin();
        long formId = admin.get("/tracks/" + journey.trackId() + "/forms").id(0);

        // When he opens his page
        browser.get(link);

        // Then his form and his two documents have their own sections, and only the lunch is a to-do
        assertProgress(0, 4);
        assertThat(text("[data-test=forms]")).contains("Fill in your personal details", "0 of 8 answered");
        assertThat(browser.findElements(By.cssSelector("[data-test=documents] .action-name")))
                .extracting(WebElement::getText).containsExactlyInAnyOrder("Employee handbook", "IT charter");
        assertThat(browser.findElements(By.cssSelector("[data-test=todos] .action-name")))
                .extracting(WebElement::getText)
                .containsExactly("Book lunch with your buddy on your first day");
        fullPageScreenshot("paperwork-phone");

        // When he fills the form in but picks a text file called .pdf
        browser.findElement(By.cssSelector("[data-form-id='" + formId + "'] a.button")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Fill in your personal details");
        field("legal_name", "input").sendKeys("John Martin");
        setValue(field("birth_date", "input"), "1994-03-12");
        new org.openqa.selenium.support.ui.Select(field("tshirt_size", "select")).selectByVisibleText("M");
        Path disguised = Files.writeString(Files.createTempFile("notes", ".pdf"), "only text, not a PDF");
        field("identity_document", "input").sendKeys(disguised.toAbsolutePath().toString());
        WebElement sendDisguised = browser.findElement(By.cssSelector("button[value=submit]"));
        clickAndWaitForTheNextPage(sendDisguised);

        // Then the page comes back naming the file, keeps what he typed, and nothing was saved
        assertThat(text("[data-test=form-errors]")).contains("nothing was saved");
        assertThat(field("identity_document", "[data-test=field-error]").getText())
                .isEqualTo("This kind of file is not accepted: please send a PDF, PNG or JPEG.");
        assertThat(field("legal_name", "input").getDomProperty("value")).isEqualTo("John Martin");
        assertThat(admin.get("/forms/" + formId).raw()).doesNotContain("John Martin");
        screenshot("form-error-phone");

        // When he sends a real PDF and hands the form in
        Path passport = Files.write(Files.createTempFile("passport", ".pdf"), Files.readAllBytes(Path.of(
                "../processes/src/main/resources/processes/documents/it-charter.pdf")));
        field("identity_document", "input").sendKeys(passport.toAbsolutePath().toString());
        WebElement send = browser.findElement(By.cssSelector("button[value=submit]"));
        clickAndWaitForTheNextPage(send);

        // Then HR has it to validate, with every answer and the file
        assertThat(text("[data-test=forms]")).contains("HR is checking it");
        Map<String, Object> form = admin.get("/forms/" + formId).body();
        assertThat(form).containsEntry("status", "missing_validation").containsEntry("submitted_by",
                (int) journey.hire());
        assertThat(form.get("paperworks").toString()).contains("value=John Martin", "value=1994-03-12", "value=M",
                "value=" + passport.getFileName());
        assertProgress(0, 4);

        // When he reads the handbook and signs the charter (the box must be ticked)
        WebElement handbook = documentButton("Employee handbook", "button");
        assertThat(documentButton("Employee handbook", "a").getDomAttribute("href")).endsWith("/file");
        clickAndWaitForTheNextPage(handbook);
        assertProgress(1, 4);
        documentButton("IT charter", "input[name=confirm]").click();
        WebElement sign = documentButton("IT charter", "button");
        assertThat(sign.getText()).isEqualTo("Sign");
        clickAndWaitForTheNextPage(sign);

        // Then the progress bar moved twice and the track's documents are finalized, acknowledged by him
        assertProgress(2, 4);
        assertThat(browser.findElements(By.cssSelector("[data-test=documents]"))).isEmpty();
        assertThat(admin.get("/tracks/" + journey.trackId() + "/documents?status=finalized").list())
                .extracting(document -> document.get("acknowledged_by")).containsExactly((int) journey.hire(),
                        (int) journey.hire());
        fullPageScreenshot("paperwork-phone-after");

        // And someone else's link does not open his form
        PortalJourneys.Journey other = journeys.started("Noor", null);
        browser.get(journeys.linkOf(other.hire()).replaceAll("/portal/([^/]+)$", "/portal/$1/forms/" + formId));
        assertThat(browser.findElements(By.cssSelector("[data-test=action-gone]"))).hasSize(1);
    }

    /**
     * Clicks a button that submits a form and waits until the page it led to has replaced this one. Chromium
     * answers a question about an element of a page being replaced either with "stale element" or, since
     * about version 150, with an "unknown error: Node with given id does not belong to the document": both
     * mean the old page is gone.
     */
    private void clickAndWaitForTheNextPage(WebElement button) {
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> isGone(button));
    }

    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException | NoSuchElementException gone) {
            return true;
        } catch (WebDriverException replaced) {
            if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw replaced;
        }
    }

    private WebElement field(String key, String css) {
        return browser.findElement(By.cssSelector("[data-key=" + key + "] " + css));
    }

    private WebElement documentButton(String name, String css) {
        return browser.findElements(By.cssSelector("[data-test=documents] li.document")).stream()
                .filter(item -> item.findElement(By.className("action-name")).getText().equals(name)).findFirst()
                .orElseThrow().findElement(By.cssSelector(css));
    }

    /** A date input takes its value the way the browser's date picker would set it. */
    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    private void assertProgress(int completed, int total) {
        WebElement progress = browser.findElement(By.cssSelector("[data-test=progress]"));
        assertThat(progress.getDomProperty("value")).isEqualTo(Integer.toString(completed));
        assertThat(progress.getDomProperty("max")).isEqualTo(Integer.toString(total));
        int percent = Math.round(100f * completed / total);
        assertThat(text("[data-test=progress-text]"))
                .isEqualTo("%d of %d actions done (%d%%)".formatted(completed, total, percent));
    }

    private Instant dueOf(Task task) {
        String datetime = browser.findElement(By.cssSelector("li[data-action-id='" + task.getId() + "'] time"))
                .getDomAttribute("datetime");
        return Instant.parse(datetime);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private Task openTask(PortalJourneys.Journey journey, String taskDefinitionKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(journey.hire()))
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    private void screenshot(String name) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The whole page at phone width: the viewport is made as tall as the page first. */
    private void fullPageScreenshot(String name) throws IOException {
        long height = script("return Math.ceil(document.documentElement.getBoundingClientRect().height)");
        viewport(PHONE_WIDTH, (int) height);
        screenshot(name);
        viewport(PHONE_WIDTH, 844);
    }

    /** Emulates a screen of this size in CSS pixels, at twice the pixel density (a phone's, and crisp screenshots). */
    private void viewport(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 2, "mobile", width < 600));
    }

    private long script(String script) {
        return (Long) ((JavascriptExecutor) browser).executeScript(script);
    }

    private static String madeUpToken() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
