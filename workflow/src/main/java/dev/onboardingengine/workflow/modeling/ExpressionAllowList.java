package dev.onboardingengine.workflow.modeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

import dev.onboardingengine.workflow.journey.ReachableFromDiagrams;

/**
 * What an expression in a deployed diagram may reach, checked on the expression's syntax tree (JUEL's
 * own parser) when the diagram is deployed, and again by {@link DiagramExpressionManager} on the objects
 * when it is evaluated.
 * <p>
 * A diagram names variables, the {@link ReachableFromDiagrams} beans and their own public methods, and
 * Camunda's built-in functions ({@code now()}, {@code dateTime()}, {@code currentUser()},
 * {@code currentUserGroups()}). On {@code execution} and {@code task} it reaches their variables, business
 * key, ids, names and dates, nothing else: {@code execution.getProcessEngine()},
 * {@code execution.processEngineServices}, {@code task.execution} lead to the engine, its configuration and
 * its DataSource. On a value it calls only harmless methods ({@code isEmpty()}, {@code size()}, ...),
 * never {@code getClass()}, and indexes lists by number only ({@code x['class']} is {@code x.getClass()}).
 */
final class ExpressionAllowList {

    static final Set<String> VARIABLE_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
            "hasVariableLocal", "setVariable", "setVariableLocal", "getVariables", "getVariablesLocal",
            "getVariableNames");
    static final Set<String> EXECUTION_METHODS = union(VARIABLE_METHODS, Set.of("getBusinessKey",
            "getProcessBusinessKey", "getId", "getProcessInstanceId", "getActivityInstanceId",
            "getCurrentActivityId", "getCurrentActivityName", "getEventName", "getProcessDefinitionId",
            "getParentId", "getTenantId"));
    static final Set<String> TASK_METHODS = union(VARIABLE_METHODS, Set.of("getId", "getName", "getDescription",
            "getAssignee", "getOwner", "getDueDate", "getFollowUpDate", "getPriority", "getTaskDefinitionKey",
            "getEventName", "getProcessInstanceId", "getExecutionId", "getProcessDefinitionId", "getCreateTime",
            "getTenantId"));
    static final Set<String> VALUE_METHODS = Set.of("isEmpty", "size", "length", "contains", "containsKey", "get",
            "equals", "toString", "startsWith", "endsWith", "toLowerCase", "toUpperCase", "trim");
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    /** What a part of an expression evaluates to, as far as reach goes. */
    /** REFUSED: already refused; what is reached through it is not refused again. */
    private enum Kind {
        EXECUTION, TASK, OTHER_CONTEXT, BEAN, VALUE, REFUSED
    }

    private record Reached(Kind kind, String name, Class<?> beanClass) {

        static final Reached VALUE = new Reached(Kind.VALUE, null, null);
        static final Reached REFUSED = new Reached(Kind.REFUSED, null, null);
    }

    private final DiagramBeans beans;

    ExpressionAllowList(DiagramBeans beans) {
        this.beans = beans;
    }

    /** Why the expression (text with {@code ${...}} or {@code #{...}} in it) is refused; empty: it is allowed. */
    List<String> refusals(String expression) {
        List<String> refusals = new ArrayList<>();
        try {
            walk(PARSER.build(expression).getRoot(), refusals);
        } catch (TreeBuilderException notAnExpression) {
            refusals.add("is not an expression Camunda can parse: " + notAnExpression.getMessage());
        }
        return refusals;
    }

    private Reached walk(Node node, List<String> refusals) {
        if (node instanceof AstIdentifier identifier) {
            return identifier(identifier.getName(), refusals);
        }
        if (node instanceof AstMethod method) {
            Node property = method.getChild(0);
            Reached base = walk(property.getChild(0), refusals);
            walkChildren(method.getChild(1), refusals);
            if (base.kind() == Kind.REFUSED) {
                return base;
            }
            if (!(property instanceof AstDot dot)) {
                refusals.add("calls a method by a computed name on " + describe(base));
                return Reached.REFUSED;
            }
            return member(base, name(dot), true, refusals);
        }
        if (node instanceof AstDot dot) {
            return member(walk(dot.getChild(0), refusals), name(dot), false, refusals);
        }
        if (node instanceof AstBracket bracket) {
            Reached base = walk(bracket.getChild(0), refusals);
            walk(bracket.getChild(1), refusals);
            if (base.kind() == Kind.REFUSED) {
                return base;
            }
            if (base.kind() != Kind.VALUE || !(bracket.getChild(1) instanceof AstNumber)) {
                refusals.add("indexes " + describe(base) + " with something other than a number (x['name'] reads a"
                        + " property, x['class'] is getClass()); use execution.getVariable('name')");
            }
            return Reached.VALUE;
        }
        if (node instanceof AstFunction function) {
            if (!FUNCTIONS.contains(function.getName())) {
                refusals.add(
                        "calls the function " + function.getName() + "(), which is not one of " + sorted(FUNCTIONS));
            }
            walkChildren(node, refusals);
            return Reached.VALUE;
        }
        walkChildren(node, refusals);
        return Reached.VALUE;
    }

    private void walkChildren(Node node, List<String> refusals) {
        for (int i = 0; i < node.getCardinality(); i++) {
            walk(node.getChild(i), refusals);
        }
    }

    private Reached identifier(String name, List<String> refusals) {
        switch (name) {
            case "execution" :
                return new Reached(Kind.EXECUTION, name, null);
            case "task" :
                return new Reached(Kind.TASK, name, null);
            case "externalTask", "caseExecution" :
                return new Reached(Kind.OTHER_CONTEXT, name, null);
            default :
                if (beans.isReachable(name)) {
                    return new Reached(Kind.BEAN, name, beans.reachable().get(name));
                }
                if (beans.isBean(name)) {
                    refusals.add(
                            "names '" + name + "', a bean of the application that diagrams cannot reach; they reach "
                                    + beans.reachable().keySet());
                    return Reached.REFUSED;
                }
                return Reached.VALUE; // a process variable
        }
    }

    private Reached member(Reached base, String member, boolean call, List<String> refusals) {
        if (base.kind() == Kind.REFUSED) {
            return base;
        }
        String getter = call ? member : "get" + Character.toUpperCase(member.charAt(0)) + member.substring(1);
        Set<String> allowed = switch (base.kind()) {
            case EXECUTION -> EXECUTION_METHODS;
            case TASK -> TASK_METHODS;
            case BEAN -> call ? DiagramBeans.methodsOf(base.beanClass()) : Set.of();
            case VALUE -> call ? VALUE_METHODS : Set.of();
            case OTHER_CONTEXT, REFUSED -> Set.of();
        };
        if (!allowed.contains(getter)) {
            refusals.add((call ? "calls " + member + "() on " : "reads '" + member + "' of ") + describe(base)
                    + ", which diagrams cannot reach" + (allowed.isEmpty() ? "" : "; they may use " + sorted(allowed)));
            return Reached.REFUSED;
        }
        return Reached.VALUE;
    }

    /** At evaluation: may an expression call this method on this object? */
    static boolean allowsCall(Object base, String method) {
        if (base instanceof DelegateExecution) {
            return EXECUTION_METHODS.contains(method);
        }
        if (base instanceof DelegateTask) {
            return TASK_METHODS.contains(method);
        }
        if (DiagramBeans.isReachableObject(base)) {
            return DiagramBeans.methodsOf(org.springframework.util.ClassUtils.getUserClass(base)).contains(method);
        }
        return VALUE_METHODS.contains(method);
    }

    /** At evaluation: may an expression read this property (through its getter) of this object? */
    static boolean allowsProperty(Object base, Object property) {
        if (!(property instanceof String name) || name.isEmpty()) {
            return false;
        }
        String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return base instanceof DelegateExecution
                ? EXECUTION_METHODS.contains(getter)
                : base instanceof DelegateTask && TASK_METHODS.contains(getter);
    }

    private static String describe(Reached reached) {
        return switch (reached.kind()) {
            case EXECUTION, TASK, OTHER_CONTEXT -> "'" + reached.name() + "'";
            case BEAN -> "the bean '" + reached.name() + "'";
            case VALUE, REFUSED -> "a value";
        };
    }

    /** JUEL writes a dot node as ". name". */
    private static String name(AstDot dot) {
        return dot.toString().substring(2);
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new java.util.HashSet<>(first);
        all.addAll(second);
        return Set.copyOf(all);
    }
}
