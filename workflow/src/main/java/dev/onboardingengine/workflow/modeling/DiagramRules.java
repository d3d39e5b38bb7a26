package dev.onboardingengine.workflow.modeling;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;

import dev.onboardingengine.workflow.journey.JourneyStatus;
import dev.onboardingengine.workflow.journey.JourneyVariables;
import dev.onboardingengine.workflow.journey.OnboardingTime;

/**
 * Checks every diagram of a new deployment against what this engine has, and refuses it with a
 * {@link BpmnParseException} (a 400 from {@code /engine-rest/deployment/create}, nothing deployed) naming
 * each element and its problem: what it reaches beyond the engine's documented beans and members, scripts
 * and Java classes ({@link ReachRules}), statuses that are not journey statuses, element templates or
 * versions the engine does not ship, actions whose owner and assignee differ, {@code ${onboardingTime...}}
 * calls that cannot be computed, literal call activity keys and form references that are neither deployed
 * nor in the deployment.
 * <p>
 * It also completes every action user task ("Assign action", "Fill in a form", "Read or sign a document")
 * with the {@code ${actionNotifier}} create listener: Camunda 7 element templates cannot set task listeners.
 */
class DiagramRules extends AbstractBpmnParseListener {

    static final String ACTION_NOTIFIER = "${actionNotifier}";
    /** The channel input of ${notifyStakeholder} (notification.NotificationChannel's wire names). */
    static final List<String> CHANNELS = List.of("email", "slack-dm", "email-and-slack", "slack", "webhook");
    /** The channel input of an action's ${actionNotifier}: the webhooks carry no buttons and name nobody. */
    static final List<String> ACTION_CHANNELS = List.of("email", "slack-dm", "email-and-slack");

    private static final Pattern ONBOARDING_TIME_CALL = Pattern
            .compile("onboardingTime\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Set<String> TIMER_TAGS = Set.of("timeDate", "timeDuration", "timeCycle");

    private final ReachRules reach;
    private final ElementTemplates templates;
    private final Set<String> onboardingTimeMethods;
    private final Set<String> dayCountMethods;

    DiagramRules(ReachRules reach, ElementTemplates templates) {
        this.reach = reach;
        this.templates = templates;
        List<Method> methods = Arrays.stream(OnboardingTime.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers())).toList();
        this.onboardingTimeMethods = methods.stream().map(Method::getName).collect(Collectors.toUnmodifiableSet());
        this.dayCountMethods = methods.stream()
                .filter(method -> method.getParameterCount() == 2 && method.getParameterTypes()[1] == int.class)
                .map(Method::getName).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        if (!ElementTemplates.isAction(camunda(userTask, "modelerTemplate"))
                || !(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
            return;
        }
        TaskDefinition definition = behavior.getTaskDefinition();
        boolean declared = listeners(userTask).anyMatch(listener -> "create".equals(listener.attribute("event"))
                && ACTION_NOTIFIER.equals(listener.attribute("delegateExpression")));
        if (!declared) {
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, new DelegateExpressionTaskListener(
                    Context.getProcessEngineConfiguration().getExpressionManager().createExpression(ACTION_NOTIFIER),
                    List.of()));
        }
    }

    @Override
    public void parseRootElement(Element root, List<ProcessDefinitionEntity> processDefinitions) {
        Map<String, String> deployment = DeploymentInProgress.processKeys();
        if (deployment == null) {
            return;
        }
        List<DiagramProblem> problems = new ArrayList<>();
        check(root, null, deployment, problems);
        if (!problems.isEmpty()) {
            // Camunda turns a BpmnParseException into a ParseException (REST: 400 with the element's id and line);
            // any other exception would be a 500. It takes one element: the first; the message lists them all.
            throw new BpmnParseException("This engine refuses the diagram: "
                    + problems.stream().map(DiagramProblem::message).collect(Collectors.joining("; ")),
                    problems.get(0).element());
        }
    }

