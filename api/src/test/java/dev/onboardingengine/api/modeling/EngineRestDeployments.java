package dev.onboardingengine.api.modeling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Deploys diagrams as Camunda Modeler's Deploy button does, a replay of Modeler 5.50.1's
 * client/src/plugins/camunda-plugin/shared/CamundaAPI.js#deployDiagram: HTTP Basic, {@code Accept:
 * application/json}, a multipart POST to /engine-rest/deployment/create with {@code deployment-name},
 * {@code deployment-source} "Camunda Modeler", {@code enable-duplicate-filtering} true, the diagram as a
 * {@code text/xml} part named by its file name, and each attached file (a form) as a part of its own.
 */
public final class EngineRestDeployments {

    private final RestClient engineRest;

    public EngineRestDeployments(int port) {
        this(port, null);
    }

    /**
     * @param engineName null: the default engine; otherwise Modeler's endpoint is
     *     {@code /engine-rest/engine/<name>} (a test context with an engine of its own)
     */
    public EngineRestDeployments(int port, String engineName) {
        String endpoint = "http://localhost:" + port + "/engine-rest"
                + (engineName == null ? "" : "/engine/" + engineName);
        this.engineRest = RestClient.builder().baseUrl(endpoint)
                .defaultHeaders(headers -> headers.setBasicAuth("admin",
                        dev.onboardingengine.api.ApiIntegrationTest.ADMIN_PASSWORD))
                .build();
    }

    static String diagram(String classpathResource) {
        try {
            return new ClassPathResource(classpathResource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deploys the resources (file name to XML); answers the status and the JSON body. */
    public ResponseEntity<Map<String, Object>> deploy(String deploymentName, Map<String, String> resources) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", deploymentName);
        form.add("deployment-source", "Camunda Modeler");
        form.add("enable-duplicate-filtering", "true");
        resources.forEach((fileName, content) -> {
            HttpHeaders part = new HttpHeaders();
            part.setContentType(fileName.endsWith(".bpmn") ? MediaType.TEXT_XML : MediaType.APPLICATION_OCTET_STREAM);
            form.add(fileName, new HttpEntity<>(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {

                @Override
                public String getFilename() {
                    return fileName;
                }
            }, part));
        });
        return engineRest.post().uri("/deployment/create").accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .body(response.bodyTo(new ParameterizedTypeReference<Map<String, Object>>() {
                        })));
    }

    long deploymentsNamed(String deploymentName) {
        return engineRest.get().uri("/deployment/count?name={name}", deploymentName).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Number>>() {
                }).get("count").longValue();
    }
}
