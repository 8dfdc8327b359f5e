package de.lotse.knowledge;

import de.lotse.decision.LocalizedText;
import de.lotse.decision.facts.CodeList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** The named code lists of country-groups.yaml and isco-groups.yaml, each possibly in several dated versions. */
public final class CodeLists {

    /** One version of one list. */
    public record Version(String name, LocalizedText title, String reference, String source, LocalDate since,
                          CodeList list, String file) {
    }

    private final Map<String, List<Version>> versions;
    /** The lists in force from each date on which one of them changes, computed once at load time. */
    private final NavigableMap<LocalDate, List<CodeList>> periods = new TreeMap<>();

    CodeLists(List<Version> all) {
        Map<String, List<Version>> byName = new LinkedHashMap<>();
        for (Version v : all) {
            byName.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(v);
        }
        byName.values().forEach(list -> list.sort(Comparator.comparing(Version::since)));
        this.versions = byName;
        TreeSet<LocalDate> starts = new TreeSet<>();
        all.forEach(v -> starts.add(v.since()));
        for (LocalDate start : starts) {
            periods.put(start, Collections.unmodifiableList(inForce(start)));
        }
    }

    /** The version of every list in force on the date. */
    public List<CodeList> on(LocalDate date) {
        Map.Entry<LocalDate, List<CodeList>> period = periods.floorEntry(date);
        return period == null ? List.of() : period.getValue();
    }

    private List<CodeList> inForce(LocalDate date) {
        List<CodeList> result = new ArrayList<>();
        for (List<Version> list : versions.values()) {
            Version inForce = null;
            for (Version v : list) {
                if (!v.since().isAfter(date)) {
                    inForce = v;
                }
            }
            if (inForce != null) {
                result.add(inForce.list());
            }
        }
        return result;
    }

    public Map<String, List<Version>> all() {
        return versions;
    }

    static List<Version> read(YamlNode file, boolean prefixMatch, boolean countries) {
        List<Version> result = new ArrayList<>();
        for (YamlNode entry : file.require("lists").list()) {
            String name = entry.requireText("name");
            if (!name.matches("[A-Z0-9_]+")) {
                throw entry.error("list name '" + name + "' must be upper-case letters, digits and '_'");
            }
            LinkedHashSet<String> members = new LinkedHashSet<>();
            for (YamlNode member : entry.require("members").list()) {
                String code = member.text();
                if (countries ? !code.matches("[A-Z]{2}") : !code.matches("\\d{1,4}")) {
                    throw member.error("'" + code + "' is not " + (countries
                            ? "an ISO 3166-1 alpha-2 country code (e.g. IN, XK)" : "an ISCO-08 group of 1 to 4 digits, in quotes"));
                }
                if (!members.add(code)) {
                    throw member.error("'" + code + "' is listed twice");
                }
            }
            String source = entry.requireText("source");
            LocalDate since = entry.optionalDate("since");
            result.add(new Version(name, entry.require("title").localized(), entry.requireText("reference"), source,
                    since == null ? LocalDate.MIN : since, new CodeList(name, members, prefixMatch), file.file()));
        }
        return result;
    }
}
