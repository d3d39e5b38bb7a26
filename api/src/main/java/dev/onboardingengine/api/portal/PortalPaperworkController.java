package dev.onboardingengine.api.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

import dev.onboardingengine.api.files.StoredFile;
import dev.onboardingengine.api.files.StoredFiles;
import dev.onboardingengine.api.paperwork.CollectionValue;
import dev.onboardingengine.api.paperwork.CollectionValues;
import dev.onboardingengine.api.paperwork.DocumentStatus;
import dev.onboardingengine.api.paperwork.DocumentType;
import dev.onboardingengine.api.paperwork.FormNotEditable;
import dev.onboardingengine.api.paperwork.FormNotFound;
import dev.onboardingengine.api.paperwork.FormStatus;
import dev.onboardingengine.api.paperwork.JourneyDocument;
import dev.onboardingengine.api.paperwork.JourneyDocuments;
import dev.onboardingengine.api.paperwork.JourneyForm;
import dev.onboardingengine.api.paperwork.JourneyForms;
import dev.onboardingengine.api.paperwork.Paperwork;
import dev.onboardingengine.api.paperwork.ResourceType;
import dev.onboardingengine.api.problem.InvalidInput;

/**
 * Forms and documents on the new hire's page: {@code /portal/{token}/forms/{id}} to fill a form in and
 * upload its files (a plain multipart form: the page runs no script), {@code .../documents/{id}/file} to
 * read a document and {@code .../documents/{id}/acknowledge} to say so or to sign it. Only the form's or
 * document's owner gets in, and only to a journey within the link's reach; anyone else with a valid link
 * sees "not open for you".
 */
@PortalController
class PortalPaperworkController {

    /** A select lists at most this many options (a longer list is for the API and a search box). */
    private static final int MAX_OPTIONS = 1000;

    private final MagicLinks links;
    private final JourneyForms forms;
    private final JourneyDocuments documents;
    private final CollectionValues collectionValues;
    private final StoredFiles files;
    private final VisitorTime time;
    private final JourneyInvolvement involvement;

    PortalPaperworkController(MagicLinks links, JourneyForms forms, JourneyDocuments documents,
            CollectionValues collectionValues, StoredFiles files, VisitorTime time, JourneyInvolvement involvement) {
        this.involvement = involvement;
        this.links = links;
        this.forms = forms;
        this.documents = documents;
        this.collectionValues = collectionValues;
        this.files = files;
        this.time = time;
    }

    /** @param saved present after "Save": the page says so */
    @GetMapping("/portal/{token}/forms/{formId}")
    String form(@PathVariable String token, @PathVariable long formId, @RequestParam(required = false) String saved,
            Model model) {
        PortalVisitor visitor = links.require(token);
        JourneyForm form = ownForm(visitor, formId);
        fillModel(model.asMap(), token, visitor, form, Map.of(), Map.of());
        model.addAttribute("saved", saved != null);
        return "portal/form";
    }

    /**
     * Saves every answer at once, and hands the form in when {@code intent=submit}. One wrong answer saves
     * nothing: the page comes back (400) with each field's message and what was typed.
     */
    @PostMapping(path = "/portal/{token}/forms/{formId}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ModelAndView fill(@PathVariable String token, @PathVariable long formId, MultipartHttpServletRequest request) {
        PortalVisitor visitor = links.require(token);
        JourneyForm form = ownForm(visitor, formId);
        if (form.status() != FormStatus.OPENED) {
            throw new FormNotEditable(formId, form.status());
        }
        Map<Long, String> answers = new HashMap<>();
        Map<Long, JourneyForms.Upload> uploads = new HashMap<>();
        for (Paperwork paperwork : forms.paperworksOf(formId)) {
            String name = inputName(paperwork);
            if (paperwork.type() == ResourceType.FILE) {
                MultipartFile file = request.getFile(name);
                if (file != null && !file.isEmpty()) {
                    uploads.put(paperwork.id(), new JourneyForms.Upload(file.getOriginalFilename(), bytes(file)));
                }
            } else if (request.getParameter(name) != null) {
                answers.put(paperwork.id(), request.getParameter(name));
            }
        }
        boolean submit = "submit".equals(request.getParameter("intent"));
        try {
            forms.fill(formId, answers, uploads, submit, visitor.employeeId(), Instant.now());
        } catch (InvalidInput wrong) {
            Map<String, String> errors = new LinkedHashMap<>();
            wrong.violations()
                    .forEach(violation -> errors.putIfAbsent(violation.field(), PortalMessages.of(violation)));
            ModelAndView page = new ModelAndView("portal/form", HttpStatus.BAD_REQUEST);
            fillModel(page.getModelMap(), token, visitor, form, answers, errors);
            return page;
        }
        return new ModelAndView(submit
                ? "redirect:/portal/" + token + "?done"
                : "redirect:/portal/" + token + "/forms/" + formId + "?saved");
    }

