package dev.onboardingengine.api.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read as Docker reads it, as far as the replay needs: stages, and per stage its
 * WORKDIR, COPY, RUN, USER and ENTRYPOINT instructions (continuation lines joined, comments dropped).
 */
record Dockerfile(List<Stage> stages) {

    /** One {@code COPY [--from=stage] source... destination}. */
    record Copy(String from, List<String> sources, String destination) {
    }

    record Stage(String name, List<Instruction> instructions) {

        String workdir() {
            return last("WORKDIR");
        }

        String user() {
            return last("USER");
        }

        String entrypoint() {
            return last("ENTRYPOINT");
        }

        List<Copy> copies() {
            return instructions.stream().filter(i -> i.keyword().equals("COPY")).map(i -> copy(i.arguments())).toList();
        }

        /** The RUN commands, each as the shell would run it, without BuildKit's {@code --mount=...} options. */
        List<String> runs() {
            return instructions.stream().filter(i -> i.keyword().equals("RUN"))
                    .map(i -> i.arguments().replaceAll("--mount=\\S+\\s*", "").trim()).toList();
        }

        private String last(String keyword) {
            String value = null;
            for (Instruction instruction : instructions) {
                if (instruction.keyword().equals(keyword)) {
                    value = instruction.arguments();
                }
            }
            return value;
        }

        private static Copy copy(String arguments) {
            List<String> words = new ArrayList<>(List.of(arguments.trim().split("\\s+")));
            String from = null;
            while (!words.isEmpty() && words.get(0).startsWith("--")) {
                String option = words.remove(0);
                if (option.startsWith("--from=")) {
                    from = option.substring("--from=".length());
                }
            }
            String destination = words.remove(words.size() - 1);
            return new Copy(from, List.copyOf(words), destination);
        }
    }

    record Instruction(String keyword, String arguments) {
    }

    private static final Pattern FROM = Pattern.compile("(?i)^\\S+(?:\\s+AS\\s+(\\S+))?$");

    static Dockerfile read(Path file) throws IOException {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        for (String line : logicalLines(Files.readAllLines(file, StandardCharsets.UTF_8))) {
            String[] parts = line.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1].trim() : "";
            if (keyword.equals("FROM")) {
                Matcher matcher = FROM.matcher(arguments);
                current = new ArrayList<>();
                stages.add(new Stage(matcher.matches() ? matcher.group(1) : null, current));
            } else if (current != null) {
                current.add(new Instruction(keyword, arguments));
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> name.equals(s.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no stage " + name));
    }

    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    /** Instructions with their continuation lines joined; comments and blank lines dropped. */
    private static List<String> logicalLines(List<String> lines) {
        List<String> logical = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
            } else {
                pending.append(line);
                logical.add(pending.toString().trim());
                pending.setLength(0);
            }
        }
        return logical;
    }
}
