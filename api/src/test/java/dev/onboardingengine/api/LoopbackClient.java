package dev.onboardingengine.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Plain HTTP/1.1 requests sent from a chosen loopback address (127.0.0.2, 127.0.0.3, ...): every
 * such address is a client of its own to the engine's per-address throttles, so a test can use up
 * one client's allowance without touching 127.0.0.1's, which the other tests share. Linux routes all
 * of 127.0.0.0/8 to the loopback interface; nothing leaves the machine.
 */
public final class LoopbackClient {

    private final String sourceAddress;
    private final int port;

    public LoopbackClient(String sourceAddress, int port) {
        if (!sourceAddress.startsWith("127.")) {
            throw new IllegalArgumentException("only loopback addresses: " + sourceAddress);
        }
        this.sourceAddress = sourceAddress;
        this.port = port;
    }

    public Response get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    public Response post(String path, Map<String, String> headers, String contentType, String body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", contentType);
        return send("POST", path, all, body);
    }

    private Response send(String method, String path, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return Response.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param headers names lower-cased; a repeated header's values one a line */
    public record Response(int status, Map<String, String> headers, String body) {

        static Response parse(byte[] raw) throws IOException {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                // A repeated header (Set-Cookie) keeps every value, one a line.
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(),
                        (first, next) -> first + "\n" + next);
            }
            byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(new java.io.ByteArrayInputStream(body));
            }
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                StringBuilder size = new StringBuilder();
                for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
                    if (c != '\r') {
                        size.append((char) c);
                    }
                }
                int length = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].trim(), 16);
                if (length == 0) {
                    return out.toByteArray();
                }
                out.write(in.readNBytes(length));
                in.readNBytes(2);
            }
        }
    }
}
