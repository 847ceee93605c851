package io.synod.testing;

import io.synod.contracts.SynodToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/** A test's handle on one anvil chain: deploy the token, give voting power, move time. */
public final class TestChain implements AutoCloseable {
    /** anvil's first default account ("test test … junk" mnemonic): public knowledge, local chains only. */
    public static final Credentials DEPLOYER =
            Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static final StaticGasProvider GAS =
            new StaticGasProvider(BigInteger.valueOf(20_000_000_000L), BigInteger.valueOf(3_000_000));

    public final long chainId;
    public final String rpcUrl;
    public final Web3j web3j;
    private final HttpService http;

    public TestChain(Infra.Chain chain) {
        this.chainId = chain.chainId();
        this.rpcUrl = chain.rpcUrl();
        this.http = new HttpService(rpcUrl);
        this.web3j = Web3j.build(http);
    }

    public TransactionManager txManager(Credentials who) {
        return new RawTransactionManager(web3j, who, chainId, new NudgingReceiptProcessor());
    }

    /**
     * Polls for the receipt like web3j's processor, and mines a block when one is late: anvil's automine
     * now and then leaves a transaction pending when submissions overlap, until the next one arrives.
     */
    private final class NudgingReceiptProcessor extends org.web3j.tx.response.TransactionReceiptProcessor {
        NudgingReceiptProcessor() {
            super(web3j);
        }

        @Override
        public org.web3j.protocol.core.methods.response.TransactionReceipt waitForTransactionReceipt(String txHash)
                throws IOException, org.web3j.protocol.exceptions.TransactionException {
            for (int attempt = 1; attempt <= 500; attempt++) {
                var receipt = web3j.ethGetTransactionReceipt(txHash).send().getTransactionReceipt();
                if (receipt.isPresent()) {
                    return receipt.get();
                }
                if (attempt % 25 == 0) {
                    rpc("evm_mine", List.of());
                }
                Processes.sleep(20);
            }
            throw new org.web3j.protocol.exceptions.TransactionException("no receipt for " + txHash + " after 10 s", txHash);
        }
    }

    /**
     * The relayer of every test spoke: a key derived from a public phrase, for local chains only. Services
     * get it through their environment, as they would from a Secret.
     */
    public static final Credentials RELAYER = Credentials.create(org.web3j.crypto.Hash.sha3String("synod local relayer"));

    /** A deployed spoke and the block it was deployed in (where the bridge starts scanning). */
    public record Spoke(String address, long block) {}

    /** Deploys this chain's SpokeVoting, with {@link #RELAYER} allowed to open proposals on it. */
    public Spoke deploySpoke() {
        try {
            fund(RELAYER.getAddress());
            io.synod.contracts.SpokeVoting s = io.synod.contracts.SpokeVoting.deploy(web3j, txManager(DEPLOYER), GAS,
                    DEPLOYER.getAddress(), RELAYER.getAddress()).send();
            long block = s.getTransactionReceipt().orElseThrow().getBlockNumber().longValueExact();
            return new Spoke(s.getContractAddress(), block);
        } catch (Exception e) {
            throw new IllegalStateException("spoke deployment failed on chain " + chainId, e);
        }
    }

    /** Deploys a DAO's TreasuryVault: the deployer administers it, {@link #RELAYER} pays out of it. */
    public String deployVault() {
        try {
            fund(RELAYER.getAddress());
            return io.synod.contracts.TreasuryVault.deploy(web3j, txManager(DEPLOYER), GAS, DEPLOYER.getAddress(),
                    RELAYER.getAddress()).send().getContractAddress();
        } catch (Exception e) {
            throw new IllegalStateException("vault deployment failed on chain " + chainId, e);
        }
    }

    public io.synod.contracts.TreasuryVault vault(String address, Credentials who) {
        fund(who.getAddress());
        return io.synod.contracts.TreasuryVault.load(address, web3j, txManager(who), GAS);
    }

