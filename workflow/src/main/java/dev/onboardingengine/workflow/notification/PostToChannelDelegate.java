package dev.onboardingengine.workflow.notification;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.onboardingengine.workflow.journey.ReachableFromDiagrams;

/**
 * {@code ${postToChannel}}: posts the template of the task's {@code template} input (default
 * {@value #DEFAULT_TEMPLATE}) to the Slack channel of its {@code slackChannel} input, in the language of
 * its {@code language} input (else the hire's), once per process instance and element. The placeholders
 * are a journey's ({@link Notification#forJourney}, with the hire as recipient) plus
 * {@code hirePosition}, filled only where the journey carries a {@code hirePosition} variable (journeys
 * started from the directory do not yet). Use it with {@code camunda:asyncBefore="true"}: Slack failing becomes a retried
 * job, then an incident.
 */
@Component("postToChannel")
@ReachableFromDiagrams
class PostToChannelDelegate implements JavaDelegate {

    static final String SLACK_CHANNEL = "slackChannel";
    static final String TEMPLATE = "template";
    static final String LANGUAGE = "language";
    static final String DEFAULT_TEMPLATE = "first-day-announcement";
    /** The hire's job title, when the journey carries it. */
    static final String HIRE_POSITION = "hirePosition";

    private final SlackNotifier slack;

    PostToChannelDelegate(SlackNotifier slack) {
        this.slack = slack;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object channel = execution.getVariableLocal(SLACK_CHANNEL);
        if (channel == null || channel.toString().isBlank()) {
            throw new IllegalStateException("Element " + execution.getCurrentActivityId() + " sets no '" + SLACK_CHANNEL
                    + "' input");
        }
        Object template = execution.getVariableLocal(TEMPLATE);
        Object language = execution.getVariableLocal(LANGUAGE);
        Map<String, Object> extra = new HashMap<>();
        extra.put(HIRE_POSITION, execution.getVariable(HIRE_POSITION));
        String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":channel";
        Notification journey = Notification.forJourney(execution, "hire",
                template == null ? DEFAULT_TEMPLATE : template.toString(), key, extra);
        slack.postToChannel(channel.toString().strip(), journey.template(),
                language == null ? (String) execution.getVariable("hireLanguage") : language.toString(),
                journey.values(), key);
    }

}
