package dev.onboardingengine.api.portal;

import org.springframework.ui.Model;

/**
 * A part of the home page that another feature fills: a bean implementing it adds what its Thymeleaf
 * fragment needs to the model, and the home page renders the fragment. Two places wait for one:
 * {@code templates/portal/forms.html} (fragment {@code section}, reads {@code forms}) and
 * {@code templates/portal/documents.html} (fragment {@code section}, reads {@code documents}); each
 * renders nothing while its attribute is absent. Fragments also see {@code token} (for their links and
 * forms under {@code /portal/{token}/...}), {@code visitor} and {@code page}.
 */
public interface PortalSection {

    void contribute(PortalVisitor visitor, Model model);

    /**
     * Whether this section does the action itself (a form to fill in, a document to acknowledge). Such an
     * action is not listed among the to-dos and cannot be completed with "Mark as done", so nobody skips
     * a form by posting its action's completion. It still counts in the progress bar.
     */
    default boolean handles(String actionId) {
        return false;
    }
}
