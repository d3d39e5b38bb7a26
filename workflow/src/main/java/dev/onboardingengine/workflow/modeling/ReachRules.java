package dev.onboardingengine.workflow.modeling;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What one element of a diagram reaches: every expression in its attributes and text (delegates,
 * listeners, inputs, outputs, conditions, assignees, dates, called elements, ...) within
 * {@link ExpressionAllowList}; no Java class named by {@code camunda:class}; no script (script task,
 * or a script in a listener, input, output or condition) unless an administrator turned scripts on.
 */
final class ReachRules {

    static final String SCRIPTS_PROPERTY = "onboarding.modeling.scripts-enabled";

    private static final Pattern EXPRESSION_ROOT = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> CONTEXT_NAMES = Set.of("execution", "task", "externalTask");
    /** Text Camunda never evaluates: documentation, annotations, extension properties. */
    private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text", "property");
    private static final Set<String> NOT_EVALUATED_ATTRIBUTES = Set.of("id", "name", "modelerTemplate",
            "modelerTemplateVersion");

    private final DiagramBeans beans;
    private final ExpressionAllowList allowList;
    private final boolean scriptsEnabled;

    ReachRules(DiagramBeans beans, ExpressionAllowList allowList, boolean scriptsEnabled) {
        this.beans = beans;
        this.allowList = allowList;
        this.scriptsEnabled = scriptsEnabled;
    }

    /** Checks the element's own attributes and text (not its children) for the flow element {@code owner}. */
    void check(Element element, String owner, List<DiagramProblem> problems) {
        if (owner == null || NOT_EVALUATED.contains(element.getTagName())) {
            return;
        }
        if (!scriptsEnabled && isScript(element)) {
            add(problems,
                    DiagramProblem.at(element, owner, "has a script (a script task, or a script in a listener, input,"
                            + " output or condition); scripts are off on this engine: an administrator turns them on with "
                            + SCRIPTS_PROPERTY + "=true"));
            return;
        }
        for (String key : element.attributes()) {
            String attribute = localName(key);
            String value = element.attribute(key);
            if ("class".equals(attribute) && value != null && !value.isBlank()) {
                add(problems,
                        DiagramProblem.at(element, owner, "names the Java class " + value.trim() + "; diagrams reach"
                                + " the engine only through its delegates, by expression (" + delegates() + ")"));
            } else if (!NOT_EVALUATED_ATTRIBUTES.contains(attribute) && isExpression(value)) {
                checkExpression(element, owner, value, "delegateExpression".equals(attribute), problems);
            }
        }
        if (element.elements().isEmpty() && isExpression(element.getText())) {
            checkExpression(element, owner, element.getText().trim(), false, problems);
        }
    }

    private void checkExpression(Element element, String owner, String expression, boolean delegate,
            List<DiagramProblem> problems) {
        if (delegate) {
            Optional<String> unknown = unknownDelegate(expression);
            if (unknown.isPresent()) {
                add(problems, DiagramProblem.at(element, owner, "delegate expression " + expression + " names '"
                        + unknown.get() + "', which this engine does not have; it has " + delegates()));
                return;
            }
        }
        for (String refusal : allowList.refusals(expression)) {
            add(problems, DiagramProblem.at(element, owner, "expression " + expression + " " + refusal));
        }
    }

    private Optional<String> unknownDelegate(String expression) {
        Matcher root = EXPRESSION_ROOT.matcher(expression.trim());
        if (!root.find()) {
            return Optional.empty();
        }
        String name = root.group(1);
        return CONTEXT_NAMES.contains(name) || beans.isReachable(name) ? Optional.empty() : Optional.of(name);
    }

    private String delegates() {
        return beans.reachable().keySet().stream().map(name -> "${" + name + "}").toList().toString();
    }

    private static boolean isScript(Element element) {
        String tag = element.getTagName();
        return "scriptTask".equals(tag) || "script".equals(tag)
                || element.attributes().stream().map(ReachRules::localName)
                        .anyMatch(name -> "language".equals(name) || "scriptFormat".equals(name));
    }

    private static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Camunda keys attributes as {@code <namespace uri>:<name>} ({@code http://camunda.org/schema/1.0/bpmn:class}). */
    private static String localName(String key) {
        return key.substring(key.lastIndexOf(':') + 1);
    }

    private static void add(List<DiagramProblem> problems, DiagramProblem problem) {
        if (problems.stream().noneMatch(existing -> existing.message().equals(problem.message()))) {
            problems.add(problem);
        }
    }
}
