package dev.onboardingengine.api.local;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file behind an embedded H2 URL ({@code jdbc:h2:file:<path>[;settings]} or {@code jdbc:h2:<path>}). */
final class H2FileUrl {

    private H2FileUrl() {
    }

    /** The database's path without H2's {@code .mv.db} suffix, absolute; empty for every other URL. */
    static Optional<Path> databasePath(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        int settings = name.indexOf(';');
        name = settings < 0 ? name : name.substring(0, settings);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.startsWith("mem:") || name.startsWith("tcp:") || name.startsWith("ssl:") || name.contains(":")
                && !Path.of(name).isAbsolute()) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name).toAbsolutePath().normalize());
    }
}
