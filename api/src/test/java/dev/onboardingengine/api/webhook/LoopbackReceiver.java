package dev.onboardingengine.api.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests: the JDK's HTTP server on a loopback address, recording every request
 * and answering what {@code answer} decides. It has threads of its own, so a slow answer holds up only
 * the requests waiting for it.
 */
final class LoopbackReceiver implements AutoCloseable {

    /** A request as it arrived: headers (case-insensitive), raw body, when. */
    record Received(String path, Map<String, List<String>> headers, String body, Instant at) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        long employeeId() {
            int at = body.indexOf("\"employeeId\":");
            if (at < 0) {
                return -1;
            }
            int from = at + "\"employeeId\":".length();
            int to = from;
            while (to < body.length() && Character.isDigit(body.charAt(to))) {
                to++;
            }
            return Long.parseLong(body.substring(from, to));
        }
    }

    /** An answer: status code, body and headers. */
    record Answer(int status, String body, Map<String, String> headers) {

        Answer(int status, String body) {
            this(status, body, Map.of());
        }

        static Answer ok() {
            return new Answer(200, "");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private LoopbackReceiver(HttpServer server) {
        this.server = server;
    }

    static LoopbackReceiver on(String loopbackAddress, int port, Function<Received, Answer> answer) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(loopbackAddress, port), 0);
            LoopbackReceiver receiver = new LoopbackReceiver(server);
            server.setExecutor(receiver.threads);
            server.createContext("/", exchange -> {
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                headers.putAll(exchange.getRequestHeaders());
                Received request = new Received(exchange.getRequestURI().getPath(), headers,
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Instant.now());
                receiver.received.add(request);
                Answer reply = answer.apply(request);
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoopbackReceiver on127001(Function<Received, Answer> answer) {
        return on("127.0.0.1", 0, answer);
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedFor(long employeeId) {
        return received.stream().filter(r -> r.employeeId() == employeeId).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
