package dev.onboardingengine.api.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.apache.tika.Tika;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.problem.InvalidInput;

/**
 * Uploaded files, checked before they are kept: not empty, not larger than allowed, and of an allowed
 * type by their content. A name that claims another type than the content is refused too (a PNG
 * called contract.pdf), so what a reader downloads is what the name promised.
 */
@Service
@EnableConfigurationProperties(FileRules.class)
public class StoredFiles {

    private static final Tika TIKA = new Tika();

    private final JdbcClient jdbc;
    private final FileRules rules;

    StoredFiles(JdbcClient jdbc, FileRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    public FileRules rules() {
        return rules;
    }

    /**
     * Decodes a base64 file (a data: URL prefix is accepted) as the JSON API receives it.
     *
     * @param field the client's name of the field, for errors
     * @throws InvalidInput naming the field when it is missing or not base64
     */
    public static byte[] decodeBase64(String base64, String field) {
        if (base64 == null || base64.isBlank()) {
            throw InvalidInput.of(field, "required", null);
        }
        String data = base64.strip();
        if (data.startsWith("data:") && data.contains(",")) {
            data = data.substring(data.indexOf(',') + 1);
        }
        try {
            // The strict decoder: the MIME one skips what is not base64, and "..." would become an empty file.
            byte[] content = Base64.getDecoder().decode(data.replaceAll("\\s", ""));
            if (content.length == 0) {
                throw InvalidInput.of(field, "empty", null);
            }
            return content;
        } catch (IllegalArgumentException notBase64) {
            throw InvalidInput.of(field, "not_base64", null);
        }
    }

    /**
     * Checks and keeps a file, in the caller's transaction.
     *
     * @param field the client's name of the file field, for errors
     * @throws InvalidInput naming the field: empty, too_large, type_not_allowed or disguised
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredFile store(String fileName, byte[] content, String field, Long actorId, Instant now) {
        String name = safeName(fileName);
        String type = check(name, content, field);
        String sha256 = sha256(content);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into stored_file (file_name, content_type, size_bytes, sha256, content, created_at, created_by)
                values (:name, :type, :size, :sha, :content, :now, :actor)""")
                .param("name", name).param("type", type).param("size", (long) content.length).param("sha", sha256)
                .param("content", content).param("now", java.sql.Timestamp.from(now)).param("actor", actorId)
                .update(key, "id");
        return new StoredFile(key.getKey().longValue(), name, type, content.length, sha256, now, actorId);
    }

    /** @return the media type detected from the content */
    String check(String fileName, byte[] content, String field) {
        if (content == null || content.length == 0) {
            throw InvalidInput.of(field, "empty", null);
        }
        if (content.length > rules.maxSize().toBytes()) {
            throw InvalidInput.of(field, "too_large", rules.maxSize().toKilobytes() + " KB");
        }
        String detected = TIKA.detect(content);
        if (!rules.allowedTypes().contains(detected)) {
            throw InvalidInput.of(field, "type_not_allowed", detected);
        }
        String named = TIKA.detect(fileName);
        // A name without a known extension says nothing; one with another type than the content lies.
        if (!"application/octet-stream".equals(named) && !named.equals(detected)) {
            throw InvalidInput.of(field, "disguised", detected);
        }
        return detected;
    }

    @Transactional(readOnly = true)
    public Optional<StoredFile> find(long id) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, sha256, created_at, created_by
                from stored_file where id = :id""").param("id", id)
                .query((rs, row) -> new StoredFile(rs.getLong("id"), rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getTimestamp("created_at").toInstant(),
                        (Long) rs.getObject("created_by", Long.class)))
                .optional();
    }

    @Transactional(readOnly = true)
    public byte[] content(long id) {
        return jdbc.sql("select content from stored_file where id = :id").param("id", id)
                .query((rs, row) -> rs.getBytes("content")).single();
    }

    /** Only the last path segment, without control characters: the name is shown and sent back in headers. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            return "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
