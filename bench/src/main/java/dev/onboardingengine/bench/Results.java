package dev.onboardingengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The measured table, in markdown and CSV, with the machine, commit and date at the top. */
final class Results {

    record Row(String scenario, String measure, String value, String unit, String note) {
    }

    private final Map<String, String> header = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();

    void header(String name, String value) {
        header.put(name, value);
    }

    void add(String scenario, String measure, Object value, String unit, String note) {
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(value);
        rows.add(new Row(scenario, measure, text, unit, note == null ? "" : note));
        Progress.say("  %-22s %-55s %10s %s %s", scenario, measure, text, unit, note == null ? "" : note);
    }

    void note(String section, String line) {
        notes.computeIfAbsent(section, key -> new ArrayList<>()).add(line);
    }

    List<Row> rows() {
        return rows;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Onboarding engine benchmark\n\n");
        header.forEach((name, value) -> md.append("- **").append(name).append("**: ").append(value).append('\n'));
        md.append('\n').append(table()).append('\n');
        notes.forEach((section, lines) -> {
            md.append("## ").append(section).append("\n\n");
            lines.forEach(line -> md.append(line).append('\n'));
            md.append('\n');
        });
        return md.toString();
    }

    String table() {
        StringBuilder md = new StringBuilder(
                "| scenario | measure | value | unit | note |\n| --- | --- | ---: | --- | --- |\n");
        rows.forEach(row -> md.append("| ").append(row.scenario()).append(" | ").append(row.measure()).append(" | ")
                .append(row.value()).append(" | ").append(row.unit()).append(" | ").append(row.note().replace("|", "/"))
                .append(" |\n"));
        return md.toString();
    }

    String csv() {
        StringBuilder csv = new StringBuilder();
        header.forEach((name, value) -> csv.append("# ").append(name).append(": ").append(value).append('\n'));
        csv.append("scenario,measure,value,unit,note\n");
        rows.forEach(row -> csv.append(quoted(row.scenario())).append(',').append(quoted(row.measure())).append(',')
                .append(quoted(row.value())).append(',').append(quoted(row.unit())).append(',')
                .append(quoted(row.note())).append('\n'));
        return csv.toString();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    Path[] write(Path directory, String stem) throws IOException {
        Files.createDirectories(directory);
        Path markdown = directory.resolve(stem + ".md");
        Path csv = directory.resolve(stem + ".csv");
        Files.writeString(markdown, markdown());
        Files.writeString(csv, csv());
        return new Path[]{markdown, csv};
    }
}
