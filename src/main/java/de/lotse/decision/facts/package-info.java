/** Everything a rule in rules/ can read (parameters, code lists, catalogue entries) or record (findings, steps, documents). */
package de.lotse.decision.facts;
