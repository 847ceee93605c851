package io.synod.bridge.service;

import io.quarkus.runtime.Startup;
import io.synod.bridge.FinalityRule;
import io.synod.bridge.chain.ChainClient;
import io.synod.bridge.config.ChainsConfig;
import io.synod.rest.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured chains, each with a verified client. Built once at start-up. */
@Startup
@ApplicationScoped
public class ChainRegistry {
    private final Map<Long, Entry> chains = new LinkedHashMap<>();

    /**
     * @param vaults the treasury vaults the relayer may pay out from on this chain (lower case)
     */
    public record Entry(long chainId, String name, FinalityRule finality, ChainClient client, String nativeSymbol,
                        java.util.Set<String> vaults) {}

    public ChainRegistry(ChainsConfig config) {
        List<String> errors = new ArrayList<>();
        for (ChainsConfig.Chain c : config.chains()) {
            if (chains.containsKey(c.chainId())) {
                errors.add("chain " + c.chainId() + " is configured twice");
                continue;
            }
            if (c.rpcUrls().isEmpty()) {
                errors.add("chain " + c.chainId() + " has no rpc-urls");
                continue;
            }
            ChainClient client = new ChainClient(c.chainId(), c.rpcUrls());
            client.verify();
            chains.put(c.chainId(), new Entry(c.chainId(), c.name(), FinalityRule.parse(c.finality()), client, c.nativeSymbol(),
                    c.vaults().orElse(List.of()).stream().map(v -> v.toLowerCase(java.util.Locale.ROOT))
                            .collect(java.util.stream.Collectors.toUnmodifiableSet())));
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("invalid chain configuration: " + String.join("; ", errors));
        }
    }

    public Collection<Entry> all() {
        return chains.values();
    }

    public Entry get(long chainId) {
        Entry e = chains.get(chainId);
        if (e == null) {
            throw ProblemException.notFound("chain", String.valueOf(chainId));
        }
        return e;
    }

    @PreDestroy
    void close() {
        chains.values().forEach(e -> e.client().close());
    }
}
