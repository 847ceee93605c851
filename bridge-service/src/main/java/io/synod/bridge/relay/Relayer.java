package io.synod.bridge.relay;

import static io.synod.bridge.Blocking.await;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
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
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint48;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Sends the relayer's transactions to spokes, one chain at a time in order. Before each send it asks the
 * chain whether the change is already there (a lost receipt, a second replica); the transaction's hash is
 * stored before broadcast; a transaction not mined in time is replaced with the same nonce and higher
 * fees; a failure is retried with backoff and finally reported as a {@code relay.failed} event.
 */
@ApplicationScoped
public class Relayer {
    private static final Logger LOG = Logger.getLogger(Relayer.class);
    private static final long IDLE_MILLIS = 500;

    private final ChainsConfig config;
    private final ChainRegistry registry;
    private final RelayStore store;
    private final Optional<Credentials> credentials;
    private final Map<Long, Semaphore> wake = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public Relayer(ChainsConfig config, ChainRegistry registry, RelayStore store) {
        this.config = config;
        this.registry = registry;
        this.store = store;
        this.credentials = config.relayer().privateKey().filter(k -> !k.isBlank()).map(k -> Credentials.create(k.trim()));
    }

    public boolean canSend() {
        return credentials.isPresent() && config.watch();
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
            c.spoke().ifPresent(spoke -> {
                wake.put(c.chainId(), new Semaphore(0));
                threads.add(Thread.ofPlatform().name("relay-" + c.chainId()).daemon()
                        .start(() -> loop(registry.get(c.chainId()).client(), spoke)));
            });
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

    private void loop(ChainClient client, String spoke) {
        long chainId = client.chainId();
        while (running) {
            try {
                for (RelayAction a : await(() -> store.due(chainId))) {
                    if (!running) {
                        return;
                    }
                    process(client, spoke, a);
                }
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
        ProposalChain pc = await(() -> store.proposalChain(a.proposalId, a.chainId));
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
                send(client, spoke, a, pc, a.nonce, bump(a.priorityFee), bump(a.maxFee));
                return;
            }
            if (alreadyDone(client, spoke, a, pc)) {
                finish(a, RelayAction.CONFIRMED, null);
                return;
            }
            BigInteger tip = client.maxPriorityFee();
            BigInteger maxFee = client.baseFee().multiply(BigInteger.TWO).add(tip);
            send(client, spoke, a, pc, client.pendingNonce(credentials.get().getAddress()), tip, maxFee);
        } catch (ContractCallException e) {
            failedAttempt(a, e.getMessage(), a.attempts > before);
        }
    }

    private void send(ChainClient client, String spoke, RelayAction a, ProposalChain pc, long nonce, BigInteger tip,
                      BigInteger maxFee) {
        String data = calldata(a, pc);
        BigInteger gas = client.estimateGas(credentials.get().getAddress(), spoke, data);
        RawTransaction tx = RawTransaction.createTransaction(a.chainId, BigInteger.valueOf(nonce),
                gas.multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN), spoke, BigInteger.ZERO, data, tip, maxFee);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, a.chainId, credentials.get()));
        a.txHash = Hash.sha3(signed);
        a.nonce = nonce;
        a.priorityFee = tip;
        a.maxFee = maxFee;
        a.sentAt = Instant.now();
        a.attempts++;
        await(() -> store.save(a)); // the hash is on record before the transaction exists anywhere else
        client.sendRaw(signed);
        awaitReceipt(client, a);
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
        LOG.warnf("chain %d: %s of %s failed (attempt %d): %s", a.chainId, a.action, a.proposalId, a.attempts, a.lastError);
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
            LOG.errorf("chain %d: %s of %s given up: %s", a.chainId, a.action, a.proposalId, error);
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
