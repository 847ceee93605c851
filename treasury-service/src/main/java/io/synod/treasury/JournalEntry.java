package io.synod.treasury;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One double-entry posting: lines that debit and credit accounts in one asset each, balanced per asset
 * (debits = credits). The ledger's accounts:
 * <ul>
 *   <li>{@code vault:<dao>} — the DAO's vault (an asset): credited when a payout leaves it, debited by
 *       deposits found when reconciling against the chain;</li>
 *   <li>{@code grant-expense:<envelopeId>} — what grants from an envelope cost, debited when a milestone is
 *       approved for payment;</li>
 *   <li>{@code grants-payable:<grantId>} — owed to a grantee: credited on approval, debited once paid;</li>
 *   <li>{@code deposits:<dao>} — money that came into the vault from outside (reconciliation).</li>
 * </ul>
 *
 * @param kind      what happened: {@code milestone-approved}, {@code payout-paid}, {@code deposit-reconciled}, …
 * @param reference the payout, milestone or treasury the entry is about
 */
public record JournalEntry(String kind, String reference, String memo, List<Line> lines) {

    /** @param chainId and asset: which money; exactly one of debit and credit is positive */
    public record Line(String account, long chainId, String asset, BigInteger debit, BigInteger credit) {
        public Line {
            if (debit.signum() < 0 || credit.signum() < 0 || (debit.signum() > 0) == (credit.signum() > 0)) {
                throw new IllegalArgumentException("a line either debits or credits a positive amount");
            }
        }

        public static Line debit(String account, long chainId, String asset, BigInteger amount) {
            return new Line(account, chainId, asset, amount, BigInteger.ZERO);
        }

        public static Line credit(String account, long chainId, String asset, BigInteger amount) {
            return new Line(account, chainId, asset, BigInteger.ZERO, amount);
        }
    }

    public JournalEntry {
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new IllegalArgumentException("an entry has at least two lines");
        }
        Map<String, BigInteger> balance = new HashMap<>();
        for (Line l : lines) {
            balance.merge(l.chainId() + ":" + l.asset(), l.debit().subtract(l.credit()), BigInteger::add);
        }
        if (balance.values().stream().anyMatch(b -> b.signum() != 0)) {
            throw new IllegalArgumentException("an entry's debits and credits must balance in every asset");
        }
    }

    /** Amount moved from {@code from} (credited) to {@code to} (debited). */
    public static JournalEntry transfer(String kind, String reference, String memo, String to, String from, long chainId,
                                        String asset, BigInteger amount) {
        return new JournalEntry(kind, reference, memo, List.of(Line.debit(to, chainId, asset, amount),
                Line.credit(from, chainId, asset, amount)));
    }

    public static String vault(String dao) {
        return "vault:" + dao;
    }

    public static String grantExpense(String envelopeId) {
        return "grant-expense:" + envelopeId;
    }

    public static String payable(String grantId) {
        return "grants-payable:" + grantId;
    }

    public static String deposits(String dao) {
        return "deposits:" + dao;
    }
}
