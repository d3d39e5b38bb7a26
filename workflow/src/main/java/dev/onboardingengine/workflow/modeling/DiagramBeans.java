package dev.onboardingengine.workflow.modeling;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

import dev.onboardingengine.workflow.journey.ReachableFromDiagrams;

/**
 * The beans that diagrams reach: those marked {@link ReachableFromDiagrams}, by name. Looked up when
 * first needed, not when the engine is configured, because the delegates themselves need the engine.
 */
final class DiagramBeans {

    private final ListableBeanFactory beanFactory;
    private volatile SortedMap<String, Class<?>> reachable;

    DiagramBeans(ListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /** Bean name to its class (the class written, not a proxy's). */
    SortedMap<String, Class<?>> reachable() {
        SortedMap<String, Class<?>> names = reachable;
        if (names == null) {
            names = new TreeMap<>();
            for (String name : beanFactory.getBeanNamesForAnnotation(ReachableFromDiagrams.class)) {
                names.put(name, ClassUtils.getUserClass(beanFactory.getType(name)));
            }
            reachable = names;
        }
        return names;
    }

    boolean isReachable(String name) {
        return reachable().containsKey(name);
    }

    /** Whether the name is a bean of the application, reachable or not. */
    boolean isBean(String name) {
        return beanFactory.containsBean(name);
    }

    /** The public methods a diagram may call on a reachable bean: its own, none of Object's. */
    static Set<String> methodsOf(Class<?> beanClass) {
        return Arrays.stream(beanClass.getMethods())
                .filter(method -> method.getDeclaringClass() != Object.class)
                .map(java.lang.reflect.Method::getName).collect(Collectors.toUnmodifiableSet());
    }

    static boolean isReachableObject(Object object) {
        return object != null
                && AnnotatedElementUtils.hasAnnotation(ClassUtils.getUserClass(object), ReachableFromDiagrams.class);
    }

    /** The reachable beans as Camunda's expression manager reads them (ProcessEngineConfiguration#setBeans). */
    Map<Object, Object> asExpressionBeans() {
        return new AbstractMap<>() {

            @Override
            public boolean containsKey(Object name) {
                return name instanceof String bean && isReachable(bean);
            }

            @Override
            public Object get(Object name) {
                return containsKey(name) ? beanFactory.getBean((String) name) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return reachable().keySet().stream()
                        .map(name -> Map.entry((Object) name, beanFactory.getBean(name)))
                        .collect(Collectors.toUnmodifiableSet());
            }
        };
    }
}
