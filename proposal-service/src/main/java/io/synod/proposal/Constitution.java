package io.synod.proposal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A DAO's rules per proposal type. Versioned: after genesis it changes only by a passed constitutional proposal. */
public record Constitution(Map<ProposalType, TypeRules> rules) {

    public Constitution {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    public static Constitution of(Map<String, TypeRules> byId) {
        Map<ProposalType, TypeRules> m = new EnumMap<>(ProposalType.class);
        byId.forEach((k, v) -> m.put(ProposalType.of(k), v));
        return new Constitution(m);
    }

    /** @return what is wrong, empty if nothing */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        for (ProposalType t : ProposalType.values()) {
            TypeRules r = rules.get(t);
            if (r == null) {
                p.add("rules for " + t.id() + " proposals are missing");
            } else if (r.superQuorumBps() != null && r.superQuorumBps() < r.quorumBps()) {
                p.add(t.id() + ": superQuorumBps must not be below quorumBps");
            }
        }
        // the rules that change the rules must be at least as demanding as any other
        TypeRules c = rules.get(ProposalType.CONSTITUTIONAL);
        if (c != null) {
            for (TypeRules other : rules.values()) {
                if (c.quorumBps() < other.quorumBps() || c.approvalBps() < other.approvalBps()) {
                    p.add("constitutional: quorum and approval must be at least those of every other type");
                    break;
                }
            }
        }
        return p;
    }

    public TypeRules of(ProposalType type) {
        return rules.get(type);
    }

    public Map<String, TypeRules> byId() {
        Map<String, TypeRules> m = new java.util.TreeMap<>();
        rules.forEach((k, v) -> m.put(k.id(), v));
        return m;
    }
}
