package dev.onboardingengine.api.modeling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** Deploys diagrams as Camunda Modeler's Deploy button does: multipart to /engine-rest/deployment/create, HTTP Basic. */
public final class EngineRestDeployments {

    private final RestClient engineRest;

    public EngineRestDeployments(int port) {
        this.engineRest = RestClient.builder().baseUrl("http://localhost:" + port + "/engine-rest")
                .defaultHeaders(headers -> headers.setBasicAuth("admin", dev.onboardingengine.api.ApiIntegrationTest.ADMIN_PASSWORD)).build();
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
        resources.forEach((fileName, xml) -> form.add(fileName, new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }));
        return engineRest.post().uri("/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .body(response.bodyTo(new ParameterizedTypeReference<Map<String, Object>>() { })));
    }

    long deploymentsNamed(String deploymentName) {
        return engineRest.get().uri("/deployment/count?name={name}", deploymentName).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Number>>() { }).get("count").longValue();
    }
}
