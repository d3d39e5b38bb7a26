package dev.onboardingengine.api.portal;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

import dev.onboardingengine.api.paperwork.FormNotEditable;
import dev.onboardingengine.api.paperwork.FormNotFound;
import dev.onboardingengine.api.paperwork.JourneyDocuments;
import dev.onboardingengine.workflow.action.JourneyActions;

import jakarta.servlet.http.HttpServletRequest;

/** The portal's error pages: HTML for people, never a problem document or a stack trace. */
@ControllerAdvice(annotations = PortalController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    /** Wrong, unknown, expired or inactive: one page with one body, so a guesser learns nothing. */
    @ExceptionHandler(PortalLinkNotValid.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String linkNotValid() {
        return "portal/link-not-valid";
    }

    /** A valid link, but the action is done already (a second click), someone else's, or a form or document. */
    @ExceptionHandler({JourneyActions.ActionNotFound.class, JourneyActions.ActionNotYours.class,
            PlainToDos.NotAToDo.class, FormNotFound.class, FormNotEditable.class,
            JourneyDocuments.DocumentNotFound.class, JourneyDocuments.DocumentNotReady.class})
    ModelAndView actionGone(HttpServletRequest request) {
        ModelAndView page = new ModelAndView("portal/action-gone", HttpStatus.NOT_FOUND);
        // The token was valid (the action was looked at only afterwards): the page links back home with it.
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            page.addObject("token", variables.get("token"));
        }
        return page;
    }
}
