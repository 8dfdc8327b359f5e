package de.lotse.knowledge;

import de.lotse.decision.Advice.TraceEntry;
import de.lotse.knowledge.CompiledRulesCache.Entry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.impl.KnowledgePackageImpl;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.core.impl.InternalRuleBase;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.mvel.MVELKnowledgePackageImpl;
import org.drools.wiring.api.classloader.ProjectClassLoader;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Compiles the DRL files of a rules folder into one KieBase, with every error reported by file and line. */
final class RulesCompiler {

    private static final Logger log = LoggerFactory.getLogger(RulesCompiler.class);
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
        private final KieBase kieBase;
        private final List<RuleInfo> rules;
        /** Each rule's trace entry (name and citation) by name, built once for the trace of every decision. */
        private final Map<String, TraceEntry> traceEntries = new HashMap<>();
        private final KieSessionsPool sessions;
        private final boolean fromCache;

        Compiled(KieBase kieBase, List<RuleInfo> rules, boolean fromCache) {
            this.kieBase = kieBase;
            this.fromCache = fromCache;
            this.rules = List.copyOf(rules);
            this.rules.forEach(r -> traceEntries.put(r.name(), new TraceEntry(r.name(), r.legalBasis())));
            this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        }

        List<RuleInfo> rules() { return rules; }

        /** The trace entry of a rule that fired (the same instance for every decision). */
        TraceEntry traceEntry(String rule) { return traceEntries.get(rule); }

        KieSessionsPool sessions() { return sessions; }

