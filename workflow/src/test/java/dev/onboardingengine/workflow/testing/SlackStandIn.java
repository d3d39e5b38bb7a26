package dev.onboardingengine.workflow.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Slack's Web API as the engine uses it, on 127.0.0.1 inside the test: {@code users.lookupByEmail}
 * (the people {@link #knows}), {@code conversations.open} (channel {@code D<user id>}),
 * {@code chat.postMessage}, and {@code /respond/...} for interactive messages' response URLs. Every
 * call is recorded; {@link #answerNext} makes the next call of a method fail with a status and headers.
 */
public final class SlackStandIn implements AutoCloseable {

    /** A request as Slack received it: its method (path without the leading slash) and form fields. */
    public record Call(String method, Map<String, String> form, String authorization, String body) {

        public String field(String name) {
            return form.get(name);
        }
    }

    private record Failure(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> usersByEmail = new ConcurrentHashMap<>();
    private final Map<String, Queue<Failure>> failures = new ConcurrentHashMap<>();

    public SlackStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The value for {@code onboarding.slack.methods-url}. */
    public String methodsUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** A response URL of this stand-in, as Slack puts one into each interactive payload. */
    public String responseUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + name;
    }

    public SlackStandIn knows(String email, String userId) {
        usersByEmail.put(email.toLowerCase(java.util.Locale.ROOT), userId);
        return this;
    }

    /** The next call of {@code method} is answered with this status (and Retry-After, when not null). */
    public void answerNext(String method, int status, String retryAfter) {
        failures.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>()).add(new Failure(status, retryAfter));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    public void clear() {
        calls.clear();
        failures.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = path.startsWith("/api/") ? path.substring("/api/".length()) : path.substring(1);
            calls.add(new Call(method, form(body), exchange.getRequestHeaders().getFirst("Authorization"), body));
            Failure failure = failures.getOrDefault(method, new ConcurrentLinkedQueue<>()).poll();
            if (failure != null) {
                if (failure.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
                }
                exchange.sendResponseHeaders(failure.status(), -1);
                return;
            }
            byte[] answer = answer(method, form(body)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private String answer(String method, Map<String, String> form) {
        return switch (method) {
            case "users.lookupByEmail" -> {
                String user = usersByEmail.get(String.valueOf(form.get("email")).toLowerCase(java.util.Locale.ROOT));
                yield user == null
                        ? "{\"ok\":false,\"error\":\"users_not_found\"}"
                        : "{\"ok\":true,\"user\":{\"id\":\"" + user + "\"}}";
            }
            case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D" + form.get("users") + "\"}}";
            case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"ts\":\""
                    + System.nanoTime() + ".0001\"}";
            default -> method.startsWith("respond/") ? "{\"ok\":true}" : "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isEmpty() || body.startsWith("{")) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            fields.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
