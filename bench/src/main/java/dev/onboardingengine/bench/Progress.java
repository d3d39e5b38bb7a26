package dev.onboardingengine.bench;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** What the harness is doing, on the terminal: the engine's own logs are turned down to warnings. */
final class Progress {

    private static final PrintStream out = System.out;

    private Progress() {
    }

    static void say(String format, Object... args) {
        out.printf("[bench %s] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), String.format(format, args));
        out.flush();
    }
}