        /** Read from the {@link CompiledRulesCache} rather than compiled by this process. */
        boolean fromCache() { return fromCache; }
    }

    private RulesCompiler() {
    }

    /** @param drlFiles relative path → DRL text */
    static Compiled compile(Map<String, String> drlFiles, List<RuleProblem> problems) {
        return compile(drlFiles, problems, CompiledRulesCache.off());
    }

    /**
     * Compiles the DRL, or takes what an earlier compilation of the same DRL (by the same build of the service, the
     * same Drools and Java) left in {@code cache}; a successful compilation is kept there.
     *
     * @param drlFiles relative path → DRL text
     */
    static Compiled compile(Map<String, String> drlFiles, List<RuleProblem> problems, CompiledRulesCache cache) {
        String key = cache.enabled() ? cacheKey(drlFiles) : null; // null: no cache
        if (key != null) {
            Compiled cached = cache.read(key).map(entry -> restore(entry, drlFiles, cache)).orElse(null);
            if (cached != null) {
                return cached;
            }
        }
        Compiled compiled = build(drlFiles, problems);
        if (key != null && compiled != null && problems.isEmpty()) {
            Entry entry = entryOf(compiled.kieBase);
            if (entry != null) {
                cache.write(key, entry);
            }
        }
        return compiled;
    }

    private static Compiled build(Map<String, String> drlFiles, List<RuleProblem> problems) {
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
        KieBase kieBase = container.newKieBase(configuration(services.newKieBaseConfiguration()));
        services.getRepository().removeKieModule(releaseId);
        return new Compiled(kieBase, describe(kieBase, drlFiles, problems), false);
    }

    /**
     * Beta-node sharing is switched off: with it, Drools 10.2 never fires a rule whose join prefix is shared with
     * another rule when one continues with {@code not X(c)} and the other with {@code X(c)} (found in
     * aufenthv/visumverfahren.drl; pinned by KnowledgeBaseLoaderTest). Legal experts write such pairs naturally.
     * (Switching off alpha-node sharing as well is worse in 10.2: rules with several patterns of one type stop
     * matching. Known residual risk: a pattern shared across packages may let a rule fire later than its salience
     * says; rules therefore should not depend on salience across files — see docs/rules-folder.md.)
     */
    private static KieBaseConfiguration configuration(KieBaseConfiguration configuration) {
        configuration.setProperty(SHARE_BETA_NODES, "false");
        return configuration;
    }

    private static final String SHARE_BETA_NODES = "drools.shareBetaNodes";

    /**
     * Everything that decides what compiling {@code drlFiles} produces: the DRL text, the service's classes the rules
     * can use (all of {@code de.lotse}, by content), the Drools jars, Drools options given to the JVM, the Java version
     * and the knowledge-base configuration. Two builds with equal keys generate the same classes.
     */
    static String cacheKey(Map<String, String> drlFiles) {
        if (Environment.KEY == null) {
            return null;
        }
        CompiledRulesCache.KeyBuilder key = new CompiledRulesCache.KeyBuilder()
                .add(SHARE_BETA_NODES + "=false")
                .add(Environment.KEY);
        new TreeMap<>(drlFiles).forEach((path, text) -> key.add(path).add(text));
        return key.build();
    }

    /**
     * The part of the key that does not change while the service runs, worked out at its first use; null (no cache)
     * if the service's classes cannot be read.
     */
    private static final class Environment {
        static final String KEY = environmentOrNull();

        private static String environmentOrNull() {
            try {
                return environment();
            } catch (IOException | RuntimeException e) {
                log.warn("Compiled rules are not kept: the service's classes cannot be read ({})", e.toString());
                return null;
            }
        }

        private static String environment() throws IOException {
            CompiledRulesCache.KeyBuilder key = new CompiledRulesCache.KeyBuilder().add(Runtime.version().toString());
            for (Class<?> drools : List.of(KieServices.class, InternalRuleBase.class, KnowledgePackageImpl.class,
                    MVELKnowledgePackageImpl.class, KieBuilderImpl.class, ProjectClassLoader.class)) {
                CodeSource source = drools.getProtectionDomain().getCodeSource();
                key.add(drools.getName() + "@" + (source == null ? "?" : source.getLocation()));
            }
            // Drools options given to the JVM (-Ddrools.…) may change what the compiler produces
            System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("drools.")).sorted()
                    .forEach(n -> key.add(n + "=" + System.getProperty(n)));
            Resource[] classes = new PathMatchingResourcePatternResolver(RulesCompiler.class.getClassLoader())
                    .getResources("classpath*:de/lotse/**/*.class");
            Map<String, Resource> byName = new TreeMap<>();
            for (Resource r : classes) {
                String url = r.getURL().toString();
                byName.put(url.substring(url.lastIndexOf("de/lotse/")), r);
            }
            if (!byName.containsKey(RulesCompiler.class.getName().replace('.', '/') + ".class")) {
                throw new IllegalStateException("the service's own classes were not found on the class path");
            }
            for (Map.Entry<String, Resource> c : byName.entrySet()) {
                try (InputStream in = c.getValue().getInputStream()) {
                    key.add(c.getKey()).add(in);
                }
            }
            return key.build();
        }
    }

    /** What the cache keeps of a compilation: the declared types' class files and the packages, serialized. */
    private static Entry entryOf(KieBase kieBase) {
        try {
            ClassLoader root = ((InternalRuleBase) kieBase).getRootClassLoader();
            Map<String, byte[]> store = root instanceof ProjectClassLoader project && project.getStore() != null
                    ? project.getStore() : Map.of();
            ByteArrayOutputStream packages = new ByteArrayOutputStream(4 * 1024 * 1024);
            try (ObjectOutputStream out = new DroolsObjectOutputStream(packages)) {
                out.writeObject(new ArrayList<>(kieBase.getKiePackages()));
            }
            return new Entry(new TreeMap<>(store), packages.toByteArray());
        } catch (IOException | RuntimeException e) {
            log.warn("Compiled rules cannot be kept: {}", e.toString());
            return null;
        }
    }

    /** The compiled rules of an entry, or null (and the rules are compiled) if it cannot be read back. */
    private static Compiled restore(Entry entry, Map<String, String> drlFiles, CompiledRulesCache cache) {
        try {
            ProjectClassLoader loader = ProjectClassLoader.createProjectClassLoader(CLASS_LOADER, entry.classes());
            KieServices services = KieServices.Factory.get();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                    configuration(services.newKieBaseConfiguration(null, loader)));
            Collection<KiePackage> packages;
            try (ObjectInputStream in = new DroolsObjectInputStream(
                    new ByteArrayInputStream(entry.packages()), kieBase.getRootClassLoader())) {
                @SuppressWarnings("unchecked")
                Collection<KiePackage> read = (Collection<KiePackage>) in.readObject();
                packages = read;
            }
            kieBase.addPackages(packages);
            List<RuleProblem> problems = new ArrayList<>();
            List<RuleInfo> rules = describe(kieBase, drlFiles, problems);
            if (!problems.isEmpty()) {
                return null; // never stored like this; compile and report as usual
            }
            return new Compiled(kieBase, rules, true);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            log.warn("Compiled rules in {} could not be read back, compiling instead: {}", cache.dir(), e.toString());
            return null;
        }
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
