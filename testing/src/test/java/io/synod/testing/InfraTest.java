package io.synod.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.synod.contracts.SynodToken;
import java.math.BigInteger;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/** The harness itself: the broker takes and returns records; a token's checkpoints follow the timestamp clock. */
class InfraTest {

    @Test
    void kafkaBrokerRoundTripsARecord() {
        String topic = "infra-test-" + System.nanoTime();
        try (KafkaCompanion kafka = new KafkaCompanion(Infra.kafka())) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, "k", "hello")).awaitCompletion();
            var records = kafka.consumeStrings().fromTopics(topic, 1).awaitCompletion(Duration.ofSeconds(20));
            assertEquals("hello", records.getFirstRecord().value());
        }
    }

    @Test
    void votingPowerIsCheckpointedByTimestamp() {
        Infra.chains();
        try (TestChain chain = new TestChain(Infra.CHAIN_B)) {
            SynodToken token = chain.deployToken("Infra");
            Credentials holder = TestChain.newAccount();
            long before = chain.mine();
            chain.mineUntilAfter(before);
            chain.giveVotes(token, holder, BigInteger.TEN.pow(18));
            long after = chain.latestTimestamp();
            chain.mineUntilAfter(after);
            assertEquals(BigInteger.ZERO, chain.pastVotes(token, holder.getAddress(), before));
            assertEquals(BigInteger.TEN.pow(18), chain.pastVotes(token, holder.getAddress(), after));
        }
    }

    @Test
    void postgresDatabaseIsCreatedOnDemand() {
        assertTrue(Infra.postgres("synod_infra_test").endsWith("/synod_infra_test"));
    }
}
