package de.lotse.knowledge;

import de.lotse.decision.Advice.TraceEntry;
import de.lotse.decision.CaseFacts;
import de.lotse.decision.Catalogue;
import de.lotse.decision.DateWindow;
import de.lotse.decision.Evaluation;
import de.lotse.decision.RuleBook;
import de.lotse.decision.facts.Assessment;
import de.lotse.decision.facts.Citizenship;
import de.lotse.decision.facts.Note;
import de.lotse.decision.facts.Parameter;
import de.lotse.decision.facts.Profession;
import de.lotse.decision.facts.RuleOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * One loaded, validated, immutable version of the rules folder: the compiled KieBase, parameters, code lists and
 * catalogues. The KieBase is shared; every decision gets a session of its own from a pool (reset after use). Versions
 * that differ only in data (parameters, catalogues, texts) share the compiled rules and the pool.
 */
public final class KnowledgeBase implements RuleBook {

    private final String version;
    private final Instant loadedAt;
    private final ParameterTable parameters;
    private final CodeLists codeLists;
    private final Map<String, Profession> professions;
    private final Catalogue catalogue;
    /** The rules, their citations and the pool of sessions on them (reset and reused, one per decision in progress). */
    private final RulesCompiler.Compiled compiled;

    KnowledgeBase(String version, Instant loadedAt, RulesCompiler.Compiled compiled, ParameterTable parameters,
                  CodeLists codeLists, Map<String, Profession> professions, Catalogue catalogue) {
        this.version = version;
        this.loadedAt = loadedAt;
        this.parameters = parameters;
        this.codeLists = codeLists;
        this.professions = Map.copyOf(professions);
        this.catalogue = catalogue;
        this.compiled = compiled;
    }

    @Override
    public String version() { return version; }

    @Override
    public Instant loadedAt() { return loadedAt; }

    @Override
    public DateWindow supportedWindow() { return parameters.window(); }

    @Override
    public Catalogue catalogue() { return catalogue; }

    public List<RuleInfo> rules() { return compiled.rules(); }

    /** Whether both versions run on one compilation of the rules (they differ in data only). */
    boolean sharesCompiledRulesWith(KnowledgeBase other) { return compiled == other.compiled; }

    /** Whether the compiled rules were read from the {@link CompiledRulesCache} instead of compiled. */
    boolean compiledRulesFromCache() { return compiled.fromCache(); }

    public ParameterTable parameters() { return parameters; }

    public CodeLists codeLists() { return codeLists; }

    public Map<String, Profession> professions() { return professions; }

    @Override
    public Evaluation evaluate(CaseFacts facts, LocalDate date) {
        List<Object> input = new ArrayList<>(64);
        input.add(new Assessment(date, facts.getGoal()));
        input.add(facts.getCandidate());
        input.add(facts.getQualification());
        input.add(facts.getExperience());
        if (facts.getJobOffer() != null) {
            input.add(facts.getJobOffer());
        }
        if (facts.getCandidate().getCitizenships() != null) {
            new LinkedHashSet<>(facts.getCandidate().getCitizenships()).forEach(c -> input.add(new Citizenship(c)));
        }
        String profession = facts.getQualification().getProfession();
        if (profession != null && professions.containsKey(profession)) {
            input.add(professions.get(profession));
        }
        input.addAll(parameters.factsOn(date));
        input.addAll(codeLists.on(date));

        List<RuleOutput> outputs = new ArrayList<>();
        List<TraceEntry> trace = new ArrayList<>();
        Caveats caveats = parameters.anyUnconfirmedOn(date) ? new Caveats(outputs) : null;
        AgendaEventListener fired = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                if (caveats != null) {
                    caveats.firing(event.getMatch().getObjects());
                }
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                trace.add(compiled.traceEntry(event.getMatch().getRule().getName()));
                if (caveats != null) {
                    caveats.fired();
                }
            }
        };
        RuleRuntimeEventListener inserted = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                Object object = event.getObject();
                if (object instanceof RuleOutput output) {
                    outputs.add(output);
                }
                if (caveats != null) {
                    caveats.inserted(object);
                }
            }
        };
        // what a stateless session does (insert all, fire all rules, dispose), on a pooled session: its node memories
        // are reset and kept instead of being built anew for every decision
        KieSession session = compiled.sessions().newKieSession();
        try {
            session.addEventListener(fired);
            session.addEventListener(inserted);
            for (Object fact : input) {
                session.insert(fact);
            }
            session.fireAllRules();
        } finally {
            session.removeEventListener(fired);
            session.removeEventListener(inserted);
            session.dispose();
        }
        return new Evaluation(List.copyOf(outputs), List.copyOf(trace));
    }

    /**
     * The caveats of one decision: whatever a rule records (a finding, step, note, document …) while its match
     * holds a parameter value marked {@code confirmed: false} — directly, or through a fact an earlier such rule
     * inserted — brings the note {@code note.unconfirmed.<parameter>} into the advice of the same pathway (or the
     * recognition block), once per pathway and parameter, with the value and the date it applies from. Only built
     * for assessment dates on which some value is unconfirmed.
     */
    private static final class Caveats {
        private final List<RuleOutput> outputs;
        /** Facts the rules inserted while matching unconfirmed values, and those values. */
        private final Map<Object, Set<Parameter>> derived = new IdentityHashMap<>();
        private final Set<String> noted = new HashSet<>();
        private Set<Parameter> current;

        Caveats(List<RuleOutput> outputs) {
            this.outputs = outputs;
        }

        void firing(List<Object> matched) {
            current = null;
            for (Object fact : matched) {
                if (fact instanceof Parameter p) {
                    if (!p.isConfirmed()) {
                        current().add(p);
                    }
                } else {
                    Set<Parameter> behind = derived.get(fact);
                    if (behind != null) {
                        current().addAll(behind);
                    }
                }
            }
        }

        private Set<Parameter> current() {
            if (current == null) {
                current = new LinkedHashSet<>(2);
            }
            return current;
        }

        void inserted(Object fact) {
            if (current == null) {
                return;
            }
            if (fact instanceof RuleOutput output) {
                for (Parameter p : current) {
                    if (noted.add(output.getPathway() + " " + p.getName())) {
                        outputs.add(Note.of(output.getPathway(), ParameterTable.caveatTextKey(p.getName()))
                                .arg("value", p.getValue()).arg("since", p.getSince()));
                    }
                }
            }
            derived.put(fact, current);
        }

        void fired() {
            current = null;
        }
    }
}
