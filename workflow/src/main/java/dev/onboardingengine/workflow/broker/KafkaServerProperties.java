package dev.onboardingengine.workflow.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The configuration of {@link LocalKafkaBroker}: one KRaft node on loopback that is its own controller,
 * sized for a laptop rather than for a cluster.
 */
final class KafkaServerProperties {

    static final String HOST = "127.0.0.1";
    static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final long MIB = 1024L * 1024L;

    private KafkaServerProperties() {
    }

    static Map<String, Object> of(Path directory, int brokerPort, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        // KRaft combined mode: one process is the only controller (static quorum) and the only broker.
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", directory.toString());
        p.put("metadata.log.dir", directory.toString());

        // A single replica of everything.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("group.initial.rebalance.delay.ms", "0");

        // Laptop-sized footprint: fewer internal partitions, small segments and indexes, bounded
        // retention, a small log-cleaner buffer (the default allocates 128 MiB of heap up front) and
        // fewer threads.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("offsets.topic.segment.bytes", String.valueOf(16 * MIB));
        p.put("transaction.state.log.segment.bytes", String.valueOf(16 * MIB));
        p.put("log.segment.bytes", String.valueOf(16 * MIB));
        p.put("log.index.size.max.bytes", String.valueOf(MIB));
        p.put("log.retention.bytes", String.valueOf(256 * MIB));
        p.put("log.retention.hours", "168");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * MIB));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");

        // Bound how long startup may wait on the embedded controller instead of forever.
        p.put("server.max.startup.time.ms", "60000");
        return p;
    }
}
