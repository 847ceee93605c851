package io.synod.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the run's real infrastructure. Init arg {@code database} names the
 * service's database; {@code chains=true} adds the two anvil chains as {@code bridge.chains}.
 */
public class SynodInfraResource implements QuarkusTestResourceLifecycleManager {
    private Map<String, String> args = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", Infra.kafka());
        String db = args.get("database");
        if (db != null) {
            config.put("quarkus.datasource.reactive.url", Infra.postgres(db));
            config.put("quarkus.datasource.username", LocalPostgres.USER);
            config.put("quarkus.datasource.password", LocalPostgres.PASSWORD);
        }
        config.put("mp.jwt.verify.publickey", TestJwt.publicKey());
        config.put("mp.jwt.verify.issuer", TestJwt.ISSUER);
        if (Boolean.parseBoolean(args.getOrDefault("chains", "false"))) {
            List<Infra.Chain> chains = Infra.chains();
            for (int i = 0; i < chains.size(); i++) {
                config.put("bridge.chains[" + i + "].chain-id", String.valueOf(chains.get(i).chainId()));
                config.put("bridge.chains[" + i + "].rpc-urls[0]", chains.get(i).rpcUrl());
            }
        }
        return config;
    }

    @Override
    public void stop() {
        // the infrastructure is shared by the whole run (and the next one): nothing to stop per class
    }
}
