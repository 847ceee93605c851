package io.synod.bridge.relay;

import static io.synod.bridge.Blocking.await;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.synod.bridge.ChainLeases;
import io.synod.bridge.chain.ChainClient;
import io.synod.bridge.chain.ContractCallException;
import io.synod.bridge.config.ChainsConfig;
import io.synod.bridge.service.ChainRegistry;
import io.synod.bridge.watch.ProposalChain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint48;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Sends the relayer's transactions — spoke changes and treasury payouts — one chain at a time in order.
 * Before each send it asks the chain whether the change is already there (a lost receipt, a second
 * replica, a payout id the vault already paid); the transaction's hash is stored before broadcast; a
 * transaction not mined in time is replaced with the same nonce and higher fees; a failure is retried with
 * backoff and finally reported ({@code relay.failed}, or a failed payout receipt). A payout is reported paid
 * only once its block is final by the chain's rule, so a reorg cannot leave the treasury believing a
 * transfer that the chain dropped.
 */
@ApplicationScoped
public class Relayer {
    private static final Logger LOG = Logger.getLogger(Relayer.class);
    private static final long IDLE_MILLIS = 500;
    private static final long PAYMENT_SEARCH_BLOCKS = 2_000;
    private static final String PAYOUT_EXECUTED = Hash.sha3String("PayoutExecuted(bytes32,address,address,uint256)");

    private final ChainsConfig config;
    private final ChainRegistry registry;
    private final RelayStore store;
    private final Optional<Credentials> credentials;
    private final Map<Long, Semaphore> wake = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private final ChainLeases leases;

    public Relayer(ChainsConfig config, ChainRegistry registry, RelayStore store, ChainLeases leases) {
        this.leases = leases;
        this.config = config;
        this.registry = registry;
        this.store = store;
        this.credentials = config.relayer().privateKey().filter(k -> !k.isBlank()).map(k -> Credentials.create(k.trim()));
    }

    public boolean canSend() {
        return credentials.isPresent() && config.watch();
    }

    /** Every relayer thread still runs (liveness). */
    public boolean allAlive() {
        return threads.stream().allMatch(Thread::isAlive);
    }

    /** The relayer's public address; the key itself never leaves this class. */
    public Optional<String> address() {
        return credentials.map(Credentials::getAddress);
    }

