package dev.onboardingengine.api.portal;

import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.onboardingengine.api.paperwork.DocumentStatus;
import dev.onboardingengine.api.paperwork.DocumentType;
import dev.onboardingengine.api.paperwork.FormStatus;
import dev.onboardingengine.api.paperwork.JourneyDocument;
import dev.onboardingengine.api.paperwork.JourneyDocuments;
import dev.onboardingengine.api.paperwork.JourneyForm;
import dev.onboardingengine.api.paperwork.JourneyForms;
import dev.onboardingengine.api.paperwork.Paperwork;

/**
 * The visitor's forms and documents on the home page (fragments {@code portal/forms :: section} and
 * {@code portal/documents :: section}). Their actions are done by filling or reading, never by "Mark as
 * done", so nobody skips a form.
 */
@Component
class PaperworkSection implements PortalSection {

    private final JourneyForms forms;
    private final JourneyDocuments documents;
    private final VisitorTime time;
    private final JourneyInvolvement involvement;

    PaperworkSection(JourneyForms forms, JourneyDocuments documents, VisitorTime time, JourneyInvolvement involvement) {
        this.involvement = involvement;
        this.forms = forms;
        this.documents = documents;
        this.time = time;
    }

    /**
     * @param editable opened: the visitor fills it; otherwise HR is checking it
     */
    record FormCard(long id, String name, String status, boolean editable, String dueText, String dueIso, int filled,
            int total) {
    }

    /**
     * @param readable it has a file (receipting); a supplying document is announced but not ready
     */
    record DocumentCard(long id, String name, boolean sign, boolean readable, String dueText, String dueIso) {
    }

    @Override
    public void contribute(PortalVisitor visitor, Model model) {
        ZoneId zone = time.zoneOf(visitor);
        // A bounded link lists only the paperwork of journeys within its reach, as it does the to-dos.
        model.addAttribute("forms", forms.ownedBy(visitor.employeeId()).stream()
                .filter(form -> involvement.reaches(visitor.reach(), form.employeeId()))
                .map(form -> card(form, zone)).toList());
        model.addAttribute("documents", documents.openFor(visitor.employeeId()).stream()
                .filter(document -> involvement.reaches(visitor.reach(), document.employeeId()))
                .map(document -> card(document, zone)).toList());
    }

    @Override
    public boolean handles(String actionId) {
        return forms.isFormAction(actionId) || documents.isDocumentAction(actionId);
    }

    private FormCard card(JourneyForm form, ZoneId zone) {
        List<Paperwork> paperworks = forms.paperworksOf(form.id());
        return new FormCard(form.id(), form.name(), form.status().wireName(), form.status() == FormStatus.OPENED,
                VisitorTime.format(form.due(), zone), form.due() == null ? null : form.due().toString(),
                (int) paperworks.stream().filter(Paperwork::filled).count(), paperworks.size());
    }

    private DocumentCard card(JourneyDocument document, ZoneId zone) {
        return new DocumentCard(document.id(), document.name(), document.type() == DocumentType.SIGN,
                document.status() == DocumentStatus.RECEIPTING, VisitorTime.format(document.due(), zone),
                document.due() == null ? null : document.due().toString());
    }
}
