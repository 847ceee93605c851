package io.synod.voting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synod.events.ChainRef;
import io.synod.events.VotingRules;
import io.synod.voting.CountingStrategy;
import io.synod.voting.TallyRules;
import io.synod.voting.repository.ProposalRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The JSON columns of a proposal record, as domain values. */
@ApplicationScoped
public class ProposalCodec {
    private final ObjectMapper json;

    public ProposalCodec(ObjectMapper json) {
        this.json = json;
    }

    public List<ChainRef> chains(ProposalRecord p) {
        return read(p.chainsJson, new TypeReference<>() {});
    }

    public ChainRef chain(ProposalRecord p, long chainId) {
        return chains(p).stream().filter(c -> c.chainId() == chainId).findFirst().orElse(null);
    }

    public TallyRules rules(ProposalRecord p) {
        VotingRules r = read(p.rulesJson, new TypeReference<>() {});
        return new TallyRules(CountingStrategy.of(r.strategy()), r.choices() == null ? List.of() : r.choices(),
                r.quorumBps(), r.approvalBps(), r.superQuorumBps(), r.lateQuorumExtensionSeconds());
    }

    public String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("corrupt record", ex);
        }
    }

    private <T> T read(String s, TypeReference<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("corrupt proposal record", ex);
        }
    }
}
