package io.synod.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.synod.contracts.SpokeVoting;
import io.synod.contracts.SynodToken;
import io.synod.signatures.AbiWords;
import io.synod.signatures.Eip712Domain;
import io.synod.signatures.Keccak;
import io.synod.testing.Infra;
import io.synod.testing.JsonHttp;
import io.synod.testing.LocalPostgres;
import io.synod.testing.Platform;
import io.synod.testing.TestChain;
import io.synod.testing.TestJwt;
import io.synod.testing.TypedSigner;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * On-chain votes through the bridge, measured two ways (issue 3's benchmarks):
 * <ol>
 *   <li><b>Backfill</b>: N votes are mined on a spoke while bridge-service is down; voteEnd and the chain's
 *   finality pass; the bridge starts and catches up. Measured: votes/s from its first counted vote to the
 *   final tally counting all N (and from process launch, JVM start included).</li>
 *   <li><b>Live</b>: single votes on a running platform, one at a time at random gaps; latency from the
 *   moment the harness sees the vote's block (its receipt) to the moment the tally's live stream shows it.</li>
 * </ol>
 * Usage (bin/bench-chain): {@code ChainVoteBenchmark [votes=20000] [liveVotes=200] [votingPeriod=180]}
 */
public final class ChainVoteBenchmark {
    static final int BATCH = 100;
    static final BigInteger WEIGHT = BigInteger.TEN.pow(18);
    static final byte[] DELEGATION = Keccak.hash("Delegation(address delegatee,uint256 nonce,uint256 expiry)");
    static final byte[] BALLOT = Keccak.hash("Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    private static volatile Map<String, Double> cpuAtFirst;

    public static void main(String[] args) throws Exception {
        int n = BallotBenchmark.arg(args, 0, 20_000);
        int live = BallotBenchmark.arg(args, 1, 200);
        int votingPeriod = BallotBenchmark.arg(args, 2, 180);

        System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), CpuAccount.idlePolicy());
        String kafka = Infra.kafka();
        Infra.Chain chainDef = new Infra.Chain(31_337, 28_547).ensure();
        for (String db : List.of("synod_proposal_chainbench", "synod_voting_chainbench", "synod_bridge_chainbench")) {
            LocalPostgres.recreate(db);
        }
        TestChain chain = new TestChain(chainDef);
        SynodToken token = chain.deployToken("Bench Backfill");
        TestChain.Spoke spoke = chain.deploySpoke();
        String batcher = deployBatchVoter(chain);
        token.mint(batcher, WEIGHT.multiply(BigInteger.valueOf(n))).send();

        long t = System.nanoTime();
        List<Credentials> voters = IntStream.range(0, n).parallel().mapToObj(i -> Credentials.create(ECKeyPair.create(
                new BigInteger(1, Keccak.hash(("synod bench voter " + i).getBytes(StandardCharsets.UTF_8)))))).toList();
        enroll(chain, token.getContractAddress(), batcher, voters);
        chain.mineUntilAfter(chain.latestTimestamp()); // the delegations lie before any voteStart
        System.out.printf("setup: %d voters enrolled in %.1fs%n", n, (System.nanoTime() - t) / 1e9);

        System.setProperty("synod.service.jvm-opts", BenchChain.serviceJvmOptions());
        try (Platform platform = new Platform(kafka, List.of(Platform.ChainSetup.of(chainDef, spoke)), 28_091,
                "_chainbench", TestJwt.publicKey(), TestJwt.ISSUER).start()) {
            BenchHub hub = new BenchHub(platform.proposals.url());
            List<Map<String, Object>> chains = List.of(Map.of("chainId", chain.chainId, "token", token.getContractAddress(),
                    "spoke", spoke.address()));
            // two DAOs: the backfill's proposal must end soon, the live one must stay open
            JsonNode backfill = hub.open(hub.dao("backfill", chains, constitution(votingPeriod)), "policy", "Backfill",
                    voters.get(0), chain.chainId, spoke.address());
            JsonNode liveProposal = hub.open(hub.dao("live", chains, constitution(7200)), "policy", "Live",
                    voters.get(0), chain.chainId, spoke.address());
            SpokeVoting spokeContract = chain.spoke(spoke.address(), TestChain.DEPLOYER);
            awaitOpened(spokeContract, onchainId(backfill));
            awaitOpened(spokeContract, onchainId(liveProposal));
            chain.mineUntilAfter(Math.max(backfill.get("voteStart").asLong(), liveProposal.get("voteStart").asLong()));

            backfill(platform, chain, spoke.address(), spokeContract, batcher, backfill, voters);
            live(platform, chain, chainDef.wsUrl(), spoke.address(), liveProposal, voters.subList(0, Math.min(live, n)));
        }
        System.exit(0);
    }

    static void backfill(Platform platform, TestChain chain, String spoke, SpokeVoting spokeContract, String batcher,
                         JsonNode proposal, List<Credentials> voters) throws Exception {
        platform.bridge.kill();
        BigInteger id = onchainId(proposal);
        long t = System.nanoTime();
        byte[] separator = new Eip712Domain("Synod", "1", chain.chainId, spoke).separator();
        List<String> sigs = IntStream.range(0, voters.size()).parallel()
                .mapToObj(i -> ballot(separator, id, support(i), voters.get(i), 0)).toList();
        BigInteger nonce = BenchChain.pendingNonce(chain, TestChain.DEPLOYER);
        List<CompletableFuture<String>> sent = new ArrayList<>();
        for (int from = 0; from < voters.size(); from += BATCH) {
            int to = Math.min(voters.size(), from + BATCH);
            List<Type> args = List.of(new Address(spoke), new Uint256(id),
                    new DynamicArray<>(Address.class, voters.subList(from, to).stream().map(v -> new Address(v.getAddress())).toList()),
                    new DynamicArray<>(Uint8.class, IntStream.range(from, to).mapToObj(i -> new Uint8(support(i))).toList()),
                    new DynamicArray<>(DynamicBytes.class, sigs.subList(from, to).stream()
                            .map(s -> new DynamicBytes(Numeric.hexStringToByteArray(s))).toList()));
            sent.add(BenchChain.send(chain, TestChain.DEPLOYER, nonce, 25_000_000, batcher,
                    FunctionEncoder.encode(new Function("vote", args, List.of()))));
            nonce = nonce.add(BigInteger.ONE);
        }
        long firstBlock = Long.MAX_VALUE;
        long lastBlock = 0;
        for (CompletableFuture<String> s : sent) {
            long b = BenchChain.receipt(chain, s.join()).getBlockNumber().longValueExact();
            firstBlock = Math.min(firstBlock, b);
            lastBlock = Math.max(lastBlock, b);
        }
        var onChain = spokeContract.proposalVotes(id).send();
        BigInteger spokeTotal = onChain.component1().add(onChain.component2()).add(onChain.component3());
        System.out.printf("backfill: %d votes mined in blocks %d..%d in %.1fs (bridge down); spoke total %s%n",
                voters.size(), firstBlock, lastBlock, (System.nanoTime() - t) / 1e9, spokeTotal);

        long voteEnd = proposal.get("voteEnd").asLong();
        chain.mineUntilAfter(voteEnd);
        long wait = (voteEnd + 1) * 1000 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait); // the hub's clock must pass voteEnd too
        }
        for (int i = 0; i < 3; i++) {
            chain.mine(); // past voteEnd by more than the chain's confirmations:2
        }

        // the tally's live stream, not polling: every change is pushed and time-stamped on arrival, and the
        // measurement adds no load of its own to the services it measures
        String streamUrl = platform.voting.url() + "/proposals/" + proposal.get("id").asText() + "/tally/stream";
        long[] seen = new long[3]; // first vote counted, all counted, final
        long[] firstCount = new long[1]; // voters in the first tally that counted any: the window starts after them
        String[] wrong = new String[1];
        String[] cpu = new String[1];
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        HTTP.sendAsync(HttpRequest.newBuilder(URI.create(streamUrl)).header("accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().filter(l -> l.startsWith("data:")).forEach(line -> {
                    long now = System.nanoTime();
                    JsonNode tally;
                    try {
                        tally = JsonHttp.JSON.readTree(line.substring(5));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    long counted = tally.get("voters").asLong();
                    if (counted > 0 && seen[0] == 0) {
                        seen[0] = now;
                        firstCount[0] = counted;
                        cpuAtFirst = CpuAccount.snapshot();
                    }
                    if (counted == voters.size() && seen[1] == 0) {
                        seen[1] = now;
                    }
                    if ("final".equals(tally.get("status").asText()) && seen[2] == 0) {
                        seen[2] = now;
                        cpu[0] = CpuAccount.since(cpuAtFirst == null ? Map.of() : cpuAtFirst);
                        if (counted != voters.size() || !spokeTotal.toString().equals(tally.get("participation").asText())) {
                            wrong[0] = "final tally counts " + counted + " voters and " + tally.get("participation").asText()
                                    + ", the spoke " + voters.size() + " and " + spokeTotal;
                        }
                        done.countDown();
                    }
                }));
        long launched = System.nanoTime();
        platform.bridge.start();
        long ready = System.nanoTime();
        if (!done.await(10, java.util.concurrent.TimeUnit.MINUTES)) {
            throw new IllegalStateException("the tally did not turn final in 10 minutes");
        }
        if (wrong[0] != null) {
            throw new IllegalStateException("WRONG RESULT: " + wrong[0]);
        }
        double firstToFinal = (seen[2] - seen[0]) / 1e9;
        System.out.printf("backfill: bridge launched → ready %.2fs, → first vote counted %.2fs, → all %d counted %.2fs,"
                        + " → final %.2fs%n", (ready - launched) / 1e9, (seen[0] - launched) / 1e9, voters.size(),
                (seen[1] - launched) / 1e9, (seen[2] - launched) / 1e9);
        System.out.printf("backfill: %.0f votes/s from the first counted vote to the final tally (%.2fs, the first tally"
                        + " counting %d); %.0f votes/s from the bridge ready; %.0f votes/s including the bridge's JVM start%n",
                (voters.size() - firstCount[0]) / firstToFinal, firstToFinal, firstCount[0],
                voters.size() / ((seen[2] - ready) / 1e9), voters.size() / ((seen[2] - launched) / 1e9));
        System.out.printf("backfill: CPU from the first counted vote to the final tally: %s%n", cpu[0]);
    }

    /**
     * One vote at a time (random gaps of 100–400 ms), each relayed in its own transaction. The harness
     * follows new heads over its own WebSocket, as bridge-service does, and the tally's live stream on
     * another connection; both are time-stamped on arrival. Latency: the vote's block announced → the
     * stream showing the vote.
     */
    static void live(Platform platform, TestChain chain, String wsUrl, String spoke, JsonNode proposal, List<Credentials> voters)
            throws Exception {
        BigInteger id = onchainId(proposal);
        String streamUrl = platform.voting.url() + "/proposals/" + proposal.get("id").asText() + "/tally/stream";
        Map<Long, Long> shownAt = new ConcurrentHashMap<>(); // voters count → when the stream showed it
        HTTP.sendAsync(HttpRequest.newBuilder(URI.create(streamUrl)).header("accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        long now = System.nanoTime();
                        try {
                            shownAt.putIfAbsent(JsonHttp.JSON.readTree(line.substring(5)).get("voters").asLong(), now);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
        Map<Long, Long> announcedAt = followHeads(wsUrl);
        Thread.sleep(500);
        byte[] separator = new Eip712Domain("Synod", "1", chain.chainId, spoke).separator();
        BigInteger nonce = BenchChain.pendingNonce(chain, TestChain.DEPLOYER);
        Latencies latency = new Latencies();
        int missed = 0;
        for (int i = 0; i < voters.size(); i++) {
            Credentials v = voters.get(i);
            String data = FunctionEncoder.encode(new Function("castVoteBySig", List.of(new Uint256(id), new Uint8(support(i)),
                    new Address(v.getAddress()), new DynamicBytes(Numeric.hexStringToByteArray(
                            ballot(separator, id, support(i), v, 1)))), List.of()));
            String hash = BenchChain.send(chain, TestChain.DEPLOYER, nonce, 300_000, spoke, data).join();
            nonce = nonce.add(BigInteger.ONE);
            long block = BenchChain.receipt(chain, hash).getBlockNumber().longValueExact();
            long expected = i + 1L;
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((!shownAt.containsKey(expected) || !announcedAt.containsKey(block)) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Long shown = shownAt.get(expected);
            Long announced = announcedAt.get(block);
            if (shown == null || announced == null) {
                missed++;
            } else {
                latency.add(shown - announced);
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(100, 400));
        }
        System.out.printf("live: block announced → provisional tally on the stream: %s; not shown within 5 s: %d%n",
                latency.summary(), missed);
    }

    /** eth_subscribe newHeads on a WebSocket of the harness's own: block number → when it was announced. */
    static Map<Long, Long> followHeads(String wsUrl) {
        Map<Long, Long> announcedAt = new ConcurrentHashMap<>();
        HTTP.newWebSocketBuilder().buildAsync(URI.create(wsUrl), new java.net.http.WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                long now = System.nanoTime();
                text.append(data);
                if (last) {
                    try {
                        JsonNode head = JsonHttp.JSON.readTree(text.toString()).path("params").path("result").path("number");
                        if (head.isTextual()) {
                            announcedAt.putIfAbsent(Long.decode(head.asText()), now);
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).thenCompose(ws -> ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}", true))
                .join();
        return announcedAt;
    }

    /** Signed delegations, then batches of transfer + delegateBySig through the BatchVoter. */
    static void enroll(TestChain chain, String token, String batcher, List<Credentials> voters) throws Exception {
        long expiry = chain.latestTimestamp() + 86_400;
        byte[] separator = new Eip712Domain("Bench Backfill", "1", chain.chainId, token).separator();
        List<Sign.SignatureData> sigs = voters.parallelStream().map(v -> Sign.signMessage(Eip712Domain.digest(separator,
                Keccak.hash(new AbiWords().bytes32(DELEGATION).address(v.getAddress()).uint(BigInteger.ZERO)
                        .uint(BigInteger.valueOf(expiry)).toBytes())), v.getEcKeyPair(), false)).toList();
        BigInteger nonce = BenchChain.pendingNonce(chain, TestChain.DEPLOYER);
        List<CompletableFuture<String>> sent = new ArrayList<>();
        for (int from = 0; from < voters.size(); from += BATCH) {
            int to = Math.min(voters.size(), from + BATCH);
            List<Sign.SignatureData> part = sigs.subList(from, to);
            List<Type> args = List.of(new Address(token), new Uint256(WEIGHT), new Uint256(expiry),
                    new DynamicArray<>(Address.class, voters.subList(from, to).stream().map(v -> new Address(v.getAddress())).toList()),
                    new DynamicArray<>(Uint8.class, part.stream().map(s -> new Uint8(s.getV()[0] & 0xff)).toList()),
                    new DynamicArray<>(Bytes32.class, part.stream().map(s -> new Bytes32(s.getR())).toList()),
                    new DynamicArray<>(Bytes32.class, part.stream().map(s -> new Bytes32(s.getS())).toList()));
            sent.add(BenchChain.send(chain, TestChain.DEPLOYER, nonce, 25_000_000, batcher,
                    FunctionEncoder.encode(new Function("enroll", args, List.of()))));
            nonce = nonce.add(BigInteger.ONE);
        }
        for (CompletableFuture<String> s : sent) {
            BenchChain.receipt(chain, s.join());
        }
    }

    static String deployBatchVoter(TestChain chain) throws Exception {
        String bin;
        try (var in = ChainVoteBenchmark.class.getClassLoader().getResourceAsStream("contracts/BatchVoter.bin")) {
            bin = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
        String hash = BenchChain.send(chain, TestChain.DEPLOYER, BenchChain.pendingNonce(chain, TestChain.DEPLOYER),
                3_000_000, null, bin).join();
        return BenchChain.receipt(chain, hash).getContractAddress();
    }

    static void awaitOpened(SpokeVoting spoke, BigInteger id) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (spoke.proposalSnapshot(id).send().signum() > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the relayer did not open proposal " + id + " on the spoke");
    }

    static Map<String, Object> constitution(int votingPeriod) {
        Map<String, Object> rules = BenchHub.rules(votingPeriod);
        return Map.of("policy", rules, "technical", rules, "treasury", rules, "constitutional", rules);
    }

    static BigInteger onchainId(JsonNode proposal) {
        return new BigInteger(proposal.get("onchainId").asText());
    }

    /** Against, for and abstain in turn, so every choice's sum is checked. */
    static int support(int i) {
        return i % 3;
    }

    /** nonce: the spoke's per-voter nonce (each voter's backfill ballot used 0, its live one 1). */
    static String ballot(byte[] separator, BigInteger proposalId, int support, Credentials v, long nonce) {
        return TypedSigner.signDigest(v, Eip712Domain.digest(separator, Keccak.hash(new AbiWords().bytes32(BALLOT)
                .uint(proposalId).uint(support).address(v.getAddress()).uint(nonce).toBytes())));
    }
}
