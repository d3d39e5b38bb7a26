package dev.onboardingengine.workflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.util.xml.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.xml.sax.helpers.AttributesImpl;

/** Scripts and Java classes in a diagram: refused, scripts unless an administrator turned them on. */
class ReachRulesTests {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    @Test
    void refusesAScriptTaskWhileScriptsAreOff() {
        List<DiagramProblem> problems = check(rules(false), element(BPMN, "scriptTask", "scriptFormat", "groovy"));

        assertThat(problems).singleElement().extracting(DiagramProblem::message).asString()
                .startsWith("Task_Script: has a script").contains("onboarding.modeling.scripts-enabled=true");
    }

    @Test
    void acceptsAScriptTaskOnceAnAdministratorTurnedScriptsOn() {
        assertThat(check(rules(true), element(BPMN, "scriptTask", "scriptFormat", "groovy"))).isEmpty();
        assertThat(check(rules(true), element(CAMUNDA, "script", "scriptFormat", "javascript"))).isEmpty();
    }

    @Test
    void refusesAJavaClassEvenWithScriptsOn() {
        List<DiagramProblem> problems = check(rules(true),
                element(CAMUNDA, "serviceTask", "class", "java.lang.Runtime"));

        assertThat(problems).singleElement().extracting(DiagramProblem::message).asString()
                .contains("names the Java class java.lang.Runtime");
    }

    private static ReachRules rules(boolean scriptsEnabled) {
        DiagramBeans beans = new DiagramBeans(new DefaultListableBeanFactory());
        return new ReachRules(beans, new ExpressionAllowList(beans), scriptsEnabled);
    }

    private static List<DiagramProblem> check(ReachRules rules, Element element) {
        List<DiagramProblem> problems = new ArrayList<>();
        rules.check(element, "Task_Script", problems);
        return problems;
    }

    private static Element element(String namespace, String tag, String attribute, String value) {
        AttributesImpl attributes = new AttributesImpl();
        attributes.addAttribute("class".equals(attribute) ? CAMUNDA : "", attribute, attribute, "CDATA", value);
        return new Element(namespace, tag, tag, attributes, null);
    }
}
