package de.lotse.decision;

/** Port: hands out the knowledge base currently in service. */
public interface RuleBookProvider {

    RuleBook current();
}
