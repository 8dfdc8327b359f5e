package de.lotse.decision;

import de.lotse.decision.Advice.TraceEntry;
import de.lotse.decision.facts.RuleOutput;
import java.util.List;

/** What the rules recorded for one case, in the order they recorded it, and the rules that fired. */
public record Evaluation(List<RuleOutput> outputs, List<TraceEntry> trace) {
}
