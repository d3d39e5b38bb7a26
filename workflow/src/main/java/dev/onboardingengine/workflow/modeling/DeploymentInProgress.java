package dev.onboardingengine.workflow.modeling;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * What the parse listener cannot see by itself: whether the diagram belongs to a new deployment (only
 * those are checked; a definition reloaded into the cache was accepted when it was deployed, and
 * refusing it now would strand running journeys) and which process keys and form ids the same
 * deployment brings (a call activity may call a sequence, a user task reference a form, deployed together
 * with it). Registered first and last among the deployers, so the thread only carries it while Camunda
 * parses that deployment.
 */
final class DeploymentInProgress {

    private static final Pattern PROCESS_ID = Pattern
            .compile("<(?:[A-Za-z0-9_-]+:)?process\\b[^>]*?\\sid=\"([^\"]+)\"");
    private static final ThreadLocal<Map<String, String>> RESOURCE_BY_PROCESS_KEY = new ThreadLocal<>();
    private static final ThreadLocal<Set<String>> FORM_IDS = new ThreadLocal<>();

    private DeploymentInProgress() {
    }

    /** The process keys of the new deployment being parsed, each with its resource name; null when none is. */
    static Map<String, String> processKeys() {
        return RESOURCE_BY_PROCESS_KEY.get();
    }

    /** The ids of the Camunda Forms in the new deployment being parsed; null when none is. */
    static Set<String> formIds() {
        return FORM_IDS.get();
    }

    static Deployer start() {
        return deployment -> {
            if (!deployment.isNew()) {
                RESOURCE_BY_PROCESS_KEY.remove();
                FORM_IDS.remove();
                return;
            }
            RESOURCE_BY_PROCESS_KEY.set(processKeysOf(deployment));
            FORM_IDS.set(formIdsOf(deployment));
        };
    }

    static Deployer end() {
        return deployment -> {
            RESOURCE_BY_PROCESS_KEY.remove();
            FORM_IDS.remove();
        };
    }

    private static Set<String> formIdsOf(DeploymentEntity deployment) {
        Set<String> ids = new HashSet<>();
        if (deployment.getResources() != null) {
            for (ResourceEntity resource : deployment.getResources().values()) {
                if (resource.getName().endsWith(".form")) {
                    String id = TasklistForms.idOf(new String(resource.getBytes(), StandardCharsets.UTF_8));
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    private static Map<String, String> processKeysOf(DeploymentEntity deployment) {
        Map<String, String> keys = new HashMap<>();
        if (deployment.getResources() == null) {
            return keys;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".bpmn20.xml")) {
                Matcher process = PROCESS_ID.matcher(new String(resource.getBytes(), StandardCharsets.UTF_8));
                while (process.find()) {
                    keys.put(process.group(1), resource.getName());
                }
            }
        }
        return keys;
    }
}
