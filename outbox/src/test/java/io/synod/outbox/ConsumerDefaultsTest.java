package io.synod.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/** The defaults this module ships to every service (META-INF/microprofile-config.properties) are on the classpath. */
class ConsumerDefaultsTest {
    @Test
    void theKafkaConnectorBuildsNoCloudEventMetadataOurConsumersWouldIgnore() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources().build();
        assertEquals(Boolean.FALSE, config.getValue("mp.messaging.connector.smallrye-kafka.cloud-events", Boolean.class));
    }
}
