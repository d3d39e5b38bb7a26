package dev.onboardingengine.workflow.invitation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.onboardingengine.workflow.journey.ReachableFromDiagrams;
import dev.onboardingengine.workflow.notification.StakeholderNotifier;

/**
 * {@code ${sendInvitation}}: invites the new hire by mail (template {@code invitation}, once per
 * journey) and records it on the journey: the {@code invitationSentAt} variable and the
 * invitation_sent milestone that follows.
 */
@Component("sendInvitation")
@ReachableFromDiagrams
class InvitationDelegate implements JavaDelegate {

    static final String TEMPLATE = "invitation";

    private static final Logger log = LoggerFactory.getLogger(InvitationDelegate.class);

    private final StakeholderNotifier notifier;

    InvitationDelegate(StakeholderNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifier.notifyStakeholder(execution, "hire", TEMPLATE);
        execution.setVariable("invitationSentAt", ClockUtil.getCurrentTime());
        log.info("Invitation recorded for employee {}", execution.getVariable("employeeId"));
    }
}
