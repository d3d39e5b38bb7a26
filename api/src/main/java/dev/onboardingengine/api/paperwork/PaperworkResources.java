package dev.onboardingengine.api.paperwork;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.bootstrap.StartupLock;
import dev.onboardingengine.workflow.paperwork.FormDefinitions;

/**
 * The catalogue of paperwork fields. A field appears the first time a deployed form names its key (at
 * start for the forms already deployed, or when a form action of a newer form falls due); a select's
 * static options become its first collection values, which HR then edits through the API.
 */
@Service
public class PaperworkResources {

    private final JdbcClient jdbc;
    private final CollectionValues collectionValues;
    private final FormDefinitions formDefinitions;
    private final ObjectMapper objectMapper;
    private final StartupLock startupLock;

    PaperworkResources(JdbcClient jdbc, CollectionValues collectionValues, FormDefinitions formDefinitions,
            ObjectMapper objectMapper, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.jdbc = jdbc;
        this.collectionValues = collectionValues;
        this.formDefinitions = formDefinitions;
        this.objectMapper = objectMapper;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void catalogueDeployedForms() {
        // One node at a time, each seeing what the one before it inserted (two nodes may start at once).
        startupLock.hold();
        Instant now = Instant.now();
        for (String form : formDefinitions.deployedForms()) {
            try {
                FormSchema.parse(form, objectMapper).fields().forEach(field -> ensure(field, now));
            } catch (IllegalArgumentException notAForm) {
                // A .form resource that is not Camunda Forms JSON: the deployment checks report it, not us.
            }
        }
    }

    /** The resource of a form field: the existing one with its key, or a new one. */
    @Transactional
    PaperworkResource ensure(FormSchema.Field field, Instant now) {
        Optional<PaperworkResource> existing = findByKey(field.key());
        if (existing.isPresent()) {
            return existing.get();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into paperwork_resource (resource_key, label, resource_type, created_at)
                values (:key, :label, :type, :now)""")
                .param("key", field.key()).param("label", truncate(field.label(), 255))
                .param("type", field.type().wireName()).param("now", Timestamp.from(now)).update(key, "id");
        long id = key.getKey().longValue();
        int position = 1;
        for (FormSchema.Option option : field.options()) {
            collectionValues.insert(id, option.label(), option.value(), position++, null, now);
        }
        return new PaperworkResource(id, field.key(), field.label(), field.type(), now);
    }

    @Transactional(readOnly = true)
    public Optional<PaperworkResource> find(long id) {
        return jdbc.sql("select * from paperwork_resource where id = :id").param("id", id)
                .query(PaperworkResources::map)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<PaperworkResource> findByKey(String key) {
        return jdbc.sql("select * from paperwork_resource where resource_key = :key").param("key", key)
                .query(PaperworkResources::map).optional();
    }

    /** @param type null: every type */
    @Transactional(readOnly = true)
    public List<PaperworkResource> list(ResourceType type, int limit, long offset) {
        var query = jdbc.sql("select * from paperwork_resource" + (type == null ? "" : " where resource_type = :type")
                + " order by id limit :limit offset :offset").param("limit", limit).param("offset", offset);
        return (type == null ? query : query.param("type", type.wireName())).query(PaperworkResources::map).list();
    }

    @Transactional(readOnly = true)
    public long count(ResourceType type) {
        var query = jdbc
                .sql("select count(*) from paperwork_resource" + (type == null ? "" : " where resource_type = :type"));
        return (type == null ? query : query.param("type", type.wireName())).query(Long.class).single();
    }

    private static PaperworkResource map(ResultSet rs, int row) throws SQLException {
        return new PaperworkResource(rs.getLong("id"), rs.getString("resource_key"), rs.getString("label"),
                ResourceType.fromWireName(rs.getString("resource_type")).orElse(ResourceType.TEXT),
                rs.getTimestamp("created_at").toInstant());
    }

    static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
