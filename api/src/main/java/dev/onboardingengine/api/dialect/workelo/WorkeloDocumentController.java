package dev.onboardingengine.api.dialect.workelo;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.files.StoredFile;
import dev.onboardingengine.api.files.StoredFiles;
import dev.onboardingengine.api.paperwork.DocumentResource;
import dev.onboardingengine.api.paperwork.DocumentResources;
import dev.onboardingengine.api.paperwork.DocumentStatus;
import dev.onboardingengine.api.paperwork.DocumentType;
import dev.onboardingengine.api.paperwork.JourneyDocument;
import dev.onboardingengine.api.paperwork.JourneyDocuments;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.api.problem.ResourceNotFound;
import dev.onboardingengine.api.tracks.Tracks;

/**
 * Workelo's documents (guide section 5): a track's documents, their files (attachments, as base64) and
 * the document resources HR provides. Besides the guide: HR registers or replaces a document resource
 * (POST /document_resources) and gives one track's document its own file (POST /attachments).
 */
@RestController
class WorkeloDocumentController {

    private final JourneyDocuments documents;
    private final DocumentResources resources;
    private final StoredFiles files;
    private final Tracks tracks;
    private final DirectoryAccess access;

    WorkeloDocumentController(JourneyDocuments documents, DocumentResources resources, StoredFiles files, Tracks tracks,
            DirectoryAccess access) {
        this.documents = documents;
        this.resources = resources;
        this.files = files;
        this.tracks = tracks;
        this.access = access;
    }

    /** ?status=supplying (being prepared), receipting (available) or finalized (completed). */
    @GetMapping("/tracks/{trackId}/documents")
    List<DocumentResponse> trackDocuments(Caller caller, @PathVariable long trackId,
            @RequestParam(required = false) String status) {
        tracks.visible(trackId, access.of(caller));
        DocumentStatus wanted = Choices.of("status", status, DocumentStatus::fromWireName);
        return documents.ofJourney(trackId, wanted).stream().map(DocumentResponse::of).toList();
    }

    /** A document's file as base64: a document resource's, or one track's own. */
    @GetMapping("/attachments/{id}")
    AttachmentResponse attachment(Caller caller, @PathVariable long id) {
        Access rights = access.of(caller);
        rights.requireRead();
        if (!resources.ownsFile(id)) {
            documents.ofAttachment(id).filter(document -> tracks.isVisible(document.journeyId(), rights))
                    .orElseThrow(() -> new AttachmentNotFound(id));
        }
        StoredFile file = files.find(id).orElseThrow(() -> new AttachmentNotFound(id));
        return AttachmentResponse.of(file, Base64.getEncoder().encodeToString(files.content(id)));
    }

    /** Gives one track's document its own file (a contract for this hire), instead of the resource's. */
    @PostMapping(path = "/attachments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DocumentResponse attach(Caller caller, @RequestBody AttachmentUpload body) {
        Access rights = access.of(caller);
        rights.requireWrite();
        byte[] content = StoredFiles.decodeBase64(body.file(), "file");
        if (body.documentId() == null) {
            throw InvalidInput.of("document_id", "required", null);
        }
        JourneyDocument document = documents.find(body.documentId())
                .filter(found -> tracks.isVisible(found.journeyId(), rights))
                .orElseThrow(() -> InvalidInput.of("document_id", "unknown_reference", body.documentId()));
        return DocumentResponse
                .of(documents.attach(document.id(), body.fileName() == null ? "document" : body.fileName(),
                        content, caller.employeeId(), Instant.now()));
    }

    /** ?type=sign (to sign) or download (to read). */
    @GetMapping("/document_resources")
    ResponseEntity<List<DocumentResourceResponse>> documentResources(Caller caller,
            @RequestParam(required = false) String type, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset) {
        access.of(caller).requireRead();
        DocumentType wanted = Choices.of("type", type, DocumentType::fromWireName);
        Paging paging = Paging.of(limit, offset);
        List<DocumentResourceResponse> page = resources.list(wanted, paging.limit(), paging.offset()).stream()
                .map(DocumentResourceResponse::of).toList();
        return ResponseEntity.ok().headers(paging.headers(resources.count(wanted))).body(page);
    }

    /** Registers a document resource, or replaces the name, type or file of the one with this key. */
    @PostMapping(path = "/document_resources", consumes = MediaType.APPLICATION_JSON_VALUE)
    DocumentResourceResponse saveDocumentResource(Caller caller, @RequestBody DocumentResourceUpload body) {
        access.of(caller).requireOrganisationWide();
        byte[] content = body.file() == null ? null : StoredFiles.decodeBase64(body.file(), "file");
        return DocumentResourceResponse.of(resources.save(body.key(), body.name(), body.type(),
                body.fileName() == null ? body.key() : body.fileName(), content, caller.employeeId(), Instant.now()));
    }

    static class AttachmentNotFound extends ResourceNotFound {

        AttachmentNotFound(long id) {
            super("No attachment " + id);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AttachmentUpload(@JsonProperty("document_id") Long documentId, String file,
            @JsonProperty("file_name") String fileName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DocumentResourceUpload(String key, String name, String type, String file,
            @JsonProperty("file_name") String fileName) {
    }

    /**
     * @param attachmentId the file to read (GET /attachments/{id}); null while supplying
     * @param acknowledgedAt when the owner read it (download) or signed it (sign)
     */
    record DocumentResponse(long id, @JsonProperty("track_id") long trackId,
            @JsonProperty("employee_id") long employeeId,
            @JsonProperty("action_id") String actionId, String name, String type, String status,
            @JsonProperty("document_resource_id") long documentResourceId,
            @JsonProperty("attachment_id") Long attachmentId,
            @JsonProperty("owner_id") Long ownerId, @JsonProperty("due_date") Instant dueDate,
            @JsonProperty("acknowledged_at") Instant acknowledgedAt,
            @JsonProperty("acknowledged_by") Long acknowledgedBy,
            @JsonProperty("created_at") Instant createdAt) {

        static DocumentResponse of(JourneyDocument document) {
            return new DocumentResponse(document.id(), document.journeyId(), document.employeeId(), document.actionId(),
                    document.name(), document.type().wireName(), document.status().wireName(), document.resourceId(),
                    document.fileId(), document.ownerId(), document.due(), document.acknowledgedAt(),
                    document.acknowledgedBy(), document.createdAt());
        }
    }

    record AttachmentResponse(long id, @JsonProperty("file_name") String fileName,
            @JsonProperty("content_type") String contentType, long size, String sha256,
            @JsonInclude(JsonInclude.Include.NON_NULL) String file) {

        static AttachmentResponse of(StoredFile file, String base64) {
            return new AttachmentResponse(file.id(), file.fileName(), file.contentType(), file.size(), file.sha256(),
                    base64);
        }
    }

    record DocumentResourceResponse(long id, String key, String name, String type,
            @JsonProperty("attachment_id") Long attachmentId, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {

        static DocumentResourceResponse of(DocumentResource resource) {
            return new DocumentResourceResponse(resource.id(), resource.key(), resource.name(),
                    resource.type().wireName(),
                    resource.fileId(), resource.createdAt(), resource.updatedAt());
        }
    }
}
