package io.synod.treasury.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synod.rest.ProblemException;
import io.synod.signatures.Addresses;
import io.synod.treasury.Amounts;
import io.synod.treasury.Asset;
import io.synod.treasury.JournalEntry;
import io.synod.treasury.repository.TreasuryRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A DAO's treasuries: one per chain and asset, held in the DAO's vault there. Registration checks the asset
 * on chain (decimals, symbol); reconciliation compares the ledger with what the vault really holds and books
 * the difference (deposits, or money that left the vault outside Synod's payouts).
 */
@ApplicationScoped
public class TreasuryService {
    private final BridgeClient bridge;
    private final Ledger ledger;
    private final AuditLog audit;

    public TreasuryService(@RestClient BridgeClient bridge, Ledger ledger, AuditLog audit) {
        this.bridge = bridge;
        this.ledger = ledger;
        this.audit = audit;
    }

    public record TreasuryView(String dao, long chainId, String asset, String vault, int decimals, String symbol,
                               Instant registeredAt) {}

    /**
     * @param onchain    what the vault holds now, by the chain
     * @param ledger     what the ledger says it holds
     * @param difference onchain − ledger: deposits not yet booked (positive) or unexplained outflows (negative)
     * @param display    the same amounts with the asset's decimals
     */
    public record Reconciliation(TreasuryView treasury, String onchain, String ledger, String difference, long blockNumber,
                                 Map<String, String> display) {}

    public Uni<TreasuryView> register(String dao, long chainId, String assetIn, String vaultIn, Actor admin) {
        String asset = asset(assetIn);
        String vault = address("vault", vaultIn);
        return read(chainId, asset, vault).chain(h -> Panache.withTransaction(() ->
                TreasuryRecord.<TreasuryRecord>findById(TreasuryRecord.id(dao, chainId, asset)).chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("treasury-exists", "Treasury exists",
                                dao + " already has a treasury of " + asset + " on chain " + chainId);
                    }
                    TreasuryRecord t = new TreasuryRecord();
                    t.id = TreasuryRecord.id(dao, chainId, asset);
                    t.dao = dao;
                    t.chainId = chainId;
                    t.asset = asset;
                    t.vault = vault;
                    t.decimals = h.decimals();
                    t.symbol = h.symbol();
                    t.registeredBy = admin.subject();
                    t.registeredAt = Instant.now();
                    return t.persist().chain(() -> audit.record(admin.subject(), "treasury-registered", "treasury:" + t.id,
                            Map.of("vault", vault, "decimals", h.decimals(), "symbol", h.symbol()))).replaceWith(view(t));
                })));
    }

    public Uni<List<TreasuryView>> list(String dao) {
        return Panache.withSession(() -> TreasuryRecord.<TreasuryRecord>list("dao = ?1 order by chainId, asset", dao))
                .map(rows -> rows.stream().map(TreasuryService::view).toList());
    }

    /** The treasury's vault balance on chain next to the ledger's. */
    public Uni<Reconciliation> reconciliation(String dao, long chainId, String assetIn) {
        String asset = asset(assetIn);
        return Panache.withSession(() -> find(dao, chainId, asset))
                .chain(t -> read(chainId, asset, t.vault).chain(h -> Panache.withSession(() ->
                        ledger.balance(JournalEntry.vault(dao), chainId, asset)).map(booked -> reconciliation(t, h, booked))));
    }

    /** Books the difference between chain and ledger, so the ledger again says what the vault holds. */
    public Uni<Reconciliation> reconcile(String dao, long chainId, String assetIn, Actor admin) {
        String asset = asset(assetIn);
        return Panache.withSession(() -> find(dao, chainId, asset)).chain(t -> read(chainId, asset, t.vault)
                .chain(h -> Panache.withTransaction(() -> TreasuryRecord.<TreasuryRecord>findById(t.id,
                        jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).chain(locked ->
                        ledger.balance(JournalEntry.vault(dao), chainId, asset).chain(booked -> {
                            BigInteger diff = new BigInteger(h.balance()).subtract(booked);
                            if (diff.signum() == 0) {
                                return Uni.createFrom().item(reconciliation(t, h, booked));
                            }
                            String memo = "vault balance " + h.balance() + " at block " + h.blockNumber();
                            JournalEntry e = diff.signum() > 0
                                    ? JournalEntry.transfer("deposit-reconciled", "treasury:" + t.id, memo,
                                            JournalEntry.vault(dao), JournalEntry.deposits(dao), chainId, asset, diff)
                                    : JournalEntry.transfer("outflow-reconciled", "treasury:" + t.id, memo,
                                            JournalEntry.deposits(dao), JournalEntry.vault(dao), chainId, asset, diff.negate());
                            return ledger.post(e).chain(() -> audit.record(admin.subject(), "treasury-reconciled",
                                            "treasury:" + t.id, Map.of("booked", diff.toString(), "block", h.blockNumber())))
                                    .replaceWith(() -> reconciliation(t, h, booked.add(diff)));
                        })))));
    }

    /** The vault that pays {@code asset} on {@code chainId} for {@code dao}; 422 if none is registered. */
    public Uni<TreasuryRecord> find(String dao, long chainId, String asset) {
        return TreasuryRecord.<TreasuryRecord>findById(TreasuryRecord.id(dao, chainId, asset)).onItem().ifNull()
                .failWith(() -> new ProblemException(422, "no-treasury", "No treasury",
                        dao + " has no treasury of " + asset + " on chain " + chainId));
    }

    private Uni<BridgeClient.Holding> read(long chainId, String asset, String vault) {
        return bridge.asset(chainId, asset, vault).ifNoItem().after(Duration.ofSeconds(10)).fail()
                .onFailure().transform(e -> {
                    if (e instanceof WebApplicationException w && w.getResponse().getStatus() == 422) {
                        return new ProblemException(422, "not-a-token", "Not a token",
                                asset + " on chain " + chainId + " is not an ERC-20 token");
                    }
                    if (e instanceof WebApplicationException w && w.getResponse().getStatus() == 404) {
                        return new ProblemException(422, "chain-not-served", "Chain not served",
                                "bridge-service does not serve chain " + chainId);
                    }
                    return new ProblemException(503, "chain-unavailable", "Chain unavailable",
                            "chain " + chainId + " cannot be read right now", Map.of("chainId", chainId));
                });
    }

    private static Reconciliation reconciliation(TreasuryRecord t, BridgeClient.Holding h, BigInteger booked) {
        BigInteger onchain = new BigInteger(h.balance());
        BigInteger diff = onchain.subtract(booked);
        return new Reconciliation(view(t), onchain.toString(), booked.toString(), diff.toString(), h.blockNumber(),
                Map.of("onchain", Amounts.display(onchain, t.decimals), "ledger", Amounts.display(booked, t.decimals),
                        "difference", Amounts.display(diff, t.decimals)));
    }

    static TreasuryView view(TreasuryRecord t) {
        return new TreasuryView(t.dao, t.chainId, t.asset, t.vault, t.decimals, t.symbol, t.registeredAt);
    }

    static String asset(String a) {
        try {
            return Asset.normalize(a);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-asset", e.getMessage());
        }
    }

    static String address(String what, String a) {
        if (!Addresses.isAddress(a)) {
            throw ProblemException.badRequest("bad-address", what + " must be a 0x-prefixed 20-byte hex address");
        }
        return Addresses.normalize(a);
    }
}