    void start(@Observes StartupEvent ev) {
        if (!canSend()) {
            LOG.info("no relayer key configured: spokes are not written to");
            return;
        }
        LOG.infof("relayer %s", credentials.get().getAddress());
        for (ChainsConfig.Chain c : config.chains()) {
            if (c.spoke().isPresent() || !registry.get(c.chainId()).vaults().isEmpty()) {
                wake.put(c.chainId(), new Semaphore(0));
                String spoke = c.spoke().orElse(null);
                threads.add(Thread.ofPlatform().name("relay-" + c.chainId()).daemon()
                        .start(() -> loop(registry.get(c.chainId()), spoke)));
            }
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        wake.values().forEach(Semaphore::release);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** New work for a chain: look now instead of at the next idle tick. */
    public void wake(long chainId) {
        Semaphore s = wake.get(chainId);
        if (s != null) {
            s.release();
        }
    }

    private void loop(ChainRegistry.Entry chain, String spoke) {
        ChainClient client = chain.client();
        long chainId = client.chainId();
        while (running) {
            try {
                for (RelayAction a : leases.holds(chainId) ? await(() -> store.due(chainId)) : List.<RelayAction>of()) {
                    if (!running) {
                        return;
                    }
                    if (a.isPayout()) {
                        payout(chain, a);
                    } else {
                        process(client, spoke, a);
                    }
                }
            } catch (ChainLeases.LeaseLost e) {
                LOG.infof("%s; the new holder takes over its transactions", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warnf("chain %d: relayer pass failed (%s)", chainId, e.getMessage());
            }
            try {
                wake.get(chainId).tryAcquire(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                wake.get(chainId).drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void process(ChainClient client, String spoke, RelayAction a) {
        ProposalChain pc = await(() -> store.proposalChain(a.subject, a.chainId));
        if (pc == null) {
            finish(a, RelayAction.FAILED, "unknown proposal on this chain");
            return;
        }
        int before = a.attempts;
        try {
            if (a.txHash != null) {
                ChainClient.TxReceipt r = client.receipt(a.txHash);
                if (r != null) {
                    if (r.ok()) {
                        finish(a, RelayAction.CONFIRMED, null);
                    } else {
                        failedAttempt(a, "transaction reverted in block " + r.blockNumber(), true);
                    }
                    return;
                }
                if (a.sentAt != null && a.sentAt.plus(config.relayer().receiptTimeout()).isAfter(Instant.now())) {
                    awaitReceipt(client, a);
                    return;
                }
                // not mined in time: replace it (same nonce, fees up by a quarter)
                send(client, spoke, calldata(a, pc), a, a.nonce, bump(a.priorityFee), bump(a.maxFee));
                awaitReceipt(client, a);
                return;
            }
            if (alreadyDone(client, spoke, a, pc)) {
                finish(a, RelayAction.CONFIRMED, null);
                return;
            }
            BigInteger tip = client.maxPriorityFee();
            BigInteger maxFee = client.baseFee().multiply(BigInteger.TWO).add(tip);
            send(client, spoke, calldata(a, pc), a, client.pendingNonce(credentials.get().getAddress()), tip, maxFee);
            awaitReceipt(client, a);
        } catch (ContractCallException e) {
            failedAttempt(a, e.getMessage(), a.attempts > before);
        }
    }

    /**
     * One pass over a payout: confirm it once its block is final (or find it reorged out), look for the
     * receipt of a sent transaction, or — unless the vault already paid this payout id — send it.
     */
    private void payout(ChainRegistry.Entry chain, RelayAction a) {
        ChainClient client = chain.client();
        int before = a.attempts;
        try {
            if (a.fromBlock == null) {
                Long earlier = await(() -> store.payoutSearchFrom(a.subject));
                long head = client.head().number();
                a.fromBlock = earlier == null ? head : Math.min(earlier, head);
                await(() -> store.save(a));
            }
            if (a.minedBlock != null) {
                ChainClient.BlockHead head = client.head();
                ChainClient.BlockHead fin = client.finalBlock(chain.finality(), head);
                ChainClient.BlockHead at = client.block(a.minedBlock);
                if (at == null || !at.hash().equals(a.minedHash)) {
                    LOG.warnf("chain %d: payout %s's block %d left the chain; looking again", a.chainId, a.subject, a.minedBlock);
                    a.minedBlock = null;
                    a.minedHash = null;
                    await(() -> store.save(a));
                } else if (fin != null && fin.number() >= a.minedBlock) {
                    finish(a, RelayAction.CONFIRMED, null);
                }
                return;
            }
            if (a.txHash != null) {
                ChainClient.TxReceipt r = client.receipt(a.txHash);
                if (r != null) {
                    minedOrFailed(a, r);
                    return;
                }
                if (a.sentAt != null && a.sentAt.plus(config.relayer().receiptTimeout()).isAfter(Instant.now())) {
                    awaitPayoutReceipt(client, a);
                    return;
                }
            }
            if (paidAlready(client, a)) {
                return;
            }
            if (a.txHash != null) {
                send(client, a.target, a.calldata, a, a.nonce, bump(a.priorityFee), bump(a.maxFee));
            } else {
                BigInteger tip = client.maxPriorityFee();
                send(client, a.target, a.calldata, a, client.pendingNonce(credentials.get().getAddress()), tip,
                        client.baseFee().multiply(BigInteger.TWO).add(tip));
            }
            awaitPayoutReceipt(client, a);
        } catch (ContractCallException e) {
            failedAttempt(a, PayoutCall.explain(e.getMessage()), a.attempts > before);
        }
    }

    /** The vault says this payout id is paid: find the paying transaction and wait for its finality. */
    private boolean paidAlready(ChainClient client, RelayAction a) {
        String paid = client.callHex(a.target, encode("paid", new Bytes32(Numeric.hexStringToByteArray(a.subject))));
        if (uint(paid).signum() == 0) {
            return false;
        }
        long head = client.head().number();
        for (long from = a.fromBlock; from <= head; from += PAYMENT_SEARCH_BLOCKS) {
            List<org.web3j.protocol.core.methods.response.Log> logs = client.logsWithTopics(from,
                    Math.min(head, from + PAYMENT_SEARCH_BLOCKS - 1), a.target, PAYOUT_EXECUTED, a.subject);
            if (!logs.isEmpty()) {
                var log = logs.getFirst();
                a.txHash = log.getTransactionHash();
                a.minedBlock = log.getBlockNumber().longValueExact();
                a.minedHash = log.getBlockHash();
                await(() -> store.save(a));
                return true;
            }
        }
        // paid, but not where we looked (before this bridge took it on): the vault's word is final enough
        finish(a, RelayAction.CONFIRMED, null);
        return true;
    }

    private void awaitPayoutReceipt(ChainClient client, RelayAction a) {
        Instant deadline = a.sentAt.plus(config.relayer().receiptTimeout());
        while (running && Instant.now().isBefore(deadline)) {
            ChainClient.TxReceipt r = client.receipt(a.txHash);
            if (r != null) {
                minedOrFailed(a, r);
                return;
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private void minedOrFailed(RelayAction a, ChainClient.TxReceipt r) {
        if (!r.ok()) {
            failedAttempt(a, "transaction reverted in block " + r.blockNumber(), true);
            return;
        }
        a.minedBlock = r.blockNumber();
        a.minedHash = r.blockHash();
        await(() -> store.save(a));
    }

    private void send(ChainClient client, String to, String data, RelayAction a, long nonce, BigInteger tip,
                      BigInteger maxFee) {
        BigInteger gas = client.estimateGas(credentials.get().getAddress(), to, data);
        RawTransaction tx = RawTransaction.createTransaction(a.chainId, BigInteger.valueOf(nonce),
                gas.multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN), to, BigInteger.ZERO, data, tip, maxFee);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, a.chainId, credentials.get()));
        a.txHash = Hash.sha3(signed);
        a.nonce = nonce;
        a.priorityFee = tip;
        a.maxFee = maxFee;
        a.sentAt = Instant.now();
        a.attempts++;
        await(() -> store.save(a)); // the hash is on record before the transaction exists anywhere else
        client.sendRaw(signed);
    }

    private void awaitReceipt(ChainClient client, RelayAction a) {
        Instant deadline = a.sentAt.plus(config.relayer().receiptTimeout());
        while (running && Instant.now().isBefore(deadline)) {
            ChainClient.TxReceipt r = client.receipt(a.txHash);
            if (r != null) {
                if (r.ok()) {
                    finish(a, RelayAction.CONFIRMED, null);
                } else {
                    failedAttempt(a, "transaction reverted in block " + r.blockNumber(), true);
                }
                return;
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private boolean alreadyDone(ChainClient client, String spoke, RelayAction a, ProposalChain pc) {
        BigInteger id = new BigInteger(pc.onchainId);
        String kind = a.action.split(":")[0];
        return switch (kind) {
            case "open" -> uint(client.callHex(spoke, encode("proposalDeadline", new Uint256(id)))).signum() > 0;
            case "extend" -> uint(client.callHex(spoke, encode("proposalDeadline", new Uint256(id))))
                    .compareTo(BigInteger.valueOf(Long.parseLong(a.action.split(":")[1]))) >= 0;
            case "cancel" -> {
                try {
                    yield uint(client.callHex(spoke, encode("state", new Uint256(id)))).intValue() == 2;
                } catch (ContractCallException e) {
                    yield true; // never opened here: nothing to cancel
                }
            }
            default -> throw new IllegalStateException("unknown relay action " + a.action);
        };
    }

    private static String calldata(RelayAction a, ProposalChain pc) {
        BigInteger id = new BigInteger(pc.onchainId);
        String[] parts = a.action.split(":");
        return switch (parts[0]) {
            case "open" -> encode("openProposal", new Uint256(id), new Address(pc.token), new Uint48(pc.voteStart),
                    new Uint48(pc.voteEnd), new Uint8(pc.choiceCount), new Bool(pc.approval));
            case "extend" -> encode("extendDeadline", new Uint256(id), new Uint48(Long.parseLong(parts[1])));
            case "cancel" -> encode("cancelProposal", new Uint256(id));
            default -> throw new IllegalStateException("unknown relay action " + a.action);
        };
    }

    private static String encode(String name, org.web3j.abi.datatypes.Type<?>... args) {
        return FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
    }

    private static BigInteger uint(String hex) {
        String h = Numeric.cleanHexPrefix(hex);
        return h.isEmpty() ? BigInteger.ZERO : new BigInteger(h.substring(0, Math.min(64, h.length())), 16);
    }

    private void failedAttempt(RelayAction a, String error, boolean counted) {
        a.txHash = null;
        a.lastError = printable(error);
        if (!counted) {
            a.attempts++; // a refused estimate or broadcast counts as an attempt too
        }
        if (a.attempts >= config.relayer().maxAttempts()) {
            finish(a, RelayAction.FAILED, a.lastError);
            return;
        }
        LOG.warnf("chain %d: %s of %s failed (attempt %d): %s", a.chainId, a.action, a.subject, a.attempts, a.lastError);
        await(() -> store.save(a));
        sleep(Duration.ofMillis(Math.min(10_000, 250L << Math.min(a.attempts, 6))));
    }

    /** Revert data decoded as text holds NULs and other control bytes: keep what a person can read. */
    private static String printable(String error) {
        if (error == null) {
            return null;
        }
        String clean = error.replaceAll("[\\p{Cntrl}\\x{FFFD}]", "").trim();
        return clean.substring(0, Math.min(500, clean.length()));
    }

    private void finish(RelayAction a, String status, String error) {
        a.status = status;
        a.lastError = printable(error);
        await(() -> store.save(a));
        if (RelayAction.FAILED.equals(status)) {
            LOG.errorf("chain %d: %s of %s given up: %s", a.chainId, a.action, a.subject, error);
        }
    }

    private static BigInteger bump(BigInteger fee) {
        return fee.multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4)).add(BigInteger.ONE);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
