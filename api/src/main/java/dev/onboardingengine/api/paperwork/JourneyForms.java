package dev.onboardingengine.api.paperwork;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.files.StoredFile;
import dev.onboardingengine.api.files.StoredFiles;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.api.problem.ResourceNotFound;
import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.paperwork.PaperworkAssigned;

/**
 * Journeys' forms: opened when their action falls due, filled field by field (the API) or all at once
 * (the hire's page), submitted, validated by HR, and done when their action completes. Every change is
 * checked whole before anything is written, and audited.
 */
@Service
public class JourneyForms {

    private static final int TEXT_LIMIT = 4000;

    private final JdbcClient jdbc;
    private final PaperworkResources resources;
    private final CollectionValues collectionValues;
    private final StoredFiles files;
    private final JourneyActions actions;
    private final AuditLog audit;
    private final ObjectMapper objectMapper;

    JourneyForms(JdbcClient jdbc, PaperworkResources resources, CollectionValues collectionValues, StoredFiles files,
            JourneyActions actions, AuditLog audit, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.resources = resources;
        this.collectionValues = collectionValues;
        this.files = files;
        this.actions = actions;
        this.audit = audit;
        this.objectMapper = objectMapper;
    }

    /** Opens the form of an action that just fell due, in the engine's transaction (once per action). */
    @Transactional(propagation = Propagation.MANDATORY)
    void open(PaperworkAssigned assigned, Instant now) {
        PaperworkAssigned.Form form = assigned.form();
        FormSchema schema = FormSchema.parse(form.schema(), objectMapper);
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
        long formId = key.getKey().longValue();
        int position = 1;
        for (FormSchema.Field field : schema.fields()) {
            PaperworkResource resource = resources.ensure(field, now);
            jdbc.sql("""
                    insert into paperwork (form_id, resource_id, position, label, required, max_length)
                    values (:form, :resource, :position, :label, :required, :maxLength)""")
                    .param("form", formId).param("resource", resource.id()).param("position", position++)
                    .param("label", PaperworkResources.truncate(field.label(), 255)).param("required", field.required())
                    .param("maxLength", field.maxLength()).update();
        }
    }

    /** @param status null: every status */
    @Transactional(readOnly = true)
    public List<JourneyForm> ofJourney(long journeyId, FormStatus status) {
        var query = jdbc.sql("select * from journey_form where journey_id = :journey"
                + (status == null ? "" : " and status = :status") + " order by due_at, id").param("journey", journeyId);
        return (status == null ? query : query.param("status", status.wireName())).query(JourneyForms::form).list();
    }

    /** The forms someone fills or validates now, across journeys. */
    @Transactional(readOnly = true)
    public List<JourneyForm> openFor(long employeeId) {
        return jdbc.sql("""
                select * from journey_form where (status = 'opened' and owner_id = :who)
                or (status = 'missing_validation' and validator_id = :who) order by due_at, id""")
                .param("who", employeeId).query(JourneyForms::form).list();
    }

    /** The forms someone fills, not done yet (opened, or submitted and waiting for HR), earliest due first. */
    @Transactional(readOnly = true)
    public List<JourneyForm> ownedBy(long employeeId) {
        return jdbc.sql("select * from journey_form where owner_id = :who and status <> 'done' order by due_at, id")
                .param("who", employeeId).query(JourneyForms::form).list();
    }

