package dev.onboardingengine.workflow.modeling;

import org.camunda.bpm.engine.impl.util.xml.Element;

/** One reason a diagram is refused, on the element it is about. */
record DiagramProblem(Element element, String message) {

    static DiagramProblem at(Element element, String elementId, String problem) {
        return new DiagramProblem(element, elementId + ": " + problem);
    }
}
