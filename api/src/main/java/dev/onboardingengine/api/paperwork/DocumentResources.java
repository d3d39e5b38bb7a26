package dev.onboardingengine.api.paperwork;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.bootstrap.StartupLock;
import dev.onboardingengine.api.files.StoredFile;
import dev.onboardingengine.api.files.StoredFiles;
import dev.onboardingengine.api.problem.InvalidInput;

/**
 * The documents HR provides. The samples the shipped sequences use (processes/documents/documents.json)
 * are registered at the first start; a document action naming an unknown key registers it without a
 * file (its journeys' documents are supplying until HR uploads one).
 */
@Service
public class DocumentResources {

    static final String SAMPLES = "processes/documents/documents.json";

    private final JdbcClient jdbc;
    private final StoredFiles files;
    private final AuditLog audit;
    private final ObjectMapper objectMapper;
    private final StartupLock startupLock;

    DocumentResources(JdbcClient jdbc, StoredFiles files, AuditLog audit, ObjectMapper objectMapper,
            StartupLock startupLock) {
        this.startupLock = startupLock;
        this.jdbc = jdbc;
        this.files = files;
        this.audit = audit;
        this.objectMapper = objectMapper;
    }

    record Sample(String key, String name, String type, String file) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void registerSamples() {
        // One node at a time, each seeing what the one before it inserted (two nodes may start at once).
        startupLock.hold();
        ClassPathResource index = new ClassPathResource(SAMPLES);
        if (!index.exists()) {
            return;
        }
        try (InputStream in = index.getInputStream()) {
            for (Sample sample : objectMapper.readValue(in, new TypeReference<List<Sample>>() {
            })) {
                if (findByKey(sample.key()).isPresent()) {
                    continue; // HR's own version, or the sample registered before: left alone
                }
                byte[] content;
                try (InputStream file = new ClassPathResource("processes/documents/" + sample.file())
                        .getInputStream()) {
                    content = file.readAllBytes();
                }
                Instant now = Instant.now();
                StoredFile stored = files.store(sample.file(), content, "file", null, now);
                insert(sample.key(), sample.name(),
                        DocumentType.fromWireName(sample.type()).orElse(DocumentType.DOWNLOAD),
                        stored.id(), now);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The resource of a document action's key: the existing one, or a new one without a file. */
    @Transactional
    DocumentResource ensure(String key, String name, Instant now) {
        return findByKey(key).orElseGet(() -> find(insert(key, name, DocumentType.DOWNLOAD, null, now)).orElseThrow());
    }

    /**
     * Registers a document or replaces its name, type or file (only the fields given).
     *
     * @throws InvalidInput naming key, name, type or file
     */
    @Transactional
    public DocumentResource save(String key, String name, String type, String fileName, byte[] content, Long actorId,
            Instant now) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        Optional<DocumentResource> existing = key == null ? Optional.empty() : findByKey(key);
        if (key == null || key.isBlank()) {
            violations.add(new InvalidInput.Violation("key", "required", null));
        } else if (!key.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            violations.add(new InvalidInput.Violation("key", "invalid_key", key));
        }
        if (existing.isEmpty() && (name == null || name.isBlank())) {
            violations.add(new InvalidInput.Violation("name", name == null ? "required" : "blank", name));
        }
        DocumentType documentType = null;
        if (type != null) {
            documentType = DocumentType.fromWireName(type).orElse(null);
            if (documentType == null) {
                violations.add(new InvalidInput.Violation("type", "invalid_choice", type));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        Long fileId = content == null ? null : files.store(fileName, content, "file", actorId, now).id();
        long id;
        if (existing.isEmpty()) {
            id = insert(key, name.strip(), documentType == null ? DocumentType.DOWNLOAD : documentType, fileId, now);
            audit.record("document_resource_creation", actorId, "document_resource", id, key, now);
        } else {
            DocumentResource current = existing.get();
            id = current.id();
            jdbc.sql("""
                    update document_resource set name = :name, document_type = :type, file_id = :file, updated_at = :now
                    where id = :id""").param("name", name == null || name.isBlank() ? current.name() : name.strip())
                    .param("type", (documentType == null ? current.type() : documentType).wireName())
                    .param("file", fileId == null ? current.fileId() : fileId).param("now", Timestamp.from(now))
                    .param("id", id).update();
            audit.record("document_resource_update", actorId, "document_resource", id, key, now);
        }
        return find(id).orElseThrow();
    }

    private long insert(String key, String name, DocumentType type, Long fileId, Instant now) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into document_resource (resource_key, name, document_type, file_id, created_at, updated_at)
                values (:key, :name, :type, :file, :now, :now)""").param("key", key)
                .param("name", PaperworkResources.truncate(name, 255)).param("type", type.wireName())
                .param("file", fileId)
                .param("now", Timestamp.from(now)).update(id, "id");
        return id.getKey().longValue();
    }

    @Transactional(readOnly = true)
    public Optional<DocumentResource> find(long id) {
        return jdbc.sql("select * from document_resource where id = :id").param("id", id).query(DocumentResources::map)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<DocumentResource> findByKey(String key) {
        return jdbc.sql("select * from document_resource where resource_key = :key").param("key", key)
                .query(DocumentResources::map).optional();
    }

    @Transactional(readOnly = true)
    public boolean ownsFile(long fileId) {
        return jdbc.sql("select count(*) from document_resource where file_id = :file").param("file", fileId)
                .query(Long.class).single() > 0;
    }

    /** @param type null: every type */
    @Transactional(readOnly = true)
    public List<DocumentResource> list(DocumentType type, int limit, long offset) {
        var query = jdbc.sql("select * from document_resource" + (type == null ? "" : " where document_type = :type")
                + " order by id limit :limit offset :offset").param("limit", limit).param("offset", offset);
        return (type == null ? query : query.param("type", type.wireName())).query(DocumentResources::map).list();
    }

    @Transactional(readOnly = true)
    public long count(DocumentType type) {
        var query = jdbc
                .sql("select count(*) from document_resource" + (type == null ? "" : " where document_type = :type"));
        return (type == null ? query : query.param("type", type.wireName())).query(Long.class).single();
    }

    private static DocumentResource map(ResultSet rs, int row) throws SQLException {
        return new DocumentResource(rs.getLong("id"), rs.getString("resource_key"), rs.getString("name"),
                DocumentType.fromWireName(rs.getString("document_type")).orElse(DocumentType.DOWNLOAD),
                rs.getObject("file_id", Long.class), JourneyForms.instant(rs, "created_at"),
                JourneyForms.instant(rs, "updated_at"));
    }
}
