package io.synod.voting.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Votes counted by source and finality (docs/deploy.md); open tallies are gauged by TallyService. */
@ApplicationScoped
public class VotingMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> applied = new ConcurrentHashMap<>();

    public VotingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param source onchain | signed; @param finality provisional | final */
    public void applied(String source, String finality, int n) {
        if (n > 0) {
            applied.computeIfAbsent(source + "/" + finality, k -> Counter.builder("synod.votes.applied").tag("source", source)
                    .tag("finality", finality).description("votes written by voting-service").register(registry)).increment(n);
        }
    }

    public MeterRegistry registry() {
        return registry;
    }
}
