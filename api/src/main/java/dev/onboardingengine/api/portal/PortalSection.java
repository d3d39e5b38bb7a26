package dev.onboardingengine.api.portal;

import org.springframework.ui.Model;

/**
 * A part of the home page that another feature fills: a bean implementing it adds what its Thymeleaf
 * fragment needs to the model, and the home page renders the fragment. Two places wait for one:
 * {@code templates/portal/forms.html} (fragment {@code section}, reads {@code forms}) and
 * {@code templates/portal/documents.html} (fragment {@code section}, reads {@code documents}); each
 * renders nothing while its attribute is absent. Fragments also see {@code token} (for their links and
 * forms under {@code /portal/{token}/...}) and {@code visitor}.
 */
public interface PortalSection {

    void contribute(PortalVisitor visitor, Model model);
}
