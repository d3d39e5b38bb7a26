package dev.onboardingengine.api.dialect.workelo;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls the running engine as a Workelo (or Offly, or Bridge) client would: a Bearer token, JSON in and out, any status back. */
public final class WorkeloClient {

    private final RestClient rest;
    private final ObjectMapper objectMapper;

    public WorkeloClient(int port, String token, ObjectMapper objectMapper) {
        this(port, "Bearer", token, objectMapper);
    }

    /** @param scheme the Authorization scheme the client's documentation sends ({@code Bearer}, Bridge's {@code Basic}) */
    public WorkeloClient(int port, String scheme, String token, ObjectMapper objectMapper) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
        if (token != null) {
            builder.defaultHeader("Authorization", scheme + " " + token);
        }
        this.rest = builder.build();
        this.objectMapper = objectMapper;
    }

    public Answer get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    public Answer post(String path, String json) {
        return call(HttpMethod.POST, path, json);
    }

    public Answer put(String path, String json) {
        return call(HttpMethod.PUT, path, json);
    }

    public Answer delete(String path) {
        return call(HttpMethod.DELETE, path, null);
    }

    public Answer call(HttpMethod method, String path, String json) {
        RestClient.RequestBodySpec request = rest.method(method).uri(path);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            String contentType = response.getHeaders().getContentType() == null
                    ? null
                    : response.getHeaders().getContentType().getType() + "/"
                            + response.getHeaders().getContentType().getSubtype();
            return new Answer(response.getStatusCode().value(), contentType,
                    HttpHeaders.readOnlyHttpHeaders(new HttpHeaders(response.getHeaders())),
                    new String(bytes, java.nio.charset.StandardCharsets.UTF_8), parse(bytes));
        });
    }

    private Object parse(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return objectMapper.readValue(bytes, Object.class);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** A response: status, content type, headers, the raw body and the body as maps and lists. */
    public record Answer(int status, String contentType, HttpHeaders headers, String raw, Object json) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> body() {
            return json instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return json instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        }

        public long id() {
            return ((Number) body().get("id")).longValue();
        }

        /** The id of the list's element at this index. */
        public long id(int index) {
            return ((Number) list().get(index).get("id")).longValue();
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }
}
