package de.lotse.decision.facts;

import java.util.Set;

/**
 * A named list of codes from rules/catalogues/ (country groups, ISCO-08 groups), in the version in force on the
 * assessment date. ISCO lists match by prefix ("25" covers 2512). In a rule:
 * {@code CodeList(name == "WESTERN_BALKANS", includes($country))}.
 */
public final class CodeList {

    private final String name;
    private final Set<String> members;
    private final boolean prefixMatch;

    public CodeList(String name, Set<String> members, boolean prefixMatch) {
        this.name = name;
        this.members = Set.copyOf(members);
        this.prefixMatch = prefixMatch;
    }

    public String getName() { return name; }
    public Set<String> getMembers() { return members; }

    /** True if the code is on the list (for prefix lists: if a member is a prefix of the code). */
    public boolean includes(String code) {
        if (code == null) {
            return false;
        }
        if (!prefixMatch) {
            return members.contains(code);
        }
        for (int length = 1; length <= code.length(); length++) {
            if (members.contains(code.substring(0, length))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() { return "CodeList[" + name + "]"; }
}
