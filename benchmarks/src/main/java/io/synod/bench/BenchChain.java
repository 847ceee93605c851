package io.synod.bench;

import io.synod.testing.TestChain;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** Raw transactions in bursts: explicit nonces (one sender's transactions must arrive in order), receipts after. */
final class BenchChain {
    static final BigInteger GAS_PRICE = BigInteger.valueOf(20_000_000_000L);

    private BenchChain() {}

    /**
     * Production-like JVM options for the services under test. With {@code SYNOD_BENCH_JFR=<dir>} each
     * service also records a flight recording there ({@code <pid>.jfr}, written when it stops), to see where
     * its CPU went: {@code jfr print --events jdk.ExecutionSample}.
     */
    static String serviceJvmOptions() {
        String jfr = System.getenv("SYNOD_BENCH_JFR");
        return "-Xms256m -Xmx1g -XX:+UseParallelGC" + (jfr == null || jfr.isBlank() ? ""
                : " -XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr + "/%p.jfr");
    }

    static BigInteger pendingNonce(TestChain chain, Credentials from) throws IOException {
        return chain.web3j.ethGetTransactionCount(from.getAddress(), DefaultBlockParameterName.PENDING).send()
                .getTransactionCount();
    }

    /** Sends a signed transaction (to = null creates a contract). @return its hash, once the node took it */
    static CompletableFuture<String> send(TestChain chain, Credentials from, BigInteger nonce, long gas, String to, String data) {
        RawTransaction tx = to == null
                ? RawTransaction.createContractTransaction(nonce, GAS_PRICE, BigInteger.valueOf(gas), BigInteger.ZERO, data)
                : RawTransaction.createTransaction(nonce, GAS_PRICE, BigInteger.valueOf(gas), to, data);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, chain.chainId, from));
        return chain.web3j.ethSendRawTransaction(signed).sendAsync().thenApply(r -> {
            if (r.hasError()) {
                throw new IllegalStateException(r.getError().getMessage());
            }
            return r.getTransactionHash();
        });
    }

    /**
     * The receipt, which must show success. Mines a block when it is late: anvil's automine now and then
     * leaves a transaction pending after a burst, until another one arrives.
     */
    static TransactionReceipt receipt(TestChain chain, String hash) throws Exception {
        for (int attempt = 1; attempt <= 3000; attempt++) {
            var r = chain.web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
            if (r.isPresent()) {
                if (!r.get().isStatusOK()) {
                    throw new IllegalStateException("transaction " + hash + " reverted");
                }
                return r.get();
            }
            if (attempt % 100 == 0) {
                chain.rpc("evm_mine", List.of());
            }
            Thread.sleep(attempt < 100 ? 1 : 10);
        }
        throw new IllegalStateException("no receipt for " + hash);
    }

    /** Mines until the pool is empty: after a burst, automine may wait for an arrival that never comes. */
    static void drainPool(TestChain chain) {
        while (!"0x0".equals(((Map<?, ?>) chain.rpc("txpool_status", List.of())).get("pending"))) {
            chain.mine();
        }
    }
}
