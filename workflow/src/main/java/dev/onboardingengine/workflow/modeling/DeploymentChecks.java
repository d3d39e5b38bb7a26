package dev.onboardingengine.workflow.modeling;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * Plugs {@link DiagramRules} into the engine (the Camunda Spring Boot starter applies every
 * ProcessEnginePlugin bean), so that a diagram deployed from Modeler, the REST API or the classpath
 * is checked before anything of it is stored.
 */
@Component
class DeploymentChecks extends AbstractProcessEnginePlugin {

    private final BeanFactory beans;

    DeploymentChecks(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new DiagramRules(beans, ElementTemplates.shipped()));
        configuration.setCustomPostBPMNParseListeners(listeners);

        List<Deployer> first = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        first.add(0, DeploymentInProgress.start());
        configuration.setCustomPreDeployers(first);
        List<Deployer> last = configuration.getCustomPostDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostDeployers());
        last.add(DeploymentInProgress.end());
        configuration.setCustomPostDeployers(last);
    }
}