    private void check(Element element, String flowElementId, Map<String, String> deployment,
            List<DiagramProblem> problems) {
        String id = element.attribute("id");
        boolean flowElement = id != null && !"definitions".equals(element.getTagName())
                && !element.getTagName().endsWith("EventDefinition") && !element.getTagName().startsWith("BPMN");
        String owner = flowElement ? id : flowElementId;
        if (flowElement) {
            checkFlowElement(element, id, deployment, problems);
        }
        reach.check(element, owner, problems);
        if (TIMER_TAGS.contains(element.getTagName()) && owner != null) {
            checkTime(element, owner, element.getText(), problems);
        }
        for (Element child : element.elements()) {
            if (!child.getTagName().startsWith("BPMN")) {
                check(child, owner, deployment, problems);
            }
        }
    }

    private void checkFlowElement(Element element, String id, Map<String, String> deployment,
            List<DiagramProblem> problems) {
        String template = camunda(element, "modelerTemplate");
        String version = camunda(element, "modelerTemplateVersion");
        if (template != null && !templates.knows(template, version)) {
            problems.add(DiagramProblem.at(element, id, "element template " + template
                    + (version == null ? "" : " version " + version) + " is not one this engine ships"));
        }
        for (String attribute : List.of("dueDate", "followUpDate")) {
            String time = camunda(element, attribute);
            if (time != null) {
                checkTime(element, id, time, problems);
            }
        }
        String delegate = camunda(element, "delegateExpression");
        if ("${journeyStatus}".equals(delegate)) {
            String status = input(element, "status");
            if (status == null || Arrays.stream(JourneyStatus.values()).noneMatch(s -> s.wireName().equals(status))) {
                problems.add(DiagramProblem.at(element, id,
                        "status '" + status + "' is not a journey status; expected one of "
                                + Arrays.stream(JourneyStatus.values()).map(JourneyStatus::wireName).toList()));
            }
        }
        if ("${notifyStakeholder}".equals(delegate)) {
            String recipient = input(element, "recipient");
            if (!JourneyVariables.STAKEHOLDER_ROLES.contains(recipient)) {
                problems.add(DiagramProblem.at(element, id, "recipient '" + recipient + "' is not one of "
                        + JourneyVariables.STAKEHOLDER_ROLES));
            }
            if (input(element, "template") == null || input(element, "template").isBlank()) {
                problems.add(DiagramProblem.at(element, id, "no message template (input 'template')"));
            }
            String channel = input(element, "channel");
            if (channel != null && !CHANNELS.contains(channel)) {
                problems.add(DiagramProblem.at(element, id, "channel '" + channel
                        + "' is not available; use one of " + CHANNELS));
            }
        }
        if ("${postToChannel}".equals(delegate)
                && (input(element, "slackChannel") == null || input(element, "slackChannel").isBlank())) {
            problems.add(DiagramProblem.at(element, id, "no Slack channel (input 'slackChannel')"));
        }
        if (ElementTemplates.isAction(template)) {
            String actionChannel = input(element, "channel");
            if (actionChannel != null && !ACTION_CHANNELS.contains(actionChannel)) {
                problems.add(DiagramProblem.at(element, id, "channel '" + actionChannel
                        + "' is not available for an action; use one of " + ACTION_CHANNELS));
            }
            String owner = input(element, "owner");
            String expected = "${" + owner + "Id}";
            if (!JourneyVariables.STAKEHOLDER_ROLES.contains(owner) || !expected.equals(camunda(element, "assignee"))) {
                problems.add(DiagramProblem.at(element, id, "owner '" + owner + "' and assignee "
                        + camunda(element, "assignee") + " do not match; the owner's assignee is " + expected));
            }
        }
        checkWaitTemplate(element, id, template, problems);
        FormReferences.check(element, id, camunda(element, "formRef"), camunda(element, "formRefBinding"), problems);
        if (ElementTemplates.CALL_SEQUENCE.equals(template) && "1".equals(version)
                && children(element, "extensionElements").flatMap(ext -> children(ext, "in"))
                        .anyMatch(in -> in.attributes().isEmpty())) {
            problems.add(DiagramProblem.at(element, id,
                    "was made with \"Call sequence\" version 1, which writes an empty"
                            + " <camunda:in /> that Camunda cannot deploy; in Modeler, select it and update the template to version "
                            + templates.latestVersion(ElementTemplates.CALL_SEQUENCE)
                            + " (or delete the empty camunda:in)"));
        }
        if ("callActivity".equals(element.getTagName())) {
            String called = element.attribute("calledElement");
            boolean literal = called != null && !called.contains("${") && !called.contains("#{");
            if (literal && !deployment.containsKey(called)
                    && Context.getCommandContext().getProcessDefinitionManager()
                            .findLatestProcessDefinitionsByKey(called).isEmpty()) {
                problems.add(DiagramProblem.at(element, id, "calls '" + called
                        + "', which is neither deployed nor part of this deployment"));
            }
        }
    }

