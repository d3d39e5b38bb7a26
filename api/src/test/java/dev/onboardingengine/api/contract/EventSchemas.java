package dev.onboardingengine.api.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The JSON Schemas of {@code docs/schemas}, as the AsyncAPI document references them, ready to
 * validate records with. Their {@code $id}s (https://onboardingengine.dev/schemas/...) are served
 * from the files, never fetched.
 */
final class EventSchemas {

    static final String ID_PREFIX = "https://onboardingengine.dev/schemas/";

    private final SchemaRegistry registry;

    private EventSchemas(SchemaRegistry registry) {
        this.registry = registry;
    }

    static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/asyncapi.yaml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no directory containing docs/asyncapi.yaml above " + Path.of("").toAbsolutePath());
    }

    static EventSchemas fromDocs() {
        Map<String, String> byId = new HashMap<>();
        try (Stream<Path> files = Files.list(repoRoot().resolve("docs/schemas"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                byId.put(ID_PREFIX + file.getFileName(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventSchemas(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemas(byId)));
    }

    /** @param file a file name in docs/schemas, e.g. new-hire-created.json */
    Schema schema(String file) {
        return registry.getSchema(SchemaLocation.of(ID_PREFIX + file));
    }

    /** Every way the instance breaks the schema; empty when it conforms. */
    List<String> violations(String file, JsonNode instance) {
        return schema(file).validate(instance).stream().map(Error::toString).toList();
    }
}
