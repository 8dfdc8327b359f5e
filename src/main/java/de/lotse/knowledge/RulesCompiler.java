package de.lotse.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;

/** Compiles the DRL files of a rules folder into one KieBase, with every error reported by file and line. */
final class RulesCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final AtomicLong BUILDS = new AtomicLong();
    /** One for the life of the service: it remembers the compiler's class-path lookups across builds. */
    private static final ClassLoader CLASS_LOADER = new LookupCachingClassLoader(RulesCompiler.class.getClassLoader());

    /**
     * The compiled rules with the pool of sessions on them. Immutable and independent of parameters, catalogues and
     * texts, so one compilation serves every knowledge-base version with the same DRL text (and its pool with it:
     * a pooled session is reset after every decision and holds nothing of a version's data).
     */
    static final class Compiled {
        private final List<RuleInfo> rules;
        /** The citation of each rule by name, for the trace of every decision. */
        private final Map<String, String> citations = new HashMap<>();
        private final KieSessionsPool sessions;

        Compiled(KieBase kieBase, List<RuleInfo> rules) {
            this.rules = List.copyOf(rules);
            this.rules.forEach(r -> citations.put(r.name(), r.legalBasis()));
            this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        }

        List<RuleInfo> rules() { return rules; }

        String citation(String rule) { return citations.get(rule); }

        KieSessionsPool sessions() { return sessions; }
    }

    private RulesCompiler() {
    }

    /** @param drlFiles relative path → DRL text */
    static Compiled compile(Map<String, String> drlFiles, List<RuleProblem> problems) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem fileSystem = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("de.lotse.rules", "knowledge-base", "1." + BUILDS.incrementAndGet());
        fileSystem.generateAndWritePomXML(releaseId);
        drlFiles.forEach((path, text) -> fileSystem.write(RESOURCES + path, text));

        KieBuilder builder = services.newKieBuilder(fileSystem, CLASS_LOADER).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            for (Message message : errors) {
                String text = message.getText();
                if (text != null && text.startsWith("Parser returned a null Package")) {
                    continue; // follows every syntax error and adds nothing
                }
                String path = message.getPath() == null ? "?" : message.getPath().replaceFirst("^" + RESOURCES, "");
                problems.add(new RuleProblem(path, message.getLine(), text == null ? "" : text.trim()));
            }
            if (problems.isEmpty()) {
                problems.add(new RuleProblem("?", 0, "the rules do not compile"));
            }
            services.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieContainer container = services.newKieContainer(releaseId, CLASS_LOADER);
        KieBase kieBase = container.newKieBase(configuration(services));
        services.getRepository().removeKieModule(releaseId);
        return new Compiled(kieBase, describe(kieBase, drlFiles, problems));
    }

    /**
     * Beta-node sharing is switched off: with it, Drools 10.2 never fires a rule whose join prefix is shared with
     * another rule when one continues with {@code not X(c)} and the other with {@code X(c)} (found in
     * aufenthv/visumverfahren.drl; pinned by KnowledgeBaseLoaderTest). Legal experts write such pairs naturally.
     * (Switching off alpha-node sharing as well is worse in 10.2: rules with several patterns of one type stop
     * matching. Known residual risk: a pattern shared across packages may let a rule fire later than its salience
     * says; rules therefore should not depend on salience across files — see docs/rules-folder.md.)
     */
    private static KieBaseConfiguration configuration(KieServices services) {
        KieBaseConfiguration configuration = services.newKieBaseConfiguration();
        configuration.setProperty("drools.shareBetaNodes", "false");
        return configuration;
    }

    /** Every rule with its citation; a rule without {@code @legalBasis("…")} is an error. */
    private static List<RuleInfo> describe(KieBase kieBase, Map<String, String> drlFiles, List<RuleProblem> problems) {
        Map<String, RuleInfo> places = new HashMap<>();
        drlFiles.forEach((path, text) -> {
            Matcher m = RULE_HEADER.matcher(text);
            while (m.find()) {
                int line = 1 + (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count();
                places.put(m.group(1), new RuleInfo(m.group(1), null, path, line));
            }
        });
        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                RuleInfo place = places.getOrDefault(rule.getName(), new RuleInfo(rule.getName(), null, "?", 0));
                Object citation = rule.getMetaData().get("legalBasis");
                String legalBasis = citation == null ? null : unquote(citation.toString());
                if (legalBasis == null || legalBasis.isBlank()) {
                    problems.add(new RuleProblem(place.file(), place.line(), "rule \"" + rule.getName()
                            + "\" has no @legalBasis(\"…\"): every rule cites its norm"));
                }
                rules.add(new RuleInfo(rule.getName(), legalBasis, place.file(), place.line()));
            }
        }
        rules.sort(java.util.Comparator.comparing(RuleInfo::file).thenComparing(RuleInfo::line));
        return rules;
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
