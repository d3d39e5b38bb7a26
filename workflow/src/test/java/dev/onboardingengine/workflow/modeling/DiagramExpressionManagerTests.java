package dev.onboardingengine.workflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.junit.jupiter.api.Test;

/**
 * The expression manager the engine evaluates with: only the reachable beans resolve by name, and members
 * outside the allow-list fail even in an expression no deploy check saw (a definition deployed before).
 */
class DiagramExpressionManagerTests {

    private final Object jdbcTemplate = new Object();
    private final DiagramExpressionManager manager = new DiagramExpressionManager(Map.of("onboardingTime", "a bean"));

    @Test
    void resolvesVariablesValuesAndReachableBeans() {
        assertThat(evaluate("${keys.isEmpty() ? 'none' : keys[0]}", Map.of("keys", List.of("sequence-welcome"))))
                .isEqualTo("sequence-welcome");
        assertThat(evaluate("${onboardingTime}", Map.of())).isEqualTo("a bean");
    }

    @Test
    void doesNotResolveTheApplicationsOtherBeansByName() {
        // jdbcTemplate is a bean of the application, but not one the manager was given
        assertThatThrownBy(() -> evaluate("${jdbcTemplate}", Map.of("unrelated", jdbcTemplate)))
                .isInstanceOf(ELException.class).hasMessageContaining("jdbcTemplate");
    }

    @Test
    void refusesReflectionOnAValue() {
        assertThatThrownBy(() -> evaluate("${name.getClass().getClassLoader()}", Map.of("name", "Ada")))
                .isInstanceOf(ELException.class).hasMessageContaining("getClass");
        assertThatThrownBy(() -> evaluate("${name.class}", Map.of("name", "Ada")))
                .isInstanceOf(ELException.class).hasMessageContaining("class");
    }

    private Object evaluate(String expression, Map<String, Object> variables) {
        var context = manager.createElContext(Variables.fromMap(variables).asVariableContext());
        return manager.createValueExpression(expression).getValue(context);
    }
}
