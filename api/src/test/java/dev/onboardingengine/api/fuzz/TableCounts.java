package dev.onboardingengine.api.fuzz;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row counts of every application table, read in one statement: the engine's own tables (Camunda's
 * ACT_*) and Flyway's history are left out, and so is the outbox, whose completed rows are deleted in the
 * background; the outbox is checked by the events published since a moment instead.
 */
final class TableCounts {

    private final JdbcClient jdbc;
    private final String query;
    final List<String> tables;

    TableCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                  and lower(table_name) not like 'act\\_%' and lower(table_name) <> 'flyway_schema_history'
                  and lower(table_name) <> 'event_publication'
                order by table_name""").query(String.class).list();
        this.query = tables.stream().map(table -> "select '%s' as t, count(*) as n from %s".formatted(table, table))
                .collect(Collectors.joining(" union all "));
    }

    Map<String, Long> now() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(query).query((rs, n) -> counts.put(rs.getString("t"), rs.getLong("n"))).list();
        return counts;
    }

    long eventsSince(Instant since) {
        return jdbc.sql("select count(*) from event_publication where publication_date >= :since")
                .param("since", java.sql.Timestamp.from(since)).query(Long.class).single();
    }

    long pendingEvents() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class)
                .single();
    }

    /** Until nothing moves: the outbox is empty and two readings 200 ms apart agree (at most 10 s). */
    Map<String, Long> settled() throws InterruptedException {
        Map<String, Long> last = now();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            Map<String, Long> next = now();
            if (next.equals(last) && pendingEvents() == 0) {
                return next;
            }
            last = next;
        }
        return last;
    }
}
