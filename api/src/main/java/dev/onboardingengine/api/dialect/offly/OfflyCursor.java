package dev.onboardingengine.api.dialect.offly;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.onboardingengine.api.directory.DirectoryEntries.Standing;

/**
 * Offly's opaque {@code next_cursor}: base64url of the last id of a page and the list's filter. The
 * next page starts after that id (a keyset, so rows added meanwhile do not shift it); a cursor that
 * does not decode, or that belongs to a list with another filter, is refused rather than guessed at.
 */
record OfflyCursor(long afterId, Standing standing) {

    private static final Pattern FORM = Pattern.compile("v1:(\\d{1,18}):([a-z]*)");

    String encode() {
        String filter = standing == null ? "" : standing.name().toLowerCase(java.util.Locale.ROOT);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + afterId + ":" + filter).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code text} stands for, if it is one of a list filtered by {@code standing}. */
    static Optional<OfflyCursor> decode(String text, Standing standing) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(plain);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String filter = standing == null ? "" : standing.name().toLowerCase(java.util.Locale.ROOT);
        if (!Objects.equals(matcher.group(2), filter)) {
            return Optional.empty();
        }
        return Optional.of(new OfflyCursor(Long.parseLong(matcher.group(1)), standing));
    }
}
