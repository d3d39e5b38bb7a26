package dev.onboardingengine.processes.modeler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/** Debian's headless Chromium through chromium-driver, with a fresh profile and nothing that calls home. */
public final class HeadlessChromium {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    /** Starts a browser of the given window size; fails (never skips) when Chromium or its driver is missing. */
    public static ChromeDriver start(int width, int height) {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("Headless Chromium is needed: " + CHROMEDRIVER + " or " + CHROMIUM + " is missing."
                    + " Install Debian's packages with `apt-get install -y chromium chromium-driver` (.ci/run does).");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path createdProfile = profile;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(createdProfile.toFile())));
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--allow-file-access-from-files", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        return new ChromeDriver(options);
    }
}
