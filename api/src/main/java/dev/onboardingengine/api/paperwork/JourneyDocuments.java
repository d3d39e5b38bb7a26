package dev.onboardingengine.api.paperwork;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.files.StoredFile;
import dev.onboardingengine.api.files.StoredFiles;
import dev.onboardingengine.api.problem.ResourceNotFound;
import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.paperwork.PaperworkAssigned;

/**
 * Journeys' documents: one per document action. Its owner reads it and acknowledges it (a signature is
 * an acknowledgement of a sign document), which completes the action. No e-signature provider: the
 * record of who acknowledged and when is the proof.
 */
@Service
public class JourneyDocuments {

    private static final String SELECT = """
            select d.*, r.document_type, coalesce(d.attachment_id, r.file_id) as shown_file_id
            from journey_document d join document_resource r on r.id = d.resource_id""";

    private final JdbcClient jdbc;
    private final DocumentResources resources;
    private final StoredFiles files;
    private final JourneyActions actions;
    private final AuditLog audit;

    JourneyDocuments(JdbcClient jdbc, DocumentResources resources, StoredFiles files, JourneyActions actions,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.resources = resources;
        this.files = files;
        this.actions = actions;
        this.audit = audit;
    }

    /** Gives the journey the document of an action that just fell due, in the engine's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void open(PaperworkAssigned assigned, Instant now) {
        DocumentResource resource = resources.ensure(assigned.document().key(), assigned.actionName(), now);
        jdbc.sql("""
                insert into journey_document (journey_id, employee_id, action_id, resource_id, name, owner_id, due_at,
                created_at) values (:journey, :employee, :action, :resource, :name, :owner, :due, :now)""")
                .param("journey", assigned.journeyId()).param("employee", assigned.employeeId())
                .param("action", assigned.actionId()).param("resource", resource.id()).param("name", resource.name())
                .param("owner", assigned.ownerId())
                .param("due", assigned.due() == null ? null : Timestamp.from(assigned.due()))
                .param("now", Timestamp.from(now)).update();
    }

    /** @param status null: every status */
    @Transactional(readOnly = true)
    public List<JourneyDocument> ofJourney(long journeyId, DocumentStatus status) {
        return jdbc.sql(SELECT + " where d.journey_id = :journey order by d.due_at, d.id").param("journey", journeyId)
                .query(JourneyDocuments::map).list().stream()
                .filter(document -> status == null || document.status() == status).toList();
    }

    /** The documents someone must still read or sign, across journeys. */
    @Transactional(readOnly = true)
    public List<JourneyDocument> openFor(long ownerId) {
        return jdbc.sql(SELECT + " where d.owner_id = :owner and d.acknowledged_at is null order by d.due_at, d.id")
                .param("owner", ownerId).query(JourneyDocuments::map).list();
    }

    /** Whether this action is a document's: it is done by reading or signing it. */
    @Transactional(readOnly = true)
    public boolean isDocumentAction(String actionId) {
        return jdbc.sql("select count(*) from journey_document where action_id = :action").param("action", actionId)
                .query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<JourneyDocument> find(long id) {
        return jdbc.sql(SELECT + " where d.id = :id").param("id", id).query(JourneyDocuments::map).optional();
    }

    /** The journey documents that show this file (their own attachment). */
    @Transactional(readOnly = true)
    public Optional<JourneyDocument> ofAttachment(long fileId) {
        return jdbc.sql(SELECT + " where d.attachment_id = :file").param("file", fileId).query(JourneyDocuments::map)
                .list().stream().findFirst();
    }

    /**
     * Records that its owner read (download) or signed (sign) the document and completes its action.
     *
     * @throws DocumentNotReady when it has no file yet (supplying) or is already finalized
     */
    @Transactional
    public JourneyDocument acknowledge(long id, long actorId, Instant now) {
        JourneyDocument document = find(id).orElseThrow(() -> new DocumentNotFound(id));
        if (document.status() != DocumentStatus.RECEIPTING) {
            throw new DocumentNotReady(id, document.status());
        }
        jdbc.sql("update journey_document set acknowledged_at = :now, acknowledged_by = :actor where id = :id")
                .param("now", Timestamp.from(now)).param("actor", actorId).param("id", id).update();
        actions.complete(document.actionId(), action -> true);
        audit.record(document.type() == DocumentType.SIGN ? "document_signature" : "document_acknowledgement", actorId,
                "document", id, document.name(), now);
        return find(id).orElseThrow();
    }

    /**
     * Gives one journey's document its own file (a contract for this hire), shown instead of the
     * resource's.
     */
    @Transactional
    public JourneyDocument attach(long id, String fileName, byte[] content, Long actorId, Instant now) {
        JourneyDocument document = find(id).orElseThrow(() -> new DocumentNotFound(id));
        if (document.status() == DocumentStatus.FINALIZED) {
            throw new DocumentNotReady(id, document.status());
        }
        StoredFile file = files.store(fileName, content, "file", actorId, now);
        jdbc.sql("update journey_document set attachment_id = :file where id = :id").param("file", file.id())
                .param("id", id).update();
        audit.record("document_attachment", actorId, "document", id,
                "%s: %s, %d bytes".formatted(document.name(), file.contentType(), file.size()), now);
        return find(id).orElseThrow();
    }

    /** The action was completed elsewhere (Tasklist, Cockpit): the document counts as acknowledged then. */
    @Transactional(propagation = Propagation.MANDATORY)
    void actionCompleted(String actionId, Long actorId, Instant now) {
        jdbc.sql("""
                update journey_document set acknowledged_at = :now, acknowledged_by = :actor
                where action_id = :action and acknowledged_at is null""")
                .param("now", Timestamp.from(now)).param("actor", actorId).param("action", actionId).update();
    }

    private static JourneyDocument map(ResultSet rs, int row) throws SQLException {
        return new JourneyDocument(rs.getLong("id"), rs.getLong("journey_id"), rs.getLong("employee_id"),
                rs.getString("action_id"), rs.getLong("resource_id"), rs.getString("name"),
                DocumentType.fromWireName(rs.getString("document_type")).orElse(DocumentType.DOWNLOAD),
                rs.getObject("owner_id", Long.class), rs.getObject("shown_file_id", Long.class),
                JourneyForms.instant(rs, "due_at"), JourneyForms.instant(rs, "acknowledged_at"),
                rs.getObject("acknowledged_by", Long.class), JourneyForms.instant(rs, "created_at"));
    }

    public static class DocumentNotFound extends ResourceNotFound {

        public DocumentNotFound(long id) {
            super("No document " + id);
        }
    }

    /** 409: nothing to acknowledge yet, or acknowledged already. */
    public static class DocumentNotReady extends RuntimeException {

        public DocumentNotReady(long id, DocumentStatus status) {
            super("Document %d is %s.".formatted(id, status.wireName()));
        }
    }
}
