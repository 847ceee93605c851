package io.synod.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real single-node Kafka broker in KRaft mode, run from the jars Maven fetched into tools/kafka/libs.
 * Reused when something already answers on the port.
 */
public final class LocalKafka {
    private LocalKafka() {}

    public static synchronized String ensure(int port) {
        String bootstrap = "127.0.0.1:" + port;
        if (Processes.portOpen(port)) {
            return bootstrap;
        }
        Path dir = Tools.stateDir("kafka-" + port);
        Path log = dir.resolve("broker.log");
        Path props = dir.resolve("server.properties");
        Path data = dir.resolve("data");
        try {
            Files.writeString(props, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + (port + 1),
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1),
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + data,
                    "num.partitions=3",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=5",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    ""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = Tools.kafkaLibs() + "/*";
        if (!Files.exists(data.resolve("meta.properties"))) {
            byte[] id = new byte[16];
            new SecureRandom().nextBytes(id);
            String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
            int rc = Processes.run(List.of(javaBin, "-cp", cp, "kafka.tools.StorageTool", "format",
                    "-t", clusterId, "-c", props.toString(), "--ignore-formatted"), log, Map.of());
            if (rc != 0) {
                throw new IllegalStateException("kafka storage format failed; see " + log);
            }
        }
        Processes.startDetached(List.of(javaBin, "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", cp, "kafka.Kafka", props.toString()), log);
        Processes.awaitPort(port, Duration.ofSeconds(60), log);
        return bootstrap;
    }
}
