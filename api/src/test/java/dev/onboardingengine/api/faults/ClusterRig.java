package dev.onboardingengine.api.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * What the cluster case needs beside {@link FaultRig}: the standalone broker as a process of its own
 * ({@code java -jar onboarding-engine.jar kafka-broker}), hires over a node's REST API, and the mails
 * the real SMTP server received, keyed so that a mail sent twice shows.
 */
final class ClusterRig {

    /** 09:00 there on today's UTC date is always past: every timer before or at the start is due at once. */
    static final String ZONE_WHERE_THE_START_HAS_PASSED = "Pacific/Kiritimati";
    private static final Pattern HIRE_NAME = Pattern.compile("Cluster (\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ClusterRig() {
    }

    static LocalDate startDay() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The broker as an operating system process, on 127.0.0.1:{@code port}, with its log in {@code directory}. */
    static Process startBroker(int port, Path directory) throws IOException, InterruptedException {
        Path jar = Path.of("target", "onboarding-engine.jar");
        Files.createDirectories(directory);
        Path log = directory.resolve("broker.log");
        Process broker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "kafka-broker",
                "--port", Integer.toString(port), "--data-dir", directory.resolve("kafka").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains("Kafka broker ready at 127.0.0.1:" + port)) {
                return broker;
            }
            if (!broker.isAlive()) {
                throw new IllegalStateException("the broker process exited: " + Files.readString(log));
            }
            Thread.sleep(250);
        }
        broker.destroyForcibly();
        throw new IllegalStateException("the broker process was not ready in 120 s: " + log);
    }

    /** POST /api/users/ (ChiefOnboarding's dialect) on the node at {@code port}; the status, or -1 if unreachable. */
    static int hireOverRest(int port, String token, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/users/"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Token " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException unreachable) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String get(int port, String token, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Token " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static String restHire(int n, String domain, long managerId, long sequenceId) {
        return """
                {"first_name":"Cleo","last_name":"Cluster %d","email":"cleo.%d@%s","role":0,"start_day":"%s",
                 "timezone":"%s","manager":%d,"sequences":[%d]}""".formatted(n, n, domain, startDay(),
                ZONE_WHERE_THE_START_HAS_PASSED, managerId, sequenceId);
    }

    static String topicHire(int n, String domain, long managerId) {
        return """
                {"external_id":"K-%d","first_name":"Cleo","last_name":"Cluster %d","email":"cleo.%d@%s",
                 "start_date":"%s","time_zone":"%s","manager_id":%d,"sequences":["sequence-it-equipment"]}"""
                .formatted(n, n, n, domain, startDay(), ZONE_WHERE_THE_START_HAS_PASSED, managerId);
    }

    /** The mails received, by recipient, subject and the hire they are about: a count above 1 is a double. */
    record Mails(Map<String, Integer> byKey) {

        static Mails of(GreenMail smtp) {
            Map<String, Integer> byKey = new TreeMap<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                byKey.merge(key(message), 1, Integer::sum);
            }
            return new Mails(byKey);
        }

        @Override
        public String toString() {
            return "mails=" + total() + " doubled=" + doubled();
        }

        int total() {
            return byKey.values().stream().mapToInt(Integer::intValue).sum();
        }

        long doubled() {
            return byKey.values().stream().mapToInt(count -> count - 1).sum();
        }

        /** Hires among {@code hires} (their numbers) without a mail whose subject starts with {@code subject}. */
        List<Integer> without(String subject, List<Integer> hires) {
            java.util.Set<String> mailed = new java.util.HashSet<>();
            byKey.keySet().stream().filter(key -> key.contains("|" + subject))
                    .forEach(key -> mailed.add(key.substring(0, key.indexOf('|'))));
            return hires.stream().filter(n -> !mailed.contains("#" + n)).toList();
        }

        long count(String subject) {
            return byKey.entrySet().stream().filter(e -> e.getKey().contains("|" + subject))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        private static String key(MimeMessage message) {
            try {
                String subject = message.getSubject();
                String recipients = String.valueOf(List.of(message.getRecipients(Message.RecipientType.TO)));
                Matcher hire = HIRE_NAME.matcher(subject + " " + GreenMailUtil.getBody(message));
                Matcher address = Pattern.compile("cleo\\.(\\d+)@").matcher(recipients);
                String about = hire.find() ? hire.group(1) : address.find() ? address.group(1) : "?";
                return "#" + about + "|" + recipients + "|" + subject;
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