    /** The document's file, to read or download. */
    @GetMapping("/portal/{token}/documents/{documentId}/file")
    ResponseEntity<byte[]> documentFile(@PathVariable String token, @PathVariable long documentId) {
        JourneyDocument document = ownDocument(links.require(token), documentId);
        if (document.fileId() == null) {
            throw new JourneyDocuments.DocumentNotReady(documentId, document.status());
        }
        StoredFile file = files.find(document.fileId()).orElseThrow();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(files.content(file.id()));
    }

    /** "I have read it" (download) or "I sign it" (sign: the box must be ticked). */
    @PostMapping("/portal/{token}/documents/{documentId}/acknowledge")
    String acknowledge(@PathVariable String token, @PathVariable long documentId,
            @RequestParam MultiValueMap<String, String> form) {
        PortalVisitor visitor = links.require(token);
        JourneyDocument document = ownDocument(visitor, documentId);
        if (document.type() == DocumentType.SIGN && !"yes".equals(form.getFirst("confirm"))) {
            return "redirect:/portal/" + token + "?sign=" + documentId;
        }
        documents.acknowledge(documentId, visitor.employeeId(), Instant.now());
        return links.resolve(token).isPresent()
                ? "redirect:/portal/" + token + "?done"
                : "redirect:" + PortalHomeController.ALL_DONE;
    }

    private JourneyForm ownForm(PortalVisitor visitor, long formId) {
        return forms.find(formId).filter(form -> Long.valueOf(visitor.employeeId()).equals(form.ownerId())
                && involvement.reaches(visitor.reach(), form.employeeId()))
                .orElseThrow(() -> new FormNotFound(formId));
    }

    private JourneyDocument ownDocument(PortalVisitor visitor, long documentId) {
        return documents.find(documentId)
                .filter(document -> Long.valueOf(visitor.employeeId()).equals(document.ownerId())
                        && document.status() != DocumentStatus.FINALIZED
                        && involvement.reaches(visitor.reach(), document.employeeId()))
                .orElseThrow(() -> new JourneyDocuments.DocumentNotFound(documentId));
    }

    /** One field of the page: its input's name, what it holds or what was typed, its options and error. */
    record Field(String name, String key, String label, String type, boolean required, Integer maxLength, String value,
            String fileName, List<Option> options, String error) {
    }

    /** @param group the label of the option it depends on (shown as an optgroup), or null */
    record Option(String value, String label, String group, boolean selected) {
    }

    private void fillModel(Map<String, Object> model, String token, PortalVisitor visitor, JourneyForm form,
            Map<Long, String> typed, Map<String, String> errors) {
        ZoneId zone = time.zoneOf(visitor);
        List<Field> fields = forms.paperworksOf(form.id()).stream().map(paperwork -> field(paperwork,
                typed.getOrDefault(paperwork.id(), null), errors.get(paperwork.key()))).toList();
        model.put("token", token);
        model.put("form", form);
        model.put("editable", form.status() == FormStatus.OPENED);
        model.put("dueText", VisitorTime.format(form.due(), zone));
        model.put("fields", fields);
        model.put("errors", errors);
        model.put("accept", String.join(",", files.rules().allowedTypes()));
        model.put("maxSize", files.rules().maxSize().toMegabytes() + " MB");
    }

    private Field field(Paperwork paperwork, String typed, String error) {
        String value = typed != null ? typed : paperwork.value();
        List<Option> options = List.of();
        if (paperwork.type() == ResourceType.SELECTION) {
            Map<Long, String> parents = new HashMap<>();
            options = collectionValues.list(paperwork.resourceId(), null, MAX_OPTIONS, 0).stream()
                    .map(option -> new Option(Long.toString(option.id()), option.label(), group(option, parents),
                            typed != null
                                    ? typed.equals(Long.toString(option.id()))
                                    : Long.valueOf(option.id()).equals(paperwork.collectionValueId())))
                    .toList();
        }
        String fileName = paperwork.type() == ResourceType.FILE ? paperwork.value() : null;
        return new Field(inputName(paperwork), paperwork.key(), paperwork.label(), paperwork.type().wireName(),
                paperwork.required(), paperwork.maxLength(), paperwork.type() == ResourceType.FILE ? null : value,
                fileName,
                options, error);
    }

    private String group(CollectionValue option, Map<Long, String> parents) {
        if (option.parentId() == null) {
            return null;
        }
        return parents.computeIfAbsent(option.parentId(),
                parent -> collectionValues.find(parent).map(CollectionValue::label).orElse(null));
    }

    private static String inputName(Paperwork paperwork) {
        return "paperwork-" + paperwork.id();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
