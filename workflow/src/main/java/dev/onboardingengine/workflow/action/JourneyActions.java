package dev.onboardingengine.workflow.action;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actions of journeys, for the API: listed per employee (open and done) and completed. Completing
 * one moves its sequence, and so the journey, on; it is the same as completing it in Tasklist.
 */
@NamedInterface("action")
@Service
public class JourneyActions {

    private final HistoryService history;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    JourneyActions(HistoryService history, TaskService tasks, RepositoryService repository,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.history = history;
        this.tasks = tasks;
        this.repository = repository;
    }

    private static final String COMPLETED = "completed";

    /** Every action of the employee's journeys, open or done (not the cancelled ones), by due date. */
    @Transactional(readOnly = true)
    public List<Action> actionsOf(long employeeId) {
        List<HistoricTaskInstance> found = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(Long.toString(employeeId)).list();
        Map<String, String> keys = processKeys(
                found.stream().map(HistoricTaskInstance::getProcessDefinitionId).toList());
        return found.stream()
                // A task that ended without being completed (its journey was cancelled, or a boundary
                // event interrupted it) was never done: it is not an action any more.
                .filter(task -> task.getEndTime() == null || COMPLETED.equals(task.getDeleteReason()))
                .map(task -> Action.of(task.getId(), task.getName(), keys.get(task.getProcessDefinitionId()),
                        task.getAssignee(), instant(task.getStartTime()), instant(task.getDueDate()),
                        instant(task.getEndTime()), now()))
                .sorted(Comparator.comparing(Action::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Every action of one journey (its sequences' user tasks, open and done), by due date. */
    @Transactional(readOnly = true)
    public List<Action> actionsOfJourney(String processInstanceId) {
        return toActions(history.createHistoricTaskInstanceQuery().rootProcessInstanceId(processInstanceId).list());
    }

    /** How far one journey's actions are, now by the engine's clock. */
    @Transactional(readOnly = true)
    public ActionProgress progressOf(String processInstanceId) {
        return ActionProgress.of(actionsOfJourney(processInstanceId), now());
    }

    /**
     * The actions assigned to one person across every journey, earliest due first (then oldest first).
     *
     * @param ownerId employee id of the assignee
     */
    @Transactional(readOnly = true)
    public List<OwnedAction> actionsOwnedBy(long ownerId, int limit, long offset) {
        return actionsOwnedBy(ownerId, null, limit, offset);
    }

    /**
     * The actions assigned to one person in the journeys of some employees only (a scoped caller's view
     * of a stakeholder who also works for other units), earliest due first.
     *
     * @param journeyEmployees the employees whose journeys count (business keys); null: every journey
     */
    @Transactional(readOnly = true)
    public List<OwnedAction> actionsOwnedBy(long ownerId, Collection<Long> journeyEmployees, int limit, long offset) {
        if (journeyEmployees != null && journeyEmployees.isEmpty()) {
            return List.of();
        }
        List<HistoricTaskInstance> found = ownedBy(ownerId, journeyEmployees)
                .orderByTaskDueDate().asc().orderByHistoricActivityInstanceStartTime().asc()
                .listPage((int) offset, limit);
        Map<String, String> keys = processKeys(
                found.stream().map(HistoricTaskInstance::getProcessDefinitionId).toList());
        return found.stream()
                .map(task -> new OwnedAction(
                        Action.of(task.getId(), task.getName(), keys.get(task.getProcessDefinitionId()),
                                task.getAssignee(), instant(task.getStartTime()), instant(task.getDueDate()),
                                instant(task.getEndTime()), task.getDeleteReason(), now()),
                        journeyOf(task.getRootProcessInstanceId()),
                        employeeOf(task)))
                .toList();
    }

    /**
     * The actions assigned to one person that are still open, across every journey, earliest due first:
     * what they have to do now. Unlike {@link #actionsOwnedBy} it reads only unfinished tasks, so it stays
     * cheap for a manager with years of done actions.
     */
    @Transactional(readOnly = true)
    public List<OwnedAction> openActionsOwnedBy(long ownerId) {
        List<HistoricTaskInstance> found = history.createHistoricTaskInstanceQuery()
                .taskAssignee(Long.toString(ownerId))
                .unfinished().orderByTaskDueDate().asc().orderByHistoricActivityInstanceStartTime().asc().list();
        Map<String, String> keys = processKeys(
                found.stream().map(HistoricTaskInstance::getProcessDefinitionId).toList());
        return found.stream()
                .map(task -> new OwnedAction(
                        Action.of(task.getId(), task.getName(), keys.get(task.getProcessDefinitionId()),
                                task.getAssignee(), instant(task.getStartTime()), instant(task.getDueDate()), null,
                                now()),
                        journeyOf(task.getRootProcessInstanceId()), employeeOf(task)))
                .toList();
    }

    @Transactional(readOnly = true)
    public long countOwnedBy(long ownerId) {
        return countOwnedBy(ownerId, null);
    }

    /** @param journeyEmployees as for {@link #actionsOwnedBy(long, Collection, int, long)} */
    @Transactional(readOnly = true)
    public long countOwnedBy(long ownerId, Collection<Long> journeyEmployees) {
        if (journeyEmployees != null && journeyEmployees.isEmpty()) {
            return 0;
        }
        return ownedBy(ownerId, journeyEmployees).count();
    }

    /** Every journey and sequence instance carries the employee id as business key, so tasks filter by it. */
    private HistoricTaskInstanceQuery ownedBy(long ownerId, Collection<Long> journeyEmployees) {
        HistoricTaskInstanceQuery query = history.createHistoricTaskInstanceQuery()
                .taskAssignee(Long.toString(ownerId));
        return journeyEmployees == null
                ? query
                : query.processInstanceBusinessKeyIn(
                        journeyEmployees.stream().map(String::valueOf).toArray(String[]::new));
    }

    private Long journeyOf(String rootProcessInstanceId) {
        return jdbc.sql("select id from journey where process_instance_id = :pi").param("pi", rootProcessInstanceId)
                .query(Long.class).optional().orElse(null);
    }

    /** The journey's employee: the business key every journey and sequence instance carries. */
    private Long employeeOf(HistoricTaskInstance task) {
        var root = history.createHistoricProcessInstanceQuery().processInstanceId(task.getRootProcessInstanceId())
                .singleResult();
        String businessKey = root == null ? null : root.getBusinessKey();
        try {
            return businessKey == null ? null : Long.valueOf(businessKey);
        } catch (NumberFormatException notAnEmployee) {
            return null;
        }
    }

    private List<Action> toActions(List<HistoricTaskInstance> found) {
        Map<String, String> keys = processKeys(
                found.stream().map(HistoricTaskInstance::getProcessDefinitionId).toList());
        return found.stream()
                .map(task -> Action.of(task.getId(), task.getName(), keys.get(task.getProcessDefinitionId()),
                        task.getAssignee(), instant(task.getStartTime()), instant(task.getDueDate()),
                        instant(task.getEndTime()), task.getDeleteReason(), now()))
                .sorted(Comparator.comparing(Action::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /**
     * @param mayComplete decides, from the open action, whether the caller may complete it
     * @throws ActionNotFound when there is no open action with this id in any journey
     * @throws ActionNotYours when mayComplete refuses
     */
    @Transactional
    public void complete(String actionId, java.util.function.Predicate<Action> mayComplete) {
        complete(actionId, mayComplete, Map.of());
    }

    /**
     * Completes with process variables (a form's answers), as Tasklist does when a form is submitted.
     *
     * @see #complete(String, java.util.function.Predicate)
     */
    @Transactional
    public void complete(String actionId, java.util.function.Predicate<Action> mayComplete,
            Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().taskId(actionId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            throw new ActionNotFound(actionId);
        }
        Action action = Action.of(task.getId(), task.getName(), null, task.getAssignee(),
                instant(task.getCreateTime()), instant(task.getDueDate()), null, now());
        if (!mayComplete.test(action)) {
            throw new ActionNotYours(actionId);
        }
        tasks.complete(actionId, variables);
    }

    /**
     * Gives an open action to someone else (a submitted form goes to HR to validate).
     *
     * @throws ActionNotFound when there is no open action with this id
     */
    @Transactional
    public void reassign(String actionId, long assigneeId) {
        if (tasks.createTaskQuery().taskId(actionId).count() == 0) {
            throw new ActionNotFound(actionId);
        }
        tasks.setAssignee(actionId, Long.toString(assigneeId));
    }

    private Map<String, String> processKeys(List<String> definitionIds) {
        if (definitionIds.isEmpty()) {
            return Map.of();
        }
        return repository.createProcessDefinitionQuery()
                .processDefinitionIdIn(definitionIds.stream().distinct().toArray(String[]::new)).list().stream()
                .collect(Collectors.toMap(ProcessDefinition::getId, ProcessDefinition::getKey, (a, b) -> a));
    }

    /** The engine's clock, which tests move. */
    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    @NamedInterface("action")
    public static class ActionNotFound extends RuntimeException {

        ActionNotFound(String actionId) {
            super("No open action " + actionId);
        }
    }

    @NamedInterface("action")
    public static class ActionNotYours extends RuntimeException {

        ActionNotYours(String actionId) {
            super("Action " + actionId + " is someone else's");
        }
    }
}
