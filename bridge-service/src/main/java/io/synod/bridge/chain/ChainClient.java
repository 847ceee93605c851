package io.synod.bridge.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * Reads one chain through its RPC endpoints. Only endpoints that proved the configured chain id are
 * used; a failing endpoint hands over to the next one. This is the one place besides its siblings in
 * {@code chain/} that speaks web3j: it returns plain values.
 */
public final class ChainClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChainClient.class);
    /** Any address works for eth_call's from; the zero address says we mean nothing by it. */
    private static final String CALLER = "0x0000000000000000000000000000000000000000";

    /** Short timeouts: a hanging endpoint must hand over to the next one quickly. */
    private static final okhttp3.OkHttpClient HTTP = new okhttp3.OkHttpClient.Builder()
            .connectTimeout(java.time.Duration.ofSeconds(3)).readTimeout(java.time.Duration.ofSeconds(15)).build();

    private final long chainId;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final AtomicInteger preferred = new AtomicInteger();

    public ChainClient(long chainId, List<String> rpcUrls) {
        this.chainId = chainId;
        for (int i = 0; i < rpcUrls.size(); i++) {
            endpoints.add(new Endpoint(i, rpcUrls.get(i), Web3j.build(new HttpService(rpcUrls.get(i), HTTP))));
        }
    }

    /** Checks each endpoint's eth_chainId; refuses (never uses) one that answers another id. */
    public void verify() {
        for (Endpoint e : endpoints) {
            try {
                long reported = e.web3j.ethChainId().send().getChainId().longValueExact();
                e.status = reported == chainId ? EndpointStatus.OK : EndpointStatus.WRONG_CHAIN;
                e.detail = reported == chainId ? null : "reports chain id " + reported + ", configured " + chainId;
                if (e.status == EndpointStatus.WRONG_CHAIN) {
                    // the URL itself may hold an API key: log its position, not its text
                    LOG.errorf("chain %d: RPC endpoint #%d refused: %s", chainId, e.index, e.detail);
                }
            } catch (IOException | RuntimeException ex) {
                e.status = EndpointStatus.UNREACHABLE;
                e.detail = "unreachable";
                LOG.warnf("chain %d: RPC endpoint #%d unreachable at start-up (%s)", chainId, e.index, ex.getClass().getSimpleName());
            }
        }
    }

    public long chainId() {
        return chainId;
    }

    public List<EndpointView> endpoints() {
        return endpoints.stream().map(e -> new EndpointView(e.index, e.status, e.detail)).toList();
    }

    /*
     * Reads are encoded by hand: the generated wrapper's reflective ABI codec cost more CPU than the
     * RPC itself under load (see docs/BENCHMARKS.md). Same call as SynodToken's getPastTotalSupply.
     */
    private static final String GET_PAST_TOTAL_SUPPLY = selector("getPastTotalSupply(uint256)");

    private static String selector(String signature) {
        return org.web3j.crypto.Hash.sha3String(signature).substring(0, 10);
    }

    public BigInteger pastTotalSupply(String token, long timepoint) {
        return uint256Call(token, GET_PAST_TOTAL_SUPPLY + word(Long.toHexString(timepoint)));
    }

    /** Creation code of contracts/VotesLens.sol, shipped in the contracts jar. */
    private static final String VOTES_LENS = lensBytecode();

    private static String lensBytecode() {
        try (var in = ChainClient.class.getClassLoader().getResourceAsStream("contracts/VotesLens.bin")) {
            if (in == null) {
                throw new IllegalStateException("contracts/VotesLens.bin missing from the classpath");
            }
            return "0x" + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Many accounts' checkpointed votes in one eth_call: the VotesLens creation code, never deployed, whose
     * constructor returns {@code abi.encode(uint256[])}. @return votes in the order of {@code accounts}
     */
    public List<BigInteger> pastVotesBatch(String token, List<String> accounts, long timepoint) {
        StringBuilder data = new StringBuilder(VOTES_LENS.length() + 64 * (4 + accounts.size()));
        data.append(VOTES_LENS).append(word(Numeric.cleanHexPrefix(token))).append(word(Long.toHexString(timepoint)))
                .append(word("60")).append(word(Integer.toHexString(accounts.size())));
        accounts.forEach(a -> data.append(word(Numeric.cleanHexPrefix(a))));
        return call(w -> {
            EthCall r = w.ethCall(Transaction.createEthCallTransaction(CALLER, null, data.toString()),
                    DefaultBlockParameterName.LATEST).send();
            if (r.hasError() || r.isReverted()) {
                throw new ContractCallException(chainId, r.hasError() ? r.getError().getMessage() : "reverted");
            }
            String hex = Numeric.cleanHexPrefix(r.getValue());
            if (hex.length() != 128 + 64 * accounts.size()) {
                throw new ContractCallException(chainId, "unexpected lens answer: is " + token + " a votes token?");
            }
            List<BigInteger> votes = new ArrayList<>(accounts.size());
            for (int i = 0; i < accounts.size(); i++) {
                votes.add(new BigInteger(hex.substring(128 + 64 * i, 192 + 64 * i), 16));
            }
            return votes;
        });
    }

    private BigInteger uint256Call(String token, String data) {
        return call(w -> {
            EthCall r = w.ethCall(Transaction.createEthCallTransaction(CALLER, token, data), DefaultBlockParameterName.LATEST).send();
            if (r.hasError() || r.isReverted()) {
                throw new ContractCallException(chainId, r.hasError() ? r.getError().getMessage() : "reverted");
            }
            String hex = Numeric.cleanHexPrefix(r.getValue());
            if (hex.length() != 64) {
                throw new ContractCallException(chainId, "not a uint256 answer: is " + token + " a token?");
            }
            return new BigInteger(hex, 16);
        });
    }

    private static String word(String hex) {
        return "0".repeat(64 - hex.length()) + hex.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The chain's clock as last seen. A reader whose timepoint is already behind it needs no fresh head:
     * blocks only move forward, so one RPC per read is saved under load.
     */
    public BlockHead head(long mustPass) {
        BlockHead h = lastHead;
        if (h != null && h.timestamp() > mustPass && System.nanoTime() - lastHeadAt < HEAD_MAX_AGE_NANOS) {
            return h;
        }
        return head();
    }

    /** The latest block's number and timestamp: the chain's own clock. */
    public BlockHead head() {
        BlockHead h = blockAt(DefaultBlockParameterName.LATEST);
        if (h == null) {
            throw new ChainUnavailableException(chainId, "no latest block");
        }
        lastHead = h;
        lastHeadAt = System.nanoTime();
        return h;
    }

    /** The block at a height, or null when the chain is not that long (any more). */
    public BlockHead block(long number) {
        return blockAt(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)));
    }

    /**
     * The chain's {@code safe} or {@code finalized} block, or null when the chain does not know the tag
     * (an error answer, not a failing endpoint).
     */
    public BlockHead tagged(String tag) {
        DefaultBlockParameterName name = DefaultBlockParameterName.fromString(tag);
        try {
            return blockAt(name);
        } catch (ContractCallException e) {
            return null;
        }
    }

    /** Where a chain has no safe/finalized tag: this many confirmations. */
    public static final int FALLBACK_CONFIRMATIONS = 64;

    /** The newest block that is final by {@code rule}, or null while the chain is too short to have one. */
    public BlockHead finalBlock(io.synod.bridge.FinalityRule rule, BlockHead head) {
        return switch (rule.kind()) {
            case FINALIZED -> taggedOrConfirmed("finalized", head);
            case SAFE -> taggedOrConfirmed("safe", head);
            case CONFIRMATIONS -> head.number() - rule.confirmations() <= 0 ? null : block(head.number() - rule.confirmations());
        };
    }

    /** The tagged block, or {@link #FALLBACK_CONFIRMATIONS} below the head where the chain lacks the tag. */
    public BlockHead taggedOrConfirmed(String tag, BlockHead head) {
        BlockHead tagged = tagged(tag);
        if (tagged != null) {
            return tagged;
        }
        long n = head.number() - FALLBACK_CONFIRMATIONS;
        return n < 0 ? null : block(n);
    }

    private BlockHead blockAt(DefaultBlockParameter at) {
        return call(w -> {
            EthBlock r = w.ethGetBlockByNumber(at, false).send();
            if (r.hasError()) {
                throw new ContractCallException(chainId, r.getError().getMessage());
            }
            EthBlock.Block b = r.getBlock();
            return b == null ? null : new BlockHead(b.getNumber().longValueExact(), b.getHash(), b.getParentHash(),
                    b.getTimestamp().longValueExact());
        });
    }

    /** Logs of one contract in a block range, with the given first topics. */
    public List<Log> logs(long from, long to, String address, List<String> topic0s) {
        return call(w -> {
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), address);
            filter.addOptionalTopics(topic0s.toArray(String[]::new));
            EthLog r = w.ethGetLogs(filter).send();
            if (r.hasError()) {
                // a range too large for the node is not the endpoint's failure: the caller splits it
                throw new ContractCallException(chainId, r.getError().getMessage());
            }
            List<Log> logs = new ArrayList<>(r.getLogs().size());
            for (EthLog.LogResult<?> lr : r.getLogs()) {
                logs.add((Log) lr.get());
            }
            return logs;
        });
    }

    /** Whether some endpoint answers now, with this chain's id (health checks). */
    public boolean reachable() {
        try {
            return call(w -> w.ethChainId().send().getChainId().longValueExact()) == chainId;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The account's native-coin balance at the latest block. */
    public BigInteger nativeBalance(String account) {
        return call(w -> {
            var r = w.ethGetBalance(account, DefaultBlockParameterName.LATEST).send();
            if (r.hasError()) {
                throw new ContractCallException(chainId, r.getError().getMessage());
            }
            return r.getBalance();
        });
    }

    /** Logs of one contract in a block range whose topics are exactly {@code topics} (topic0, topic1, …). */
    public List<Log> logsWithTopics(long from, long to, String address, String... topics) {
        return call(w -> {
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), address);
            for (String t : topics) {
                filter.addSingleTopic(t);
            }
            EthLog r = w.ethGetLogs(filter).send();
            if (r.hasError()) {
                throw new ContractCallException(chainId, r.getError().getMessage());
            }
            return r.getLogs().stream().map(lr -> (Log) lr.get()).toList();
        });
    }

    /** The next nonce for an account, counting its pending transactions. */
    public long pendingNonce(String account) {
        return call(w -> w.ethGetTransactionCount(account, DefaultBlockParameterName.PENDING).send()
                .getTransactionCount().longValueExact());
    }

    public BigInteger maxPriorityFee() {
        return call(w -> {
            var r = w.ethMaxPriorityFeePerGas().send();
            return r.hasError() ? BigInteger.valueOf(1_000_000_000L) : r.getMaxPriorityFeePerGas();
        });
    }

    public BigInteger baseFee() {
        return call(w -> {
            EthBlock.Block b = w.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
            return b.getBaseFeePerGas() == null ? BigInteger.ZERO : b.getBaseFeePerGas();
        });
    }

    /** Gas for a call from {@code from}; a revert is a {@link ContractCallException} with its reason. */
    public BigInteger estimateGas(String from, String to, String data) {
        return call(w -> {
            var r = w.ethEstimateGas(Transaction.createEthCallTransaction(from, to, data)).send();
            if (r.hasError()) {
                throw new ContractCallException(chainId, r.getError().getMessage());
            }
            return r.getAmountUsed();
        });
    }

    /** eth_call returning raw hex, for the relayer's pre-checks. */
    public String callHex(String to, String data) {
        return call(w -> {
            EthCall r = w.ethCall(Transaction.createEthCallTransaction(CALLER, to, data), DefaultBlockParameterName.LATEST).send();
            if (r.hasError() || r.isReverted()) {
                throw new ContractCallException(chainId, r.hasError() ? r.getError().getMessage() : "reverted");
            }
            return r.getValue();
        });
    }

    /**
     * Broadcasts a signed transaction. "Already known" and "nonce too low" answers mean an earlier send of
     * it (or of its replacement) arrived: the caller looks at receipts, so they are not errors here.
     */
    public void sendRaw(String signedHex) {
        call(w -> {
            var r = w.ethSendRawTransaction(signedHex).send();
            if (r.hasError()) {
                String m = String.valueOf(r.getError().getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (!m.contains("already known") && !m.contains("nonce too low") && !m.contains("already imported")) {
                    throw new ContractCallException(chainId, r.getError().getMessage());
                }
            }
            return null;
        });
    }

    /** The receipt's status ({@code true} success), or null while not mined. */
    public TxReceipt receipt(String txHash) {
        return call(w -> {
            var r = w.ethGetTransactionReceipt(txHash).send();
            return r.getTransactionReceipt().map(t -> new TxReceipt(t.getTransactionHash(), t.isStatusOK(),
                    t.getBlockNumber().longValueExact(), t.getBlockHash())).orElse(null);
        });
    }

    public record TxReceipt(String txHash, boolean ok, long blockNumber, String blockHash) {}

    private static final long HEAD_MAX_AGE_NANOS = 2_000_000_000L;
    private volatile BlockHead lastHead;
    private volatile long lastHeadAt;

    private <T> T call(RpcCall<T> call) {
        List<Endpoint> usable = endpoints.stream().filter(e -> e.status != EndpointStatus.WRONG_CHAIN).toList();
        if (usable.isEmpty()) {
            throw new ChainUnavailableException(chainId, "no RPC endpoint of this chain reports chain id " + chainId);
        }
        int start = Math.floorMod(preferred.get(), usable.size());
        Exception last = null;
        for (int i = 0; i < usable.size(); i++) {
            Endpoint e = usable.get((start + i) % usable.size());
            try {
                if (e.status == EndpointStatus.UNREACHABLE) {
                    reverify(e);
                }
                T result = call.apply(e.web3j);
                preferred.set((start + i) % usable.size());
                return result;
            } catch (ContractCallException ex) {
                throw ex;
            } catch (Exception ex) {
                if (isRevert(ex)) {
                    throw new ContractCallException(chainId, ex.getMessage());
                }
                last = ex;
                LOG.warnf("chain %d: RPC endpoint #%d failed (%s), trying the next", chainId, e.index, ex.getClass().getSimpleName());
            }
        }
        throw new ChainUnavailableException(chainId, "every RPC endpoint failed: " + (last == null ? "" : last.getClass().getSimpleName()));
    }

    private void reverify(Endpoint e) throws IOException {
        long reported = e.web3j.ethChainId().send().getChainId().longValueExact();
        if (reported != chainId) {
            e.status = EndpointStatus.WRONG_CHAIN;
            e.detail = "reports chain id " + reported + ", configured " + chainId;
            throw new ChainUnavailableException(chainId, e.detail);
        }
        e.status = EndpointStatus.OK;
        e.detail = null;
    }

    private static boolean isRevert(Exception ex) {
        String m = String.valueOf(ex.getMessage());
        return ex instanceof org.web3j.tx.exceptions.ContractCallException || m.contains("revert");
    }

    @Override
    public void close() {
        endpoints.forEach(e -> e.web3j.shutdown());
    }

    @FunctionalInterface
    private interface RpcCall<T> {
        T apply(Web3j web3j) throws Exception;
    }

    public enum EndpointStatus { UNVERIFIED, OK, WRONG_CHAIN, UNREACHABLE }

    public record EndpointView(int index, EndpointStatus status, String detail) {}

    public record BlockHead(long number, String hash, String parentHash, long timestamp) {}

    private static final class Endpoint {
        final int index;
        final String url;
        final Web3j web3j;
        volatile EndpointStatus status = EndpointStatus.UNVERIFIED;
        volatile String detail;

        Endpoint(int index, String url, Web3j web3j) {
            this.index = index;
            this.url = url;
            this.web3j = web3j;
        }
    }
}
