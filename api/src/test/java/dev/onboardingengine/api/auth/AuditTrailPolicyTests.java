package dev.onboardingengine.api.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.onboardingengine.api.problem.AccessDenied;

class AuditTrailPolicyTests {

    @Test
    void theTrailIsReadOnlyByCallersWhoseReachIsTheWholeOrganisation() {
        assertThatCode(() -> AuditTrailPolicy.requireRead(OrganisationPolicyTests.ADMIN)).doesNotThrowAnyException();
        assertThatCode(() -> AuditTrailPolicy.requireRead(OrganisationPolicyTests.HR)).doesNotThrowAnyException();
        assertThatThrownBy(() -> AuditTrailPolicy.requireRead(OrganisationPolicyTests.SCOPED_HR))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> AuditTrailPolicy.requireRead(OrganisationPolicyTests.COLLEAGUE))
                .isInstanceOf(AccessDenied.class);
    }
}
