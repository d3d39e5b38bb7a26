package dev.onboardingengine.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies in milliseconds and their nearest-rank percentiles. */
final class Samples {

    private final List<Long> values = Collections.synchronizedList(new ArrayList<>());

    void add(long millis) {
        values.add(millis);
    }

    /** Adds these samples to {@code other}. */
    void copyInto(Samples other) {
        synchronized (values) {
            other.values.addAll(values);
        }
    }

    int count() {
        return values.size();
    }

    long percentile(double p) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    long p50() {
        return percentile(50);
    }

    long p95() {
        return percentile(95);
    }

    long p99() {
        return percentile(99);
    }
}
