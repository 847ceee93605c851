package io.synod.proposal.service;

import io.synod.events.ChainRef;
import io.synod.proposal.ProposalContent;
import io.synod.proposal.TypeRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A proposal as clients see it. Times on the voting clock are unix seconds. */
public record ProposalView(
        String id, String onchainId, String dao, String type, String state, ProposalContent content,
        String contentHash, String author, int constitutionVersion, TypeRules rules, List<ChainRef> chains,
        String sponsorPower, List<Sponsor> sponsors, long voteStart, long voteEnd, long eta,
        Map<String, Object> tally, List<Map<String, Object>> history, Instant createdAt, Instant updatedAt) {

    public record Sponsor(String sponsor, long chainId, String power, long timepoint, Instant at) {}

    public record Summary(String id, String dao, String type, String state, String title, String author,
                          long voteStart, long voteEnd, Instant createdAt) {}

    public record Page(List<Summary> items, int page, int size, long total) {}
}
