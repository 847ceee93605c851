package io.synod.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.synod.contracts.SynodToken;
import io.synod.signatures.AbiWords;
import io.synod.signatures.Eip712Domain;
import io.synod.signatures.Keccak;
import io.synod.signatures.SignerRecovery;
import io.synod.testing.Infra;
import io.synod.testing.JsonHttp;
import io.synod.testing.TypedSigner;
import io.synod.testing.LocalChains;
import io.synod.testing.LocalPostgres;
import io.synod.testing.Platform;
import io.synod.testing.TestChain;
import io.synod.testing.TestJwt;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;

/**
 * Signed ballots through the real services: REST, signature check, weight read from the chain through
 * bridge-service, nonce and vote rows, outbox. Then tally reads at a fixed rate. Usage (bin/bench):
 * {@code BallotBenchmark [holders=1500] [proposals=4] [concurrency=64] [tallyRate=2000] [tallySeconds=10]}
 */
public final class BallotBenchmark {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(java.util.concurrent.Executors.newFixedThreadPool(4)).build();
    /** The spokes deployed for this run: the EIP-712 verifying contracts of its ballots. */
    static String SPOKE_A;
    static String SPOKE_B;
    static final byte[] BALLOT = Keccak.hash("Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)");

    public static void main(String[] args) throws Exception {
        int holders = arg(args, 0, 1500);
        int proposals = arg(args, 1, 4);
        int concurrency = arg(args, 2, 64);
        int tallyRate = arg(args, 3, 2000);
        int tallySeconds = arg(args, 4, 10);

        String kafka = Infra.kafka();
        // chains of its own: thousands of benchmark transactions would otherwise slow the tests' chains
        List<Infra.Chain> chains = List.of(new Infra.Chain(31_337, 28_545), new Infra.Chain(42_161, 28_546));
        chains.forEach(c -> LocalChains.ensure(c.chainId(), c.port()));
        LocalPostgres.recreate("synod_proposal_bench");
        LocalPostgres.recreate("synod_voting_bench");
        TestChain a = new TestChain(chains.get(0));
        TestChain b = new TestChain(chains.get(1));
        SynodToken tokenA = a.deployToken("Bench A");
        SynodToken tokenB = b.deployToken("Bench B");
        TestChain.Spoke spokeA = a.deploySpoke();
        TestChain.Spoke spokeB = b.deploySpoke();
        SPOKE_A = spokeA.address();
        SPOKE_B = spokeB.address();
        LocalPostgres.recreate("synod_bridge_bench");
        List<Credentials> voters = IntStream.range(0, holders).mapToObj(i -> TestChain.newAccount()).toList();
        long t0 = System.nanoTime();
        CompletableFuture<Void> da = CompletableFuture.runAsync(() -> distribute(a, tokenA, voters));
        CompletableFuture<Void> db = CompletableFuture.runAsync(() -> distribute(b, tokenB, voters));
        CompletableFuture.allOf(da, db).join();
        a.mineUntilAfter(a.latestTimestamp());
        b.mineUntilAfter(b.latestTimestamp());
        repairDistribution(a, tokenA, voters);
        repairDistribution(b, tokenB, voters);
        System.out.printf("setup: %d holders on 2 chains in %.1fs%n", holders, (System.nanoTime() - t0) / 1e9);

        System.setProperty("synod.service.jvm-opts", BenchChain.serviceJvmOptions());
        try (Platform platform = new Platform(kafka, List.of(Platform.ChainSetup.of(chains.get(0), spokeA),
                Platform.ChainSetup.of(chains.get(1), spokeB)), 28_081, "_bench", TestJwt.publicKey(), TestJwt.ISSUER).start()) {
            String voting = platform.voting.url();
            BenchHub hub = new BenchHub(platform.proposals.url());
            Map<String, Object> rules = BenchHub.rules(3600);
            String dao = hub.dao("bench", List.of(Map.of("chainId", a.chainId, "token", tokenA.getContractAddress(), "spoke", SPOKE_A),
                            Map.of("chainId", b.chainId, "token", tokenB.getContractAddress(), "spoke", SPOKE_B)),
                    Map.of("policy", rules, "technical", rules, "treasury", rules, "constitutional", rules));
            List<JsonNode> open = new ArrayList<>();
            for (int p = 0; p < proposals; p++) {
                open.add(hub.open(dao, "policy", "Bench " + p, voters.get(0), a.chainId, SPOKE_A));
            }
            long voteStart = open.stream().mapToLong(p -> p.get("voteStart").asLong()).max().orElseThrow();
            a.mineUntilAfter(voteStart);
            b.mineUntilAfter(voteStart);
            Thread.sleep(1500); // voting-service has the proposals and the chains passed voteStart

            // pre-sign every ballot: signing is the wallet's cost, not the hub's
            List<byte[]> bodies = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            for (JsonNode p : open) {
                BigInteger onchain = new BigInteger(p.get("onchainId").asText());
                for (TestChain chain : List.of(a, b)) {
                    String spoke = chain == a ? SPOKE_A : SPOKE_B;
                    byte[] separator = new Eip712Domain("Synod", "1", chain.chainId, spoke).separator();
                    for (Credentials v : voters) {
                        long nonce = open.indexOf(p); // the voter's n-th ballot on this chain
                        String sig = sign(separator, onchain, 1, v, nonce);
                        bodies.add(JsonHttp.JSON.writeValueAsBytes(Map.of("chainId", chain.chainId, "voter", v.getAddress(),
                                "support", 1, "nonce", nonce, "signature", sig)));
                        paths.add(voting + "/proposals/" + p.get("id").asText() + "/ballots");
                    }
                }
            }
            // order by proposal so each voter's nonces arrive in sequence
            System.out.printf("signed %d ballots%n", bodies.size());

            microbenchmarks(bodies.size(), platform.bridge.url(), a.chainId, tokenA.getContractAddress(), voters, voteStart);

            Latencies ballotLatency = new Latencies();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            Semaphore inFlight = new Semaphore(concurrency);
            int perProposal = bodies.size() / open.size();
            long start = System.nanoTime();
            for (int p = 0; p < open.size(); p++) {
                if (p == 1) {
                    // the first proposal's wave warmed the JITs up: measure from here
                    System.out.printf("warm-up: %d ballots in %.2fs; %s%n", perProposal, (System.nanoTime() - start) / 1e9,
                            ballotLatency.summary());
                    ballotLatency = new Latencies();
                    statuses.clear();
                    start = System.nanoTime();
                }
                Latencies lat = ballotLatency;
                List<CompletableFuture<?>> wave = new ArrayList<>();
                for (int i = p * perProposal; i < (p + 1) * perProposal; i++) {
                    inFlight.acquire();
                    long sent = System.nanoTime();
                    wave.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(paths.get(i)))
                                    .header("content-type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(),
                            HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                                lat.add(System.nanoTime() - sent);
                                statuses.computeIfAbsent(e != null ? -1 : r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                                inFlight.release();
                            }));
                }
                // nonce n+1 of a voter must not overtake nonce n: each proposal's wave completes first
                CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            int measured = perProposal * (open.size() - 1);
            System.out.printf("ballots: %d in %.2fs = %.0f/s at concurrency %d; %s; statuses %s%n", measured, secs,
                    measured / secs, concurrency, ballotLatency.summary(), statuses);

            String tallyUrl = voting + "/proposals/" + open.get(0).get("id").asText() + "/tally";
            Thread.sleep(1000);
            System.out.println("tally after load: " + JsonHttp.get(tallyUrl).get("participation").asText() + " participation, "
                    + JsonHttp.get(tallyUrl).get("voters").asInt() + " voters");
            tallyReads(tallyUrl, tallyRate, tallySeconds);
        }
        System.exit(0);
    }

    /** Where a ballot's time goes: the pieces alone. */
    static void microbenchmarks(int n, String bridge, long chainId, String token, List<Credentials> voters, long voteStart)
            throws Exception {
        byte[] separator = new Eip712Domain("Synod", "1", chainId, SPOKE_A).separator();
        List<String> sigs = new ArrayList<>();
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Credentials v = voters.get(i % voters.size());
            byte[] d = digest(separator, BigInteger.valueOf(i), 1, v.getAddress(), 0);
            digests.add(d);
            sigs.add(sign(separator, BigInteger.valueOf(i), 1, v, 0));
        }
        long t = System.nanoTime();
        for (int i = 0; i < digests.size(); i++) {
            SignerRecovery.recover(digests.get(i), sigs.get(i));
        }
        System.out.printf("ecrecover (BouncyCastle, 1 thread): %.0f/s%n", digests.size() / ((System.nanoTime() - t) / 1e9));

        Latencies bridgeLatency = new Latencies();
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<?>> all = new ArrayList<>();
        t = System.nanoTime();
        int reads = Math.min(n, 3000);
        for (int i = 0; i < reads; i++) {
            inFlight.acquire();
            long sent = System.nanoTime();
            String url = bridge + "/chains/" + chainId + "/voting-power/" + voters.get(i % voters.size()).getAddress()
                    + "?token=" + token + "&timepoint=" + voteStart;
            all.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        bridgeLatency.add(System.nanoTime() - sent);
                        inFlight.release();
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        System.out.printf("bridge voting-power reads (anvil eth_call): %.0f/s; %s%n",
                reads / ((System.nanoTime() - t) / 1e9), bridgeLatency.summary());
    }

    /** Open loop: request i is due at start + i/rate; latency counts from when it was due. */
    static void tallyReads(String url, int rate, int seconds) throws Exception {
        Latencies lat = new Latencies();
        AtomicInteger errors = new AtomicInteger();
        int total = rate * seconds;
        List<CompletableFuture<?>> all = new ArrayList<>(total);
        long start = System.nanoTime();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            all.add(HTTP.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                lat.add(System.nanoTime() - due);
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        System.out.printf("tally reads at %d/s for %ds: %s errors=%d%n", rate, seconds, lat.summary(), errors.get());
    }

    static byte[] digest(byte[] separator, BigInteger proposalId, int support, String voter, long nonce) {
        return Eip712Domain.digest(separator, Keccak.hash(new AbiWords().bytes32(BALLOT).uint(proposalId).uint(support)
                .address(voter).uint(nonce).toBytes()));
    }

    static String sign(byte[] separator, BigInteger proposalId, int support, Credentials v, long nonce) {
        return TypedSigner.signDigest(v, digest(separator, proposalId, support, v.getAddress(), nonce));
    }

    /** Mints to every holder, then has each delegate to itself (holders' transactions in parallel). */
    static void distribute(TestChain chain, SynodToken token, List<Credentials> holders) {
        try {
            BigInteger nonce = BenchChain.pendingNonce(chain, TestChain.DEPLOYER);
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (Credentials h : holders) {
                String mint = FunctionEncoder.encode(new Function("mint",
                        List.of(new Address(h.getAddress()), new Uint256(BigInteger.TEN.pow(18))), List.of()));
                // one sender's transactions go in nonce order: out-of-order arrivals left gaps that stalled the sender
                BenchChain.send(chain, TestChain.DEPLOYER, nonce, 300_000, token.getContractAddress(), mint).join();
                nonce = nonce.add(BigInteger.ONE);
            }
            for (Credentials h : holders) {
                chain.fund(h.getAddress());
                String delegate = FunctionEncoder.encode(new Function("delegate", List.of(new Address(h.getAddress())), List.of()));
                sent.add(BenchChain.send(chain, h, BigInteger.ZERO, 300_000, token.getContractAddress(), delegate));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
            // automine mines one block per arriving transaction and a block holds only ~100 of these: after a
            // burst the rest wait for an arrival that never comes, so mine until the pool is empty
            BenchChain.drainPool(chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every holder must have votes before voteStart, or the run measures refusals: check, and redo any gap slowly. */
    static void repairDistribution(TestChain chain, SynodToken token, List<Credentials> holders) {
        long at = chain.latestTimestamp() - 1;
        int repaired = 0;
        for (Credentials h : holders) {
            if (chain.pastVotes(token, h.getAddress(), at).signum() == 0) {
                chain.giveVotes(token, h, BigInteger.TEN.pow(18));
                repaired++;
            }
        }
        chain.mineUntilAfter(chain.latestTimestamp());
        System.out.printf("chain %d: %d of %d holders needed a second try%n", chain.chainId, repaired, holders.size());
    }

    static int arg(String[] args, int i, int dflt) {
        return args.length > i ? Integer.parseInt(args[i]) : dflt;
    }
}
