package dev.onboardingengine.api.paperwork;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.onboardingengine.workflow.paperwork.PaperworkAssigned;

/**
 * The rows of journeys' forms: {@code journey_form} and its fields, {@code paperwork}. SQL only; what may
 * change when is {@link JourneyForms}' business, and which answers are right {@link FormAnswers}'.
 * Runs in its caller's transaction.
 */
@Repository
class JourneyFormRecords {

    private static final String PAPERWORK_SELECT = """
            select p.*, r.resource_key, r.resource_type from paperwork p
            join paperwork_resource r on r.id = p.resource_id""";

    private final JdbcClient jdbc;

    JourneyFormRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new form's id */
    long insertForm(PaperworkAssigned assigned, Instant now) {
        PaperworkAssigned.Form form = assigned.form();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into journey_form (journey_id, employee_id, action_id, form_key, name, status, owner_id,
                needs_validation, validator_id, due_at, created_at, updated_at)
                values (:journey, :employee, :action, :formKey, :name, :status, :owner, :needsValidation, :validator,
                :due, :now, :now)""")
                .param("journey", assigned.journeyId()).param("employee", assigned.employeeId())
                .param("action", assigned.actionId()).param("formKey", form.key())
                .param("name", PaperworkResources.truncate(assigned.actionName(), 255))
                .param("status", FormStatus.OPENED.wireName()).param("owner", assigned.ownerId())
                .param("needsValidation", form.needsValidation()).param("validator", form.validatedBy())
                .param("due", assigned.due() == null ? null : Timestamp.from(assigned.due()))
                .param("now", Timestamp.from(now)).update(key, "id");
        return key.getKey().longValue();
    }

    void insertPaperwork(long formId, PaperworkResource resource, int position, FormSchema.Field field) {
        jdbc.sql("""
                insert into paperwork (form_id, resource_id, position, label, required, max_length)
                values (:form, :resource, :position, :label, :required, :maxLength)""")
                .param("form", formId).param("resource", resource.id()).param("position", position)
                .param("label", PaperworkResources.truncate(field.label(), 255)).param("required", field.required())
                .param("maxLength", field.maxLength()).update();
    }

    /** @param status null: every status */
    List<JourneyForm> ofJourney(long journeyId, FormStatus status) {
        var query = jdbc.sql("select * from journey_form where journey_id = :journey"
                + (status == null ? "" : " and status = :status") + " order by due_at, id").param("journey", journeyId);
        return (status == null ? query : query.param("status", status.wireName())).query(JourneyFormRecords::form)
                .list();
    }

    List<JourneyForm> openFor(long employeeId) {
        return jdbc.sql("""
                select * from journey_form where (status = 'opened' and owner_id = :who)
                or (status = 'missing_validation' and validator_id = :who) order by due_at, id""")
                .param("who", employeeId).query(JourneyFormRecords::form).list();
    }

    List<JourneyForm> ownedBy(long employeeId) {
        return jdbc.sql("select * from journey_form where owner_id = :who and status <> 'done' order by due_at, id")
                .param("who", employeeId).query(JourneyFormRecords::form).list();
    }

    boolean isFormAction(String actionId) {
        return jdbc.sql("select count(*) from journey_form where action_id = :action").param("action", actionId)
                .query(Long.class).single() > 0;
    }

    Optional<JourneyForm> find(long id) {
        return jdbc.sql("select * from journey_form where id = :id").param("id", id).query(JourneyFormRecords::form)
                .optional();
    }

    List<Paperwork> paperworksOf(long formId) {
        return jdbc.sql(PAPERWORK_SELECT + " where p.form_id = :form order by p.position, p.id").param("form", formId)
                .query(JourneyFormRecords::paperwork).list();
    }

    Optional<Paperwork> findPaperwork(long id) {
        return jdbc.sql(PAPERWORK_SELECT + " where p.id = :id").param("id", id).query(JourneyFormRecords::paperwork)
                .optional();
    }

    Optional<Paperwork> paperworkOfFile(long fileId) {
        return jdbc.sql(PAPERWORK_SELECT + " where p.file_id = :file").param("file", fileId)
                .query(JourneyFormRecords::paperwork).optional();
    }

    void writeValue(Paperwork paperwork, FormAnswers.Chosen chosen, Long actorId, Instant now) {
        jdbc.sql("""
                update paperwork set text_value = :text, collection_value_id = :option, file_id = :file,
                updated_at = :now, updated_by = :actor where id = :id""")
                .param("text", chosen.text()).param("option", chosen.collectionValueId()).param("file", chosen.fileId())
                .param("now", Timestamp.from(now)).param("actor", actorId).param("id", paperwork.id()).update();
    }

    /**
     * @param atColumn the column that records when ({@code submitted_at}, {@code validated_at})
     * @param byColumn the column that records who ({@code submitted_by}, {@code validated_by})
     */
    void setStatus(long formId, FormStatus status, String atColumn, String byColumn, Long actorId, Instant now) {
        jdbc.sql("update journey_form set status = :status, " + atColumn + " = :now, " + byColumn
                + " = :actor, updated_at = :now where id = :id").param("status", status.wireName())
                .param("now", Timestamp.from(now)).param("actor", actorId).param("id", formId).update();
    }

    void reopen(long formId, Instant now) {
        jdbc.sql("update journey_form set status = 'opened', updated_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", formId).update();
    }

    void doneWithAction(String actionId, Instant now) {
        jdbc.sql(
                "update journey_form set status = 'done', updated_at = :now where action_id = :action and status <> 'done'")
                .param("now", Timestamp.from(now)).param("action", actionId).update();
    }

    private static Paperwork paperwork(ResultSet rs, int row) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Paperwork(rs.getLong("id"), rs.getLong("form_id"), rs.getLong("resource_id"),
                rs.getString("resource_key"), rs.getString("label"),
                ResourceType.fromWireName(rs.getString("resource_type")).orElse(ResourceType.TEXT),
                rs.getBoolean("required"), rs.getObject("max_length", Integer.class), rs.getString("text_value"),
                rs.getObject("collection_value_id", Long.class), rs.getObject("file_id", Long.class),
                updated == null ? null : updated.toInstant(), rs.getObject("updated_by", Long.class));
    }

    private static JourneyForm form(ResultSet rs, int row) throws SQLException {
        return new JourneyForm(rs.getLong("id"), rs.getLong("journey_id"), rs.getLong("employee_id"),
                rs.getString("action_id"), rs.getString("form_key"), rs.getString("name"),
                FormStatus.fromWireName(rs.getString("status")).orElseThrow(), rs.getObject("owner_id", Long.class),
                rs.getBoolean("needs_validation"), rs.getObject("validator_id", Long.class), instant(rs, "due_at"),
                instant(rs, "submitted_at"), rs.getObject("submitted_by", Long.class), instant(rs, "validated_at"),
                rs.getObject("validated_by", Long.class), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
