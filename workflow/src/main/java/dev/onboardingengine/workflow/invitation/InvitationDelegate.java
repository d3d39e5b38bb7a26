package dev.onboardingengine.workflow.invitation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ${sendInvitation}}: invites the new hire. For now the invitation is recorded on the journey
 * (the {@code invitationSentAt} variable and the invitation_sent milestone that follows); delivering
 * it by mail is part of the notifications work.
 */
@Component("sendInvitation")
class InvitationDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(InvitationDelegate.class);

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("invitationSentAt", org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
        log.info("Invitation recorded for employee {}", execution.getVariable("employeeId"));
    }
}
