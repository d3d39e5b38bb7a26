package dev.onboardingengine.workflow.modeling;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Plugs the modeling rules into the engine (the Camunda Spring Boot starter applies every
 * ProcessEnginePlugin bean): {@link DiagramRules} and {@link TasklistForms} check a diagram or form
 * deployed from Modeler, the REST API or the classpath before anything of it is stored, and
 * {@link DiagramExpressionManager} replaces the starter's expression manager, which would resolve every
 * bean of the application (its DataSource, its JdbcTemplate) by name.
 */
@Component
@EnableConfigurationProperties(ModelingProperties.class)
class DeploymentChecks extends AbstractProcessEnginePlugin {

    private final DiagramBeans beans;
    private final ModelingProperties properties;

    DeploymentChecks(ListableBeanFactory beanFactory, ModelingProperties properties) {
        this.beans = new DiagramBeans(beanFactory);
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // The Spring starter has set its own before the plugins run; the engine only creates one when none is set.
        configuration.setBeans(beans.asExpressionBeans());
        configuration.setExpressionManager(new DiagramExpressionManager(configuration.getBeans()));

        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        ReachRules reach = new ReachRules(beans, new ExpressionAllowList(beans), properties.scriptsEnabled());
        listeners.add(new DiagramRules(reach, ElementTemplates.shipped()));
        configuration.setCustomPostBPMNParseListeners(listeners);

        List<Deployer> first = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        first.add(0, DeploymentInProgress.start());
        first.add(1, TasklistForms.refusingWhatTasklistCannotRender());
        configuration.setCustomPreDeployers(first);
        List<Deployer> last = configuration.getCustomPostDeployers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        last.add(DeploymentInProgress.end());
        configuration.setCustomPostDeployers(last);
    }
}
