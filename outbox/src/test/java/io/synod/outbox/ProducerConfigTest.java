package io.synod.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relay's producer takes the service's Kafka connection and security settings, and keeps its own guarantees. */
class ProducerConfigTest {
    @Test
    void takesConnectionAndSecurityAndForcesAcknowledgedIdempotentSends() {
        Map<String, Object> kafka = Map.of(
                "bootstrap.servers", "k1:9093,k2:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "session.timeout.ms", "10000", // a consumer setting: not the producer's
                "devservices.enabled", "false", // Quarkus' own key under kafka.*
                "acks", "1", // the relay's guarantee is not configurable away
                "linger.ms", "20");
        Map<String, Object> c = OutboxRelay.producerConfig(kafka, "bridge-service");
        assertEquals("k1:9093,k2:9093", c.get("bootstrap.servers"));
        assertEquals("SASL_SSL", c.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", c.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required;", c.get("sasl.jaas.config"));
        assertEquals("/etc/kafka/truststore.p12", c.get("ssl.truststore.location"));
        assertFalse(c.containsKey("session.timeout.ms"));
        assertFalse(c.containsKey("devservices.enabled"));
        assertEquals("all", c.get("acks"));
        assertEquals(true, c.get("enable.idempotence"));
        assertEquals("20", c.get("linger.ms"), "tuning from kafka.* wins over the defaults");
        assertEquals(262_144, c.get("batch.size"));
        assertEquals("bridge-service-outbox", c.get("client.id"));
    }
}
