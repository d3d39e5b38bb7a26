package dev.onboardingengine.workflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.onboardingengine.workflow.journey.OnboardingTime;
import dev.onboardingengine.workflow.journey.ReachableFromDiagrams;

/** What a deployed diagram's expression may reach, decided on its syntax tree before anything runs. */
class ExpressionAllowListTests {

    private final ExpressionAllowList allowList = new ExpressionAllowList(new DiagramBeans(beans()));

    @ParameterizedTest
    @ValueSource(strings = {
            "${hireId}", "#{execution.processBusinessKey}", "${execution.getVariable('startImmediately') == false}",
            "${sequenceKeys.isEmpty()}", "${openAddedSequences == 0}", "${onboardingTime.workday(execution, 2)}",
            "${onboardingTime.escalationOf(execution, onboardingTime.daysBeforeStart(execution, 1))}",
            "${notifyStakeholder}", "${task.name} for ${task.getAssignee()}", "${now()}", "${keys[0]}",
            "${execution.setVariable('done', true)}", "${execution.businessKey}"})
    void allowsVariablesBusinessKeysIdsAndTheEnginesDocumentedBeans(String expression) {
        assertThat(allowList.refusals(expression)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${execution.setVariable('probe', jdbcTemplate.queryForList('select token_hash from api_token').toString())}",
            "${jdbcTemplate}"})
    void refusesABeanOfTheApplicationThatDiagramsDoNotReach(String expression) {
        assertThat(allowList.refusals(expression)).singleElement().asString()
                .contains("'jdbcTemplate'").contains("cannot reach").contains("notifyStakeholder")
                .contains("onboardingTime");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${execution.getProcessEngine().getProcessEngineConfiguration().getDataSource().getConnection()}",
            "${execution.getProcessEngineServices().getRuntimeService()}",
            "${execution.processEngine.processEngineConfiguration.dataSource}",
            "${task.execution.processEngine}", "${task.getExecution().getProcessEngine()}",
            "${execution.getSuperExecution()}"})
    void refusesAChainFromExecutionOrTaskToTheEngine(String expression) {
        assertThat(allowList.refusals(expression)).isNotEmpty()
                .first().asString().contains("which diagrams cannot reach").contains("getVariable");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${hireId.getClass().forName('java.lang.Runtime')}", "${hireId['class']}", "${hireId.class}",
            "${onboardingTime.getClass()}", "${execution[name]}", "${fn:exec('id')}", "${S(hire).prop('x')}"})
    void refusesReflectionComputedMembersAndUnknownFunctions(String expression) {
        assertThat(allowList.refusals(expression)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${unclosed", "${a.}"})
    void refusesWhatCamundaCannotParse(String expression) {
        assertThat(allowList.refusals(expression)).singleElement().asString()
                .contains("not an expression Camunda can parse");
    }

    private static DefaultListableBeanFactory beans() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        // Definitions only: the check reads bean names and classes, it never needs an instance.
        beans.registerBeanDefinition("onboardingTime", new RootBeanDefinition(OnboardingTime.class));
        beans.registerBeanDefinition("notifyStakeholder", new RootBeanDefinition(NotifyStakeholderStandIn.class));
        beans.registerBeanDefinition("jdbcTemplate", new RootBeanDefinition(JdbcTemplate.class));
        return beans;
    }

    /** A bean marked as the engine's delegates are. */
    @ReachableFromDiagrams
    static class NotifyStakeholderStandIn {
    }
}
