package io.synod.treasury;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who must stand aside on an application. A member declares interests (addresses they control or are paid
 * by, organisations they belong to, e.g. {@code org:acme-labs}); an application names its applicant and
 * recipient addresses and its affiliations. A member is recused when any of the application's parties is
 * one of their interests, or is the member's own address. Matching ignores case and surrounding spaces.
 */
public final class ConflictOfInterest {

    /** A committee member as conflicts see them: subject, own address (may be null), declared interests. */
    public record Member(String subject, String address, Collection<String> interests) {}

    private ConflictOfInterest() {}

    /** @return the subjects of members who are recused, sorted */
    public static Set<String> recused(List<Member> members, String applicant, String recipient, Collection<String> affiliations) {
        Set<String> parties = new HashSet<>();
        parties.add(key(applicant));
        parties.add(key(recipient));
        affiliations.forEach(a -> parties.add(key(a)));
        Set<String> out = new TreeSet<>();
        for (Member m : members) {
            boolean own = m.address() != null && parties.contains(key(m.address()));
            if (own || m.interests().stream().map(ConflictOfInterest::key).anyMatch(parties::contains)) {
                out.add(m.subject());
            }
        }
        return out;
    }

    static String key(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
