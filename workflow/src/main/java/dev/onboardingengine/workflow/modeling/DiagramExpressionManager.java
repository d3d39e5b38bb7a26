package dev.onboardingengine.workflow.modeling;

import java.util.Map;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

import dev.onboardingengine.workflow.journey.ReachableFromDiagrams;

/**
 * The engine's expression manager: expressions resolve variables, {@code execution}/{@code task} and the
 * {@link ReachableFromDiagrams} beans only (Camunda's own {@code ProcessEngineConfiguration#setBeans}
 * mechanism, instead of the Spring starter's whole application context), and reach members only as
 * {@link ExpressionAllowList} allows. The deploy check refuses such diagrams with a message already; this
 * holds for definitions deployed before it existed, too.
 */
class DiagramExpressionManager extends JuelExpressionManager {

    DiagramExpressionManager(Map<Object, Object> reachableBeans) {
        super(reachableBeans);
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ReadOnlyMapELResolver(beans));
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new AllowListedBeanResolver());
        return resolver;
    }

    /** Java bean access (getters and method calls) limited to the allow-list. */
    private static final class AllowListedBeanResolver extends BeanELResolver {

        AllowListedBeanResolver() {
            super(true);
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null && !ExpressionAllowList.allowsProperty(base, property)) {
                throw new PropertyNotFoundException("Diagrams cannot read '" + property + "' of "
                        + base.getClass().getSimpleName() + " (see the engine's expression allow-list)");
            }
            return super.getValue(context, base, property);
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base != null && !ExpressionAllowList.allowsCall(base, String.valueOf(method))) {
                throw new MethodNotFoundException("Diagrams cannot call " + method + "() on "
                        + base.getClass().getSimpleName() + " (see the engine's expression allow-list)");
            }
            return super.invoke(context, base, method, paramTypes, params);
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base != null) {
                throw new PropertyNotWritableException("Diagrams cannot set '" + property + "' of "
                        + base.getClass().getSimpleName());
            }
        }
    }
}