    /** Whether this action is a form's: it is done by filling the form in, not by marking it done. */
    @Transactional(readOnly = true)
    public boolean isFormAction(String actionId) {
        return jdbc.sql("select count(*) from journey_form where action_id = :action").param("action", actionId)
                .query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<JourneyForm> find(long id) {
        return jdbc.sql("select * from journey_form where id = :id").param("id", id).query(JourneyForms::form).optional();
    }

    @Transactional(readOnly = true)
    public List<Paperwork> paperworksOf(long formId) {
        return jdbc.sql(PAPERWORK_SELECT + " where p.form_id = :form order by p.position, p.id").param("form", formId)
                .query(JourneyForms::paperwork).list();
    }

    @Transactional(readOnly = true)
    public Optional<Paperwork> findPaperwork(long id) {
        return jdbc.sql(PAPERWORK_SELECT + " where p.id = :id").param("id", id).query(JourneyForms::paperwork).optional();
    }

    /**
     * Sets one field (Workelo's PUT /paperworks/{id}); null clears it.
     *
     * @throws InvalidInput naming {@code value}
     * @throws FormNotEditable when the form is done
     */
    @Transactional
    public Paperwork setValue(Paperwork paperwork, Object answer, Long actorId, Instant now) {
        JourneyForm form = editable(paperwork.formId());
        if (paperwork.type() == ResourceType.FILE) {
            throw InvalidInput.of("value", "use_paperwork_files", null);
        }
        Chosen chosen = check(paperwork, answer, "value", paperworksOf(form.id()), Map.of());
        write(paperwork, chosen, actorId, now);
        audit.record("paperwork_update", actorId, "paperwork", paperwork.id(),
                "%s of form %d".formatted(paperwork.key(), form.id()), now);
        return findPaperwork(paperwork.id()).orElseThrow();
    }

    /**
     * Keeps a file as the value of a file field (Workelo's POST /paperwork_files).
     *
     * @param field the client's name of the file, for errors
     * @throws InvalidInput naming paperwork_id or the file field
     */
    @Transactional
    public StoredFile attachFile(Paperwork paperwork, String fileName, byte[] content, String field, Long actorId,
            Instant now) {
        JourneyForm form = editable(paperwork.formId());
        if (paperwork.type() != ResourceType.FILE) {
            throw InvalidInput.of("paperwork_id", "not_a_file_field", paperwork.id());
        }
        StoredFile file = files.store(fileName, content, field, actorId, now);
        write(paperwork, new Chosen(file.fileName(), null, file.id()), actorId, now);
        audit.record("paperwork_file_upload", actorId, "paperwork", paperwork.id(),
                "%s of form %d: %s, %d bytes".formatted(paperwork.key(), form.id(), file.contentType(), file.size()), now);
        return file;
    }

    /** The file kept as a file field's value, for the API: only files that are some paperwork's value. */
    @Transactional(readOnly = true)
    public Optional<Paperwork> paperworkOfFile(long fileId) {
        return jdbc.sql(PAPERWORK_SELECT + " where p.file_id = :file").param("file", fileId).query(JourneyForms::paperwork)
                .optional();
    }

    /** A file chosen on the hire's page. */
    public record Upload(String fileName, byte[] content) {
    }

    /**
     * Fills several fields at once (the hire's page), then submits when asked: every answer is checked
     * first, and one wrong answer saves nothing.
     *
     * @param answers by paperwork id: absent leaves a field as it is, blank empties it
     * @param uploads by paperwork id
     * @throws InvalidInput naming each wrong field by its key
     */
    @Transactional
    public JourneyForm fill(long formId, Map<Long, String> answers, Map<Long, Upload> uploads, boolean submit,
            Long actorId, Instant now) {
        JourneyForm form = editable(formId);
        List<Paperwork> paperworks = paperworksOf(formId);
        List<InvalidInput.Violation> violations = new ArrayList<>();
        Map<Paperwork, Chosen> changes = new LinkedHashMap<>();
        Map<Long, Chosen> chosenSoFar = new LinkedHashMap<>();
        for (Paperwork paperwork : paperworks) {
            if (paperwork.type() == ResourceType.FILE) {
                continue;
            }
            String answer = answers.get(paperwork.id());
            if (answer == null) {
                continue;
            }
            if (answer.isBlank()) {
                if (paperwork.filled()) {
                    changes.put(paperwork, new Chosen(null, null, null)); // emptied on purpose
                }
                continue;
            }
            try {
                Chosen chosen = check(paperwork, answer, paperwork.key(), paperworks, chosenSoFar);
                changes.put(paperwork, chosen);
                chosenSoFar.put(paperwork.id(), chosen);
            } catch (InvalidInput wrong) {
                violations.addAll(wrong.violations());
            }
        }
        Map<Paperwork, Upload> fileChanges = new LinkedHashMap<>();
        for (Paperwork paperwork : paperworks) {
            Upload upload = uploads.get(paperwork.id());
            if (paperwork.type() != ResourceType.FILE || upload == null || upload.content().length == 0) {
                continue;
            }
            fileChanges.put(paperwork, upload);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        changes.forEach((paperwork, chosen) -> write(paperwork, chosen, actorId, now));
        for (var upload : fileChanges.entrySet()) {
            // store() checks type and size and throws naming the field: the transaction then saves nothing.
            StoredFile file = files.store(upload.getValue().fileName(), upload.getValue().content(),
                    upload.getKey().key(), actorId, now);
            write(upload.getKey(), new Chosen(file.fileName(), null, file.id()), actorId, now);
        }
        if (!changes.isEmpty() || !fileChanges.isEmpty()) {
            audit.record("form_update", actorId, "form", formId,
                    "%d field(s) of %s".formatted(changes.size() + fileChanges.size(), form.name()), now);
        }
        return submit ? submit(formId, actorId, now) : find(formId).orElseThrow();
    }

    /**
     * Hands a filled form in: to HR when it needs validation (missing_validation, the action moves to
     * HR), otherwise it is done and its action completes.
     *
     * @throws InvalidInput naming each required field still empty
     * @throws FormNotEditable when it is not opened
     */
    @Transactional
    public JourneyForm submit(long formId, Long actorId, Instant now) {
        JourneyForm form = find(formId).orElseThrow(() -> new FormNotFound(formId));
        if (form.status() != FormStatus.OPENED) {
            throw new FormNotEditable(formId, form.status());
        }
        List<Paperwork> paperworks = paperworksOf(formId);
        List<InvalidInput.Violation> missing = paperworks.stream().filter(p -> p.required() && !p.filled())
                .map(p -> new InvalidInput.Violation(p.key(), "required", null)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
        if (form.needsValidation()) {
            setStatus(form, FormStatus.MISSING_VALIDATION, "submitted_at", "submitted_by", actorId, now);
            if (form.validatorId() != null) {
                actions.reassign(form.actionId(), form.validatorId());
            }
        } else {
            setStatus(form, FormStatus.DONE, "submitted_at", "submitted_by", actorId, now);
            actions.complete(form.actionId(), action -> true, variables(paperworks));
        }
        audit.record("form_submission", actorId, "form", formId, form.name(), now);
        return find(formId).orElseThrow();
    }

    /**
     * HR accepts a submitted form: it is done and its action completes, with each field as a process
     * variable ({@code form_<key>}) that Cockpit shows and gateways can read.
     *
     * @throws FormNotEditable when it is not missing_validation
     */
    @Transactional
    public JourneyForm validate(long formId, Long actorId, Instant now) {
        JourneyForm form = find(formId).orElseThrow(() -> new FormNotFound(formId));
        if (form.status() != FormStatus.MISSING_VALIDATION) {
            throw new FormNotEditable(formId, form.status());
        }
        setStatus(form, FormStatus.DONE, "validated_at", "validated_by", actorId, now);
        actions.complete(form.actionId(), action -> true, variables(paperworksOf(formId)));
        audit.record("form_validation", actorId, "form", formId, form.name(), now);
        return find(formId).orElseThrow();
    }

    /**
     * HR sends a submitted form back to its owner, who must correct it.
     *
     * @throws FormNotEditable when it is not missing_validation
     */
    @Transactional
    public JourneyForm reopen(long formId, Long actorId, Instant now) {
        JourneyForm form = find(formId).orElseThrow(() -> new FormNotFound(formId));
        if (form.status() != FormStatus.MISSING_VALIDATION) {
            throw new FormNotEditable(formId, form.status());
        }
        jdbc.sql("update journey_form set status = 'opened', updated_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", formId).update();
        if (form.ownerId() != null) {
            actions.reassign(form.actionId(), form.ownerId());
        }
        audit.record("form_reopening", actorId, "form", formId, form.name(), now);
        return find(formId).orElseThrow();
    }

    /** The action was completed elsewhere (Tasklist, Cockpit): its form is done as it stands. */
    @Transactional(propagation = Propagation.MANDATORY)
    void actionCompleted(String actionId, Instant now) {
        jdbc.sql("update journey_form set status = 'done', updated_at = :now where action_id = :action and status <> 'done'")
                .param("now", Timestamp.from(now)).param("action", actionId).update();
    }

    private JourneyForm editable(long formId) {
        JourneyForm form = find(formId).orElseThrow(() -> new FormNotFound(formId));
        if (!form.status().editable()) {
            throw new FormNotEditable(formId, form.status());
        }
        return form;
    }

    /** A checked answer: what the paperwork will hold. */
    private record Chosen(String text, Long collectionValueId, Long fileId) {
    }

    /**
     * @param field the client's name for the answer
     * @param chosenSoFar answers of the same submission, for dependent lists
     */
    private Chosen check(Paperwork paperwork, Object answer, String field, List<Paperwork> formPaperworks,
            Map<Long, Chosen> chosenSoFar) {
        if (answer == null) {
            return new Chosen(null, null, null);
        }
        if (!(answer instanceof String) && !(answer instanceof Number)) {
            throw InvalidInput.of(field, "not_a_string", null);
        }
        String text = answer.toString();
        return switch (paperwork.type()) {
            case TEXT -> {
                int limit = paperwork.maxLength() == null ? TEXT_LIMIT : Math.min(paperwork.maxLength(), TEXT_LIMIT);
                if (text.length() > limit) {
                    throw InvalidInput.of(field, "too_long", limit);
                }
                yield new Chosen(text, null, null);
            }
            case DATE -> {
                try {
                    yield new Chosen(LocalDate.parse(text.strip()).toString(), null, null);
                } catch (DateTimeParseException notADate) {
                    throw InvalidInput.of(field, "invalid_date", text);
                }
            }
            case SELECTION -> {
                CollectionValue option = collectionValues.choose(paperwork.resourceId(), text)
                        .orElseThrow(() -> InvalidInput.of(field, "invalid_choice", text));
                checkParentChosen(option, field, formPaperworks, chosenSoFar);
                yield new Chosen(option.label(), option.id(), null);
            }
            case FILE -> throw InvalidInput.of(field, "use_paperwork_files", null);
        };
    }

    /**
     * A dependent option must hang under the option chosen in the same form for its parent list (a city
     * under the chosen postal code), when that list is in the form and answered.
     */
    private void checkParentChosen(CollectionValue option, String field, List<Paperwork> formPaperworks,
            Map<Long, Chosen> chosenSoFar) {
        if (option.parentId() == null) {
            return;
        }
        CollectionValue parent = collectionValues.find(option.parentId()).orElse(null);
        if (parent == null) {
            return;
        }
        for (Paperwork other : formPaperworks) {
            if (other.resourceId() != parent.resourceId()) {
                continue;
            }
            Chosen pending = chosenSoFar.get(other.id());
            Long chosenParent = pending != null ? pending.collectionValueId() : other.collectionValueId();
            if (chosenParent != null && !chosenParent.equals(parent.id())) {
                throw InvalidInput.of(field, "not_under_parent", other.key());
            }
        }
    }

    private void write(Paperwork paperwork, Chosen chosen, Long actorId, Instant now) {
        jdbc.sql("""
                update paperwork set text_value = :text, collection_value_id = :option, file_id = :file,
                updated_at = :now, updated_by = :actor where id = :id""")
                .param("text", chosen.text()).param("option", chosen.collectionValueId()).param("file", chosen.fileId())
                .param("now", Timestamp.from(now)).param("actor", actorId).param("id", paperwork.id()).update();
    }

    private void setStatus(JourneyForm form, FormStatus status, String atColumn, String byColumn, Long actorId,
            Instant now) {
        jdbc.sql("update journey_form set status = :status, " + atColumn + " = :now, " + byColumn
                + " = :actor, updated_at = :now where id = :id").param("status", status.wireName())
                .param("now", Timestamp.from(now)).param("actor", actorId).param("id", form.id()).update();
    }

    private static Map<String, Object> variables(List<Paperwork> paperworks) {
        Map<String, Object> variables = new LinkedHashMap<>();
        // Prefixed so that a field called "email" cannot overwrite the journey's own variables.
        paperworks.forEach(paperwork -> variables.put("form_" + paperwork.key(), paperwork.value()));
        return variables;
    }

    private static final String PAPERWORK_SELECT = """
            select p.*, r.resource_key, r.resource_type from paperwork p
            join paperwork_resource r on r.id = p.resource_id""";

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

    public static class FormNotFound extends ResourceNotFound {
        public FormNotFound(long id) {
            super("No form " + id);
        }
    }

    public static class PaperworkNotFound extends ResourceNotFound {
        public PaperworkNotFound(long id) {
            super("No paperwork " + id);
        }
    }

    /** The form's status does not allow the change (409). */
    public static class FormNotEditable extends RuntimeException {
        public FormNotEditable(long id, FormStatus status) {
            super("Form %d is %s.".formatted(id, status.wireName()));
        }
    }
}
