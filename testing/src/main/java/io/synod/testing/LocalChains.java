package io.synod.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** anvil chains on loopback, one process per chain id, reused across test JVMs. */
public final class LocalChains {
    private LocalChains() {}

    /** A chain the tests may use: its id and JSON-RPC URL. */
    public record Chain(long chainId, String rpcUrl) {}

    public static synchronized Chain ensure(long chainId, int port, String... extraArgs) {
        String url = "http://127.0.0.1:" + port;
        if (!Processes.portOpen(port)) {
            Path log = Tools.stateDir("anvil").resolve("anvil-" + chainId + "-" + port + ".log");
            List<String> cmd = new ArrayList<>(List.of(Tools.anvil().toString(),
                    "--chain-id", String.valueOf(chainId), "--port", String.valueOf(port),
                    "--host", "127.0.0.1", "--hardfork", "prague", "--silent",
                    // keep 64 blocks of state: without it memory grows with every block (GBs in a long
                    // session); 64 still covers reorg tests, which plain --prune-history would break
                    "--prune-history", "64"));
            cmd.addAll(List.of(extraArgs));
            Processes.startDetached(cmd, log);
            Processes.awaitPort(port, Duration.ofSeconds(20), log);
        }
        return new Chain(chainId, url);
    }
}
