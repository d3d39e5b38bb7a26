package dev.onboardingengine.api.paperwork;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.files.StoredFile;
import dev.onboardingengine.api.files.StoredFiles;
import dev.onboardingengine.api.paperwork.FormAnswers.Chosen;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.paperwork.PaperworkAssigned;

/**
 * Journeys' forms: opened when their action falls due, filled field by field (the API) or all at once
 * (the hire's page), submitted, validated by HR, and done when their action completes. Every change is
 * checked whole before anything is written, and audited. This class holds the form's states and what moves
 * them; the rows are {@link JourneyFormRecords}', the answers' rules {@link FormAnswers}'.
 */
@Service
public class JourneyForms {

    private final JourneyFormRecords records;
    private final FormAnswers rules;
    private final PaperworkResources resources;
    private final StoredFiles files;
    private final JourneyActions actions;
    private final AuditLog audit;
    private final ObjectMapper objectMapper;

    JourneyForms(JourneyFormRecords records, FormAnswers rules, PaperworkResources resources, StoredFiles files,
            JourneyActions actions, AuditLog audit, ObjectMapper objectMapper) {
        this.records = records;
        this.rules = rules;
        this.resources = resources;
        this.files = files;
        this.actions = actions;
        this.audit = audit;
        this.objectMapper = objectMapper;
    }

    /** Opens the form of an action that just fell due, in the engine's transaction (once per action). */
    @Transactional(propagation = Propagation.MANDATORY)
    void open(PaperworkAssigned assigned, Instant now) {
        FormSchema schema = FormSchema.parse(assigned.form().schema(), objectMapper);
        long formId = records.insertForm(assigned, now);
        int position = 1;
        for (FormSchema.Field field : schema.fields()) {
            records.insertPaperwork(formId, resources.ensure(field, now), position++, field);
        }
    }

    /** @param status null: every status */
    @Transactional(readOnly = true)
    public List<JourneyForm> ofJourney(long journeyId, FormStatus status) {
        return records.ofJourney(journeyId, status);
    }

    /** The forms someone fills or validates now, across journeys. */
    @Transactional(readOnly = true)
    public List<JourneyForm> openFor(long employeeId) {
        return records.openFor(employeeId);
    }

    /** The forms someone fills, not done yet (opened, or submitted and waiting for HR), earliest due first. */
    @Transactional(readOnly = true)
    public List<JourneyForm> ownedBy(long employeeId) {
        return records.ownedBy(employeeId);
    }

    /** Whether this action is a form's: it is done by filling the form in, not by marking it done. */
    @Transactional(readOnly = true)
    public boolean isFormAction(String actionId) {
        return records.isFormAction(actionId);
    }

    @Transactional(readOnly = true)
    public Optional<JourneyForm> find(long id) {
        return records.find(id);
    }

    @Transactional(readOnly = true)
    public List<Paperwork> paperworksOf(long formId) {
        return records.paperworksOf(formId);
    }

    @Transactional(readOnly = true)
    public Optional<Paperwork> findPaperwork(long id) {
        return records.findPaperwork(id);
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
        Chosen chosen = rules.check(paperwork, answer, "value", paperworksOf(form.id()), Map.of());
        records.writeValue(paperwork, chosen, actorId, now);
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
        records.writeValue(paperwork, new Chosen(file.fileName(), null, file.id()), actorId, now);
        audit.record("paperwork_file_upload", actorId, "paperwork", paperwork.id(),
                "%s of form %d: %s, %d bytes".formatted(paperwork.key(), form.id(), file.contentType(), file.size()),
                now);
        return file;
    }

    /** The file kept as a file field's value, for the API: only files that are some paperwork's value. */
    @Transactional(readOnly = true)
    public Optional<Paperwork> paperworkOfFile(long fileId) {
        return records.paperworkOfFile(fileId);
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
        Map<Paperwork, Chosen> changes = rules.checkAll(paperworks, answers);
        Map<Paperwork, Upload> fileChanges = new LinkedHashMap<>();
        for (Paperwork paperwork : paperworks) {
            Upload upload = uploads.get(paperwork.id());
            if (paperwork.type() != ResourceType.FILE || upload == null || upload.content().length == 0) {
                continue;
            }
            fileChanges.put(paperwork, upload);
        }
        changes.forEach((paperwork, chosen) -> records.writeValue(paperwork, chosen, actorId, now));
        for (var upload : fileChanges.entrySet()) {
            // store() checks type and size and throws naming the field: the transaction then saves nothing.
            StoredFile file = files.store(upload.getValue().fileName(), upload.getValue().content(),
                    upload.getKey().key(), actorId, now);
            records.writeValue(upload.getKey(), new Chosen(file.fileName(), null, file.id()), actorId, now);
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
        rules.checkComplete(paperworks);
        if (form.needsValidation()) {
            records.setStatus(formId, FormStatus.MISSING_VALIDATION, "submitted_at", "submitted_by", actorId, now);
            if (form.validatorId() != null) {
                actions.reassign(form.actionId(), form.validatorId());
            }
        } else {
            records.setStatus(formId, FormStatus.DONE, "submitted_at", "submitted_by", actorId, now);
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
        records.setStatus(formId, FormStatus.DONE, "validated_at", "validated_by", actorId, now);
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
        records.reopen(formId, now);
        if (form.ownerId() != null) {
            actions.reassign(form.actionId(), form.ownerId());
        }
        audit.record("form_reopening", actorId, "form", formId, form.name(), now);
        return find(formId).orElseThrow();
    }

    /** The action was completed elsewhere (Tasklist, Cockpit): its form is done as it stands. */
    @Transactional(propagation = Propagation.MANDATORY)
    void actionCompleted(String actionId, Instant now) {
        records.doneWithAction(actionId, now);
    }

    private JourneyForm editable(long formId) {
        JourneyForm form = find(formId).orElseThrow(() -> new FormNotFound(formId));
        if (!form.status().editable()) {
            throw new FormNotEditable(formId, form.status());
        }
        return form;
    }

    private static Map<String, Object> variables(List<Paperwork> paperworks) {
        Map<String, Object> variables = new LinkedHashMap<>();
        // Prefixed so that a field called "email" cannot overwrite the journey's own variables.
        paperworks.forEach(paperwork -> variables.put("form_" + paperwork.key(), paperwork.value()));
        return variables;
    }

    /** For the other paperwork repositories' row mappers. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        return JourneyFormRecords.instant(rs, column);
    }

}
