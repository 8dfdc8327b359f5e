package de.lotse.decision.facts;

/** One citizenship of the candidate (ISO 3166-1 alpha-2, XK for Kosovo); a rule sees one fact per citizenship. */
public final class Citizenship {

    private final String country;

    public Citizenship(String country) {
        this.country = country;
    }

    public String getCountry() { return country; }

    @Override
    public String toString() { return "Citizenship[" + country + "]"; }
}