    /** Mints {@code amount} of an owner-minted SynodToken straight to {@code to} (e.g. a vault). */
    public void mint(SynodToken token, String to, BigInteger amount) {
        try {
            SynodToken.load(token.getContractAddress(), web3j, txManager(DEPLOYER), GAS).mint(to, amount).send();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public BigInteger balanceOf(SynodToken token, String holder) {
        try {
            return SynodToken.load(token.getContractAddress(), web3j, txManager(DEPLOYER), GAS).balanceOf(holder).send();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public BigInteger nativeBalance(String holder) {
        try {
            return web3j.ethGetBalance(holder, DefaultBlockParameterName.LATEST).send().getBalance();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public io.synod.contracts.SpokeVoting spoke(String address, Credentials who) {
        fund(who.getAddress());
        return io.synod.contracts.SpokeVoting.load(address, web3j, txManager(who), GAS);
    }

    public SynodToken deployToken(String name) {
        try {
            return SynodToken.deploy(web3j, txManager(DEPLOYER), GAS, name, "SYN", DEPLOYER.getAddress()).send();
        } catch (Exception e) {
            throw new IllegalStateException("token deployment failed on chain " + chainId, e);
        }
    }

    /** Mints to a holder and has the holder delegate to itself, so the tokens count as votes. */
    public void giveVotes(SynodToken token, Credentials holder, BigInteger amount) {
        try {
            fund(holder.getAddress());
            SynodToken.load(token.getContractAddress(), web3j, txManager(DEPLOYER), GAS)
                    .mint(holder.getAddress(), amount).send();
            SynodToken.load(token.getContractAddress(), web3j, txManager(holder), GAS)
                    .delegate(holder.getAddress()).send();
        } catch (Exception e) {
            throw new IllegalStateException("cannot give votes on chain " + chainId, e);
        }
    }

    public void transfer(SynodToken token, Credentials from, String to, BigInteger amount) {
        try {
            SynodToken.load(token.getContractAddress(), web3j, txManager(from), GAS).transfer(to, amount).send();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void delegate(SynodToken token, Credentials from, String to) {
        try {
            fund(from.getAddress());
            SynodToken.load(token.getContractAddress(), web3j, txManager(from), GAS).delegate(to).send();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public BigInteger pastVotes(SynodToken token, String account, long timepoint) {
        try {
            return SynodToken.load(token.getContractAddress(), web3j, txManager(DEPLOYER), GAS)
                    .getPastVotes(account, BigInteger.valueOf(timepoint)).send();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void fund(String address) {
        rpc("anvil_setBalance", List.of(address, "0x56BC75E2D63100000")); // 100 ETH
    }

    /** Mines one block now; its timestamp is the wall clock (or one past the previous block). */
    public long mine() {
        rpc("evm_mine", List.of());
        return latestTimestamp();
    }

    /** Mines blocks until the chain's clock has passed {@code unixSeconds}. */
    public void mineUntilAfter(long unixSeconds) {
        while (latestTimestamp() <= unixSeconds) {
            long wait = (unixSeconds + 1) * 1000 - System.currentTimeMillis();
            if (wait > 0) {
                Processes.sleep(Math.min(wait, 250));
            }
            mine();
        }
    }

    public long latestTimestamp() {
        try {
            return web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                    .getBlock().getTimestamp().longValueExact();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Credentials newAccount() {
        try {
            ECKeyPair pair = Keys.createEcKeyPair();
            return Credentials.create(pair);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Object rpc(String method, List<?> params) {
        try {
            Response<?> r = new Request<>(method, params, http, GenericResponse.class).send();
            if (r.hasError()) {
                throw new IllegalStateException(method + ": " + r.getError().getMessage());
            }
            return r.getResult();
        } catch (IOException e) {
            throw new IllegalStateException(method + " failed", e);
        }
    }

    public static final class GenericResponse extends Response<Object> {}

    @Override
    public void close() {
        web3j.shutdown();
    }
}
