package dev.onboardingengine.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.QueryType;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.listener.QueryUtils;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements the engine sends, with datasource-proxy around the application's
 * DataSource bean (which Camunda uses too), by statement type and by the kind of thread that sent
 * them (HTTP, Kafka listener, job executor, outbox, ...). Only the bench installs it
 * ({@code --count-statements}, on by default); the harness's own polling runs on threads it
 * {@link #exclude}s, so it does not count.
 */
final class StatementCounter implements QueryExecutionListener, BeanPostProcessor {

    private final Map<String, LongAdder> byType = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byThread = new ConcurrentHashMap<>();
    private final Set<Thread> excluded = ConcurrentHashMap.newKeySet();
    private volatile DataSource original;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && original == null) {
            original = dataSource;
            return ProxyDataSourceBuilder.create(dataSource).name("bench-count").listener(this).build();
        }
        return bean;
    }

    /** The pool without the proxy, for the harness's own queries. */
    DataSource original() {
        return original;
    }

    /** Statements from this thread (the harness polling for results) are not the engine's. */
    void exclude(Thread thread) {
        excluded.add(thread);
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        Thread thread = Thread.currentThread();
        if (excluded.contains(thread)) {
            return;
        }
        // A JDBC batch of one statement counts once (one QueryInfo with several parameter sets).
        for (QueryInfo query : queries) {
            QueryType type = QueryUtils.getQueryType(query.getQuery());
            byType.computeIfAbsent(type.name().toLowerCase(), key -> new LongAdder()).increment();
        }
        byThread.computeIfAbsent(threadKind(thread.getName()), key -> new LongAdder()).add(queries.size());
    }

    /** "http-nio-8080-exec-3" and "http-nio-8080-exec-7" are one kind: the digits go. */
    static String threadKind(String name) {
        return name.replaceAll("\\d+", "#");
    }

    Snapshot snapshot() {
        return new Snapshot(copy(byType), copy(byThread));
    }

    private static Map<String, Long> copy(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, value) -> copy.put(key, value.sum()));
        return copy;
    }

    /** The counts at one moment; {@link #minus} gives what happened between two. */
    record Snapshot(Map<String, Long> byType, Map<String, Long> byThread) {

        long total() {
            return byType.values().stream().mapToLong(Long::longValue).sum();
        }

        Snapshot minus(Snapshot before) {
            return new Snapshot(subtract(byType, before.byType), subtract(byThread, before.byThread));
        }

        private static Map<String, Long> subtract(Map<String, Long> after, Map<String, Long> before) {
            Map<String, Long> difference = new TreeMap<>();
            after.forEach((key, value) -> {
                long delta = value - before.getOrDefault(key, 0L);
                if (delta != 0) {
                    difference.put(key, delta);
                }
            });
            return difference;
        }

        /** "select 12.0, insert 9.5, ..." per hire. */
        String perHire(Map<String, Long> counts, int hires) {
            StringBuilder text = new StringBuilder();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(entry -> {
                if (!text.isEmpty()) {
                    text.append(", ");
                }
                text.append(entry.getKey()).append(' ')
                        .append(String.format("%.1f", entry.getValue() / (double) hires));
            });
            return text.toString();
        }
    }
}
