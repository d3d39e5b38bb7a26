package dev.onboardingengine.workflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text mail templates: {@code <template>.<language>.txt}, first line {@code Subject: ...},
 * the rest the body, {@code {{placeholder}}} replaced by its value (empty when there is none, so a
 * template HR extends with a placeholder we do not fill still goes out).
 *
 * <p>Languages are tried in order: the recipient's ({@code fr-CA}), its primary language ({@code fr}),
 * then English; for each, the override directory before the templates shipped in the jar
 * ({@code classpath:templates/mail/}). Files are read on every use, so an edited template applies to
 * the next mail without a restart.
 */
class MailTemplates {

    static final String FALLBACK_LANGUAGE = "en";
    static final String CLASSPATH_LOCATION = "templates/mail/";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
    // Template names and languages become file names: nothing that could climb out of the directory.
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8})*");
    private static final String SUBJECT = "Subject:";

    private final Path overrideDir;
    private final ClassLoader classLoader;

    /** @param overrideDir searched first; null when HR has none */
    MailTemplates(Path overrideDir) {
        this.overrideDir = overrideDir;
        this.classLoader = MailTemplates.class.getClassLoader();
    }

    /**
     * @throws MailTemplateNotFound when the template exists in no language searched
     * @throws IllegalStateException when the file found has no subject line
     */
    MailMessage render(String template, String language, Map<String, ?> values) {
        if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("Not a template name: '" + template + "'");
        }
        for (String candidate : languagesFor(language)) {
            Optional<String> text = read(template + "." + candidate + ".txt");
            if (text.isPresent()) {
                return parse(template + "." + candidate + ".txt", text.get(), candidate, values);
            }
        }
        throw new MailTemplateNotFound(template, language);
    }

    static List<String> languagesFor(String language) {
        Set<String> languages = new LinkedHashSet<>();
        if (language != null) {
            String tag = language.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            if (LANGUAGE_TAG.matcher(tag).matches()) {
                languages.add(tag);
                languages.add(tag.split("-", 2)[0]);
            }
        }
        languages.add(FALLBACK_LANGUAGE);
        return List.copyOf(languages);
    }

    private Optional<String> read(String file) {
        try {
            if (overrideDir != null) {
                Path overridden = overrideDir.resolve(file);
                if (Files.isRegularFile(overridden)) {
                    return Optional.of(Files.readString(overridden, StandardCharsets.UTF_8));
                }
            }
            URL shipped = classLoader.getResource(CLASSPATH_LOCATION + file);
            if (shipped == null) {
                return Optional.empty();
            }
            try (InputStream in = shipped.openStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mail template " + file, e);
        }
    }

    private static MailMessage parse(String file, String raw, String language, Map<String, ?> values) {
        // Files saved by Windows editors: a byte-order mark and CRLF line ends.
        String text = (raw.startsWith("\uFEFF") ? raw.substring(1) : raw).replace("\r\n", "\n");
        int newline = text.indexOf('\n');
        String firstLine = newline < 0 ? text : text.substring(0, newline);
        if (!firstLine.regionMatches(true, 0, SUBJECT, 0, SUBJECT.length())) {
            throw new IllegalStateException("Mail template " + file + " must start with a '" + SUBJECT + " ...' line");
        }
        Locale locale = Locale.forLanguageTag(language);
        // A value with a line break must not start a new header line.
        String subject = substitute(firstLine.substring(SUBJECT.length()), values, locale)
                .replaceAll("[\\r\\n]+", " ").trim();
        String body = newline < 0 ? "" : text.substring(newline + 1).replaceFirst("^\n+", "");
        return new MailMessage(subject, substitute(body, values, locale), language);
    }

    private static String substitute(String text, Map<String, ?> values, Locale locale) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = format(values.get(placeholder.group(1)), locale);
            // One pass, values taken literally: a value that contains {{x}} or $1 stays as it is.
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    /** Dates and times read naturally in the template's language: "lundi 7 décembre 2026". */
    private static String format(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
        }
        if (value instanceof LocalTime time) {
            return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(time);
        }
        return value.toString();
    }
}
