package dev.onboardingengine.workflow.sequence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sequences HR has deployed, from Camunda's repository, each with a stable numeric id. A sequence
 * deployed later (from Modeler) gets its id the first time the catalogue is read.
 */
@NamedInterface("sequence")
@Service
public class SequenceCatalog {

    static final String KEY_PREFIX = "sequence-";
    static final String MOBILITY_PROPERTY = "onboarding.mobility";
    static final String UNITS_PROPERTY = "onboarding.units";

    private final Map<String, Map<String, String>> properties = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    private final RepositoryService repository;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    SequenceCatalog(RepositoryService repository, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Every deployed sequence, by id. Read once per set of deployed definitions: a definition never changes
     * (a new version is a new definition, from whichever node deployed it), and a sequence's id never
     * changes once given, so while the latest definitions are the same ones the catalogue is too. Each
     * call still asks Camunda which definitions are the latest, the one read a new deployment shows in.
     */
    public List<Sequence> all() {
        Map<String, ProcessDefinition> deployed = repository.createProcessDefinitionQuery()
                .processDefinitionKeyLike(KEY_PREFIX + "%").latestVersion().list().stream()
                .collect(Collectors.toMap(ProcessDefinition::getKey, Function.identity()));
        Set<String> definitionIds = deployed.values().stream().map(ProcessDefinition::getId)
                .collect(Collectors.toUnmodifiableSet());
        Snapshot known = snapshot;
        if (known != null && known.definitionIds().equals(definitionIds)) {
            return known.sequences();
        }
        List<Sequence> sequences = read(deployed);
        snapshot = new Snapshot(definitionIds, sequences);
        return sequences;
    }

    private List<Sequence> read(Map<String, ProcessDefinition> deployed) {
        Map<String, Long> ids = ids();
        // In key order, so a fresh installation numbers its sequences the same way every time.
        deployed.keySet().stream().filter(key -> !ids.containsKey(key)).sorted().forEach(this::register);
        Map<String, Long> known = deployed.keySet().stream().allMatch(ids::containsKey) ? ids : ids();
        return deployed.values().stream()
                .map(definition -> {
                    Map<String, String> properties = propertiesOf(definition);
                    String units = properties.getOrDefault(UNITS_PROPERTY, "");
                    return new Sequence(known.get(definition.getKey()), definition.getKey(),
                            Optional.ofNullable(definition.getName()).orElse(definition.getKey()),
                            properties.get(MOBILITY_PROPERTY),
                            java.util.Arrays.stream(units.split(",")).map(String::trim).filter(u -> !u.isEmpty())
                                    .toList());
                })
                .sorted(java.util.Comparator.comparingLong(Sequence::id))
                .toList();
    }

    /** The catalogue as read for these latest definitions. */
    private record Snapshot(Set<String> definitionIds, List<Sequence> sequences) {
    }

    /** The sequences with these ids, or empty if any id is unknown. */
    public Optional<List<Sequence>> withIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Optional.of(List.of()); // most hires name no sequence: no need to read the repository
        }
        Map<Long, Sequence> byId = all().stream().collect(Collectors.toMap(Sequence::id, Function.identity()));
        if (!byId.keySet().containsAll(ids)) {
            return Optional.empty();
        }
        return Optional.of(ids.stream().distinct().map(byId::get).toList());
    }

    /**
     * The process's camunda:properties, read once per deployed definition: a definition never changes,
     * a new version is a new definition.
     */
    private Map<String, String> propertiesOf(ProcessDefinition definition) {
        return properties.computeIfAbsent(definition.getId(), id -> {
            var model = repository.getBpmnModelInstance(id);
            var process = model.getModelElementById(definition.getKey());
            Map<String, String> found = new java.util.HashMap<>();
            if (process instanceof org.camunda.bpm.model.bpmn.instance.Process bpmn
                    && bpmn.getExtensionElements() != null) {
                bpmn.getExtensionElements().getElementsQuery()
                        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list()
                        .forEach(list -> list.getCamundaProperties().forEach(property -> {
                            if (property.getCamundaName() != null && property.getCamundaValue() != null) {
                                found.put(property.getCamundaName(), property.getCamundaValue());
                            }
                        }));
            }
            return Map.copyOf(found);
        });
    }

    private Map<String, Long> ids() {
        return jdbc.sql("select process_key, id from sequence")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void register(String processKey) {
        try {
            // Its own transaction: a collision must not abort the caller's.
            ownTransaction.executeWithoutResult(status -> jdbc.sql(
                    "insert into sequence (process_key, created_at) values (:key, :now)")
                    .param("key", processKey)
                    .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                    .update());
        } catch (DuplicateKeyException registeredConcurrently) {
            // Another node registered it first; its id is the one everybody uses.
        }
    }
}