    private void checkWaitTemplate(Element element, String id, String template, List<DiagramProblem> problems) {
        String method = ElementTemplates.WAIT_DAYS_BEFORE_START.equals(template)
                ? "daysBeforeStart"
                : ElementTemplates.WAIT_WORKDAY.equals(template) ? "workday" : null;
        if (method == null) {
            return;
        }
        String days = property(element, "onboarding." + method);
        String expected = "${onboardingTime." + method + "(execution, " + days + ")}";
        String timer = children(element, "timerEventDefinition").flatMap(definition -> children(definition, "timeDate"))
                .map(Element::getText).map(String::trim).findFirst().orElse(null);
        if (!expected.equals(timer)) {
            problems.add(DiagramProblem.at(element, id,
                    "its timer date is " + timer + " but the template says " + expected));
        }
    }

    private void checkTime(Element element, String id, String text, List<DiagramProblem> problems) {
        Matcher call = ONBOARDING_TIME_CALL.matcher(text);
        while (call.find()) {
            String method = call.group(1);
            if (!onboardingTimeMethods.contains(method)) {
                problems.add(DiagramProblem.at(element, id, "onboardingTime has no method '" + method + "'; it has "
                        + onboardingTimeMethods.stream().sorted().toList()));
                continue;
            }
            if (dayCountMethods.contains(method)) {
                Matcher days = Pattern.compile("\\G\\s*execution\\s*,\\s*([^,()]*?)\\s*\\)").matcher(text);
                if (!days.find(call.end()) || !days.group(1).matches("\\d{1,4}")) {
                    problems.add(DiagramProblem.at(element, id, "onboardingTime." + method
                            + " takes (execution, <number of days>), not '" + text.trim() + "'"));
                } else if ("workday".equals(method) && Integer.parseInt(days.group(1)) < 1) {
                    problems.add(DiagramProblem.at(element, id,
                            "workdays count from 1 (the start day), not " + days.group(1)));
                }
            }
        }
    }

    private static String camunda(Element element, String name) {
        String value = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, name);
        return value == null || value.isBlank() ? null : value;
    }

    private static String input(Element element, String name) {
        return children(element, "extensionElements").flatMap(ext -> children(ext, "inputOutput"))
                .flatMap(io -> children(io, "inputParameter"))
                .filter(parameter -> name.equals(parameter.attribute("name")))
                .map(parameter -> parameter.getText() == null ? "" : parameter.getText().trim())
                .findFirst().orElse(null);
    }

    private static String property(Element element, String name) {
        return children(element, "extensionElements").flatMap(ext -> children(ext, "properties"))
                .flatMap(properties -> children(properties, "property"))
                .filter(property -> name.equals(property.attribute("name")))
                .map(property -> property.attribute("value")).findFirst().orElse(null);
    }

    private static java.util.stream.Stream<Element> listeners(Element element) {
        return children(element, "extensionElements").flatMap(ext -> children(ext, "taskListener"));
    }

    private static java.util.stream.Stream<Element> children(Element element, String tagName) {
        return element.elements().stream().filter(child -> tagName.equals(child.getTagName()));
    }
}
