package dev.onboardingengine.workflow.paperwork;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Camunda Forms deployed to the engine, the latest version of each, so the catalogue of paperwork
 * fields can be known before any form task exists. Camunda's Java API has no query for form
 * definitions, so their table is read directly: one query, however many deployments there are.
 */
@NamedInterface("paperwork")
@Service
public class FormDefinitions {

    private final RepositoryService repository;
    private final JdbcClient jdbc;
    private final String forms;
    private final String deployments;

    FormDefinitions(ProcessEngine engine, JdbcClient jdbc) {
        this.repository = engine.getRepositoryService();
        this.jdbc = jdbc;
        String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDatabaseTablePrefix();
        this.forms = prefix + "ACT_RE_CAMFORMDEF";
        this.deployments = prefix + "ACT_RE_DEPLOYMENT";
    }

    /** The JSON of the latest version of every deployed form, from the newest deployment to the oldest. */
    @Transactional(readOnly = true)
    public List<String> deployedForms() {
        List<String> latest = new ArrayList<>();
        jdbc.sql("select f.DEPLOYMENT_ID_, f.RESOURCE_NAME_ from " + forms + " f join " + deployments
                + " d on d.ID_ = f.DEPLOYMENT_ID_ where f.VERSION_ = (select max(g.VERSION_) from " + forms
                + " g where g.KEY_ = f.KEY_) order by d.DEPLOY_TIME_ desc, f.KEY_")
                .query((rs, row) -> new String[]{rs.getString(1), rs.getString(2)}).list()
                .forEach(form -> latest.add(read(form[0], form[1])));
        return latest;
    }

    private String read(String deploymentId, String resourceName) {
        try (InputStream content = repository.getResourceAsStream(deploymentId, resourceName)) {
            return new String(content.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
