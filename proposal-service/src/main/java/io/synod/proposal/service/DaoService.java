package io.synod.proposal.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.synod.events.ChainRef;
import io.synod.proposal.Constitution;
import io.synod.proposal.TypeRules;
import io.synod.proposal.repository.ConstitutionRecord;
import io.synod.proposal.repository.DaoRecord;
import io.synod.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** DAOs, sub-DAOs and their versioned constitutions. */
@ApplicationScoped
public class DaoService {
    private final Codec codec;

    public DaoService(Codec codec) {
        this.codec = codec;
    }

    public record ConstitutionView(int version, String adoptedBy, Instant adoptedAt, Map<String, TypeRules> rules) {}

    public record DaoView(String slug, String name, String parent, String guardian, List<ChainRef> chains,
                          ConstitutionView constitution, List<String> subDaos, Instant createdAt) {}

    @WithTransaction
    public Uni<DaoView> create(Requests.CreateDao req, String admin) {
        Constitution constitution;
        try {
            constitution = Constitution.of(req.constitution());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-constitution", e.getMessage());
        }
        List<String> problems = constitution.problems();
        if (!problems.isEmpty()) {
            throw new ProblemException(422, "invalid-constitution", "Invalid constitution", String.join("; ", problems),
                    Map.of("problems", problems));
        }
        if (new HashSet<>(req.chains().stream().map(Requests.DaoChain::chainId).toList()).size() != req.chains().size()) {
            throw ProblemException.badRequest("duplicate-chain", "each chain may appear once");
        }
        Uni<Void> parentExists = req.parent() == null ? Uni.createFrom().voidItem()
                : DaoRecord.<DaoRecord>findById(req.parent()).onItem().ifNull()
                        .failWith(() -> new ProblemException(422, "unknown-parent", "Unknown parent DAO",
                                "no DAO " + req.parent() + " to be a sub-DAO of"))
                        .replaceWithVoid();
        return parentExists.chain(() -> DaoRecord.findById(req.slug())).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("dao-exists", "DAO exists", "a DAO with slug " + req.slug() + " exists");
            }
            DaoRecord dao = new DaoRecord();
            dao.slug = req.slug();
            dao.name = req.name();
            dao.parent = req.parent();
            dao.guardian = req.guardian() == null ? null : req.guardian().toLowerCase();
            dao.chainsJson = codec.write(req.chains().stream().map(Requests.DaoChain::ref).toList());
            dao.constitutionVersion = 1;
            dao.createdAt = Instant.now();
            dao.createdBy = admin;
            ConstitutionRecord c = new ConstitutionRecord();
            c.id = ConstitutionRecord.id(dao.slug, 1);
            c.dao = dao.slug;
            c.version = 1;
            c.rulesJson = codec.write(constitution.byId());
            c.adoptedBy = "genesis";
            c.adoptedAt = dao.createdAt;
            return dao.persist().chain(() -> c.persist()).chain(() -> view(dao));
        });
    }

    @WithSession
    public Uni<DaoView> get(String slug) {
        return find(slug).chain(this::view);
    }

    @WithTransaction
    public Uni<DaoView> setGuardian(String slug, String guardian) {
        return find(slug).invoke(d -> d.guardian = guardian == null ? null : guardian.toLowerCase()).chain(this::view);
    }

    @WithSession
    public Uni<ConstitutionView> constitution(String slug, int version) {
        return find(slug).chain(d -> ConstitutionRecord.<ConstitutionRecord>findById(ConstitutionRecord.id(slug, version)))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("constitution-version", slug + " v" + version))
                .map(this::view);
    }

    /** A passed constitutional proposal's rules become the next version. In the caller's transaction. */
    public Uni<Void> adopt(String slug, Map<String, TypeRules> rules, String proposalId) {
        return find(slug).chain(d -> {
            d.constitutionVersion++;
            ConstitutionRecord c = new ConstitutionRecord();
            c.id = ConstitutionRecord.id(slug, d.constitutionVersion);
            c.dao = slug;
            c.version = d.constitutionVersion;
            c.rulesJson = codec.write(new java.util.TreeMap<>(rules));
            c.adoptedBy = proposalId;
            c.adoptedAt = Instant.now();
            return c.persist().replaceWithVoid();
        });
    }

    Uni<DaoRecord> find(String slug) {
        return DaoRecord.<DaoRecord>findById(slug).onItem().ifNull().failWith(() -> ProblemException.notFound("dao", slug));
    }

    Uni<Constitution> currentConstitution(DaoRecord d) {
        return ConstitutionRecord.<ConstitutionRecord>findById(ConstitutionRecord.id(d.slug, d.constitutionVersion))
                .map(c -> Constitution.of(codec.constitution(c.rulesJson)));
    }

    private Uni<DaoView> view(DaoRecord d) {
        return ConstitutionRecord.<ConstitutionRecord>findById(ConstitutionRecord.id(d.slug, d.constitutionVersion))
                .chain(c -> DaoRecord.<DaoRecord>list("parent = ?1 order by slug", d.slug).map(children ->
                        new DaoView(d.slug, d.name, d.parent, d.guardian, codec.chains(d.chainsJson), view(c),
                                children.stream().map(x -> x.slug).toList(), d.createdAt)));
    }

    private ConstitutionView view(ConstitutionRecord c) {
        return new ConstitutionView(c.version, c.adoptedBy, c.adoptedAt, codec.constitution(c.rulesJson));
    }
}
