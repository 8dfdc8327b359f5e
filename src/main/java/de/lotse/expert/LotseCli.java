package de.lotse.expert;

import de.lotse.expert.CheckReport.FileProblem;
import de.lotse.expert.CheckReport.ScenarioOutcome;
import de.lotse.expert.ImpactReport.CaseChange;
import de.lotse.expert.ImpactReport.PathwayImpact;
import de.lotse.expert.ImpactReport.RecommendationChange;
import de.lotse.expert.ImpactReport.RejectedCase;
import de.lotse.expert.ImpactReport.Side;
import de.lotse.expert.ImpactReport.Unassessable;
import de.lotse.knowledge.InvalidRulesException;
import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseLoader;
import de.lotse.knowledge.RuleProblem;
import de.lotse.scenario.Difference;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of {@code ./lotse}: {@code check}, {@code impact}, {@code generate-corpus}, {@code help}. Plain Java,
 * no Spring context and no web server: it loads rules folders with {@link KnowledgeBaseLoader} and decides cases the
 * way the service does. Default folders are taken relative to {@code -Dlotse.home} (the script's folder), else to the
 * working directory.
 */
public final class LotseCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int RULES_INVALID = 2;
    public static final int USAGE = 64;

    private static final Set<String> OPTIONS = Set.of("--scenarios", "--from", "--to", "--lang", "--rules", "--out",
            "--seed", "--count");
    private static final Set<String> FLAGS = Set.of("--failures-only", "--summary");
    private static final long DEFAULT_SEED = 2024;
    private static final int DEFAULT_COUNT = 250;

    private final PrintStream out;
    private final PrintStream err;
    private final Path home;
    private final Path workingDir;
    private final Clock clock = Clock.system(ZoneId.of("Europe/Berlin"));
    private final RulesLoader loader;
    private CliText text = CliText.of(null);

    private LotseCli(PrintStream out, PrintStream err, Path home, RulesLoader loader) {
        this.out = out;
        this.err = err;
        this.home = home;
        this.workingDir = Path.of("").toAbsolutePath();
        this.loader = loader != null ? loader
                : KnowledgeBaseLoader.keepingCompiledRules(clock, compiledRulesDir(System.getenv("LOTSE_RULES_CACHEDIR")))::load;
    }

    /**
     * Like the service, the tool keeps compiled rules between runs, so that a check after an edit of data (parameters,
     * texts, catalogues, scenarios) does not compile unchanged rules again: in {@code LOTSE_RULES_CACHEDIR}, or the
     * service's default folder; an empty value switches it off.
     */
    static Path compiledRulesDir(String configured) {
        if (configured == null) {
            return KnowledgeBaseLoader.defaultCompiledRulesDir();
        }
        return configured.isBlank() ? null : Path.of(configured);
    }

    public static void main(String[] args) {
        quietLogging();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command and returns its exit code; the report goes to {@code out}, wrong usage to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, null);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, loading rules folders with the given loader. */
    static int run(String[] args, PrintStream out, PrintStream err, RulesLoader loader) {
        String home = System.getProperty("lotse.home");
        return new LotseCli(out, err, home == null || home.isBlank() ? Path.of("") : Path.of(home), loader).execute(args);
    }

    /** A command used wrongly: exit code 64 with the reason. */
    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** The options, flags and positional arguments of one command. */
    private record Arguments(String command, Map<String, String> options, Set<String> flags, List<String> positional) {

        String option(String name, String fallback) {
            return options.getOrDefault(name, fallback);
        }
    }

    private int execute(String[] args) {
        Arguments arguments;
        try {
            arguments = parse(args);
            text = CliText.of(arguments.option("--lang", System.getenv("LOTSE_LANG")));
        } catch (UsageException | IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        try {
            return switch (arguments.command()) {
                case "check" -> check(arguments);
                case "impact" -> impact(arguments);
                case "generate-corpus" -> generateCorpus(arguments);
                case "help", "--help", "-h" -> {
                    out.print(text.get("help"));
                    yield OK;
                }
                default -> usage("unknown command '" + arguments.command() + "'");
            };
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
    }

    private int usage(String message) {
        err.println(text.get("usage.error", message));
        err.println(text.get("usage.hint"));
        return USAGE;
    }

    private static Arguments parse(String[] args) throws UsageException {
        if (args.length == 0) {
            return new Arguments("help", Map.of(), Set.of(), List.of());
        }
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (OPTIONS.contains(name)) {
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException(name + " needs a value");
                }
                options.put(name, value);
            } else if (FLAGS.contains(arg)) {
                flags.add(arg);
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option '" + arg + "'");
            } else {
                positional.add(arg);
            }
        }
        return new Arguments(args[0], options, flags, positional);
    }

    // ------------------------------------------------------------------------------------------------------- check

    private int check(Arguments a) throws UsageException {
        if (a.positional().size() > 1) {
            throw new UsageException("check takes one rules folder, not " + a.positional());
        }
        Path rules = a.positional().isEmpty() ? home.resolve("rules") : Path.of(a.positional().get(0));
        Path scenarios = folder(a.option("--scenarios", null), home.resolve("test-cases"), "--scenarios");
        CheckReport report = new RulesCheck(loader).check(rules, scenarios);
        out.println(text.get("check.title"));
        if (!report.compiled()) {
            out.println(text.get("check.notCompiled", display(rules), report.errors().size()));
            printProblems(rules, report.errors());
            out.println(text.get("check.fixHint"));
            return report.exitCode();
        }
        out.println(text.get("check.rules", display(rules), shortVersion(report.version()), report.ruleCount(),
                report.supportedDates().from(), report.supportedDates().until()));
        if (!report.windowLimitedBy().isEmpty()) {
            out.println(text.get("check.limitedBy", report.supportedDates().until(), report.windowLimitedBy().stream()
                    .map(f -> f.replaceFirst("^parameters/", "").replaceFirst("\\.ya?ml$", "")).collect(Collectors.joining(", "))));
        }
        out.println(text.get("check.scenarios", display(scenarios), report.totals().scenarios()));
        out.println();
        for (RuleProblem warning : report.warnings()) {
            out.println(text.get("check.warning", location(rules, warning)));
        }
        if (!report.warnings().isEmpty()) {
            out.println();
        }
        for (FileProblem problem : report.unreadableFiles()) {
            out.println(text.get("check.unreadable", display(scenarios) + "/" + problem.file(), problem.message()));
        }
        boolean failuresOnly = a.flags().contains("--failures-only");
        for (ScenarioOutcome s : report.scenarios()) {
            if (s.passed() && failuresOnly) {
                continue;
            }
            out.println(text.get(s.passed() ? "check.pass" : "check.fail") + "  " + s.id() + "  " + s.name());
            for (Difference d : s.differences()) {
                out.println("        " + describe(d));
            }
        }
        out.println();
        String totals = text.get("check.totals", report.totals().scenarios(), report.totals().passed(), report.totals().failed());
        if (!report.unreadableFiles().isEmpty()) {
            totals += text.get("check.totalsUnreadable", report.unreadableFiles().size());
        }
        if (!report.warnings().isEmpty()) {
            totals += text.get("check.totalsWarnings", report.warnings().size());
        }
        out.println(totals);
        out.println(report.ok() ? text.get("check.allPass", display(rules), shortVersion(report.version()))
                : text.get("check.someFail"));
        return report.exitCode();
    }

    /** A comparison in the user's language; any other difference as its message (which names the pathway itself). */
    private String describe(Difference d) {
        if (d.isComparison()) {
            return (d.pathway() == null ? "" : d.pathway() + " – ") + text.get("check.compare", d.expectation(), d.expected(), d.actual());
        }
        return d.message();
    }

    private void printProblems(Path rules, List<RuleProblem> problems) {
        for (RuleProblem p : problems) {
            out.println(location(rules, p));
        }
    }

    /** "rules/parameters/x.yaml:12: message": the file as the user finds it from the working directory. */
    private String location(Path rules, RuleProblem p) {
        boolean inFolder = !Path.of(p.file()).isAbsolute() && !p.file().equals(rules.toString());
        return inFolder ? inFolder(display(rules), p) : p.toString();
    }

    /** The problem with its file named inside the folder as the user calls it ("rules/…", "HEAD:rules/…"). */
    private static String inFolder(String folder, RuleProblem p) {
        return new RuleProblem(folder + "/" + p.file(), p.line(), p.message()).toString();
    }

    // ------------------------------------------------------------------------------------------------------ impact

    private int impact(Arguments a) throws UsageException {
        if (!a.positional().isEmpty()) {
            throw new UsageException("impact takes --from and --to, not " + a.positional());
        }
        Path scenarios = folder(a.option("--scenarios", null), home.resolve("test-cases"), "--scenarios");
        String toSpec = a.option("--to", null);
        Path toFolder = folder(toSpec, home.resolve("rules"), "--to");
        try (RulesFolder from = RulesFolder.folderOrRevision(a.option("--from", "HEAD"), home, "rules");
             RulesFolder to = RulesFolder.of(toSpec == null ? display(toFolder) : toSpec, toFolder)) {
            KnowledgeBase before = load("from", from);
            KnowledgeBase after = load("to", to);
            if (before == null || after == null) {
                return RULES_INVALID;
            }
            SampleCases.Read cases = SampleCases.read(scenarios);
            Clock today = Clock.fixed(clock.instant(), clock.getZone());
            ImpactReport report = new Impact(today).compare(from.label(), before, to.label(), after, cases);
            print(report, display(scenarios), a.flags().contains("--summary"));
            return OK;
        } catch (RulesFolder.Unusable e) {
            throw new UsageException("--from: " + e.getMessage());
        }
    }

    private KnowledgeBase load(String side, RulesFolder rules) {
        try {
            return loader.load(rules.folder());
        } catch (InvalidRulesException e) {
            out.println(text.get("impact.notCompiled", side, rules.label(), e.problems().size()));
            String folder = rules.temporary() == null ? display(rules.folder()) : rules.label();
            for (RuleProblem p : e.problems()) {
                out.println(Path.of(p.file()).isAbsolute() ? p.toString() : inFolder(folder, p));
            }
            return null;
        }
    }

    private void print(ImpactReport r, String scenarios, boolean summary) {
        out.println(text.get("impact.title"));
        printSide("from", r.from());
        printSide("to", r.to());
        out.println(text.get("impact.cases", r.scenarios(), scenarios, r.corpusCases()));
        for (FileProblem problem : r.unreadableFiles()) {
            out.println(text.get("impact.unreadable", problem.file(), problem.message()));
        }
        out.println();
        for (PathwayImpact p : r.pathways()) {
            printGroup(p, "", summary);
        }
        if (!r.recommendations().isEmpty()) {
            out.println(text.get(summary ? "impact.recommendedSummary" : "impact.recommended", r.recommendations().size()));
            if (!summary) {
                for (RecommendationChange c : r.recommendations()) {
                    out.println("  " + c.caseId() + "  " + c.name() + ": " + Impact.dash(c.from()) + " → " + Impact.dash(c.to()));
                }
            }
        }
        if (!r.pathways().isEmpty() || !r.recommendations().isEmpty()) {
            out.println();
        }
        Unassessable onlyTo = r.onlyAssessableUnderTo();
        if (onlyTo.count() > 0) {
            out.println(text.get("impact.notUnderFrom", r.from().window().from(), r.from().window().until(), onlyTo.count(),
                    onlyTo.firstDate(), onlyTo.lastDate()));
            if (r.comparedOnLastDate().isEmpty()) {
                out.println(text.get("impact.lastDateSame", r.from().window().until()));
            } else {
                out.println(text.get("impact.lastDate", r.from().window().until()));
                for (PathwayImpact p : r.comparedOnLastDate()) {
                    printGroup(p, "  ", summary);
                }
            }
            out.println();
        }
        Unassessable onlyFrom = r.onlyAssessableUnderFrom();
        if (onlyFrom.count() > 0) {
            out.println(text.get("impact.notUnderTo", r.to().window().from(), r.to().window().until(), onlyFrom.count(),
                    onlyFrom.firstDate(), onlyFrom.lastDate()));
        }
        Unassessable both = r.notAssessableUnderBoth();
        if (both.count() > 0) {
            out.println(text.get("impact.notUnderBoth", both.count(), both.firstDate(), both.lastDate()));
        }
        for (RejectedCase c : r.rejected()) {
            out.println(text.get("impact.rejected", c.side(), c.caseId(), c.name(), String.join(", ", c.fields())));
        }
        if (r.changedCases() == 0) {
            out.println(text.get("impact.noChanges", r.compared()));
        }
        int recommendations = r.recommendations().size();
        out.println(text.get("impact.totals", r.scenarios() + r.corpusCases(), r.compared(), r.changedCases(),
                r.outcomeChanges(), r.pointsChanges(), r.documentChanges(), r.conditionChanges(), r.stepChanges(),
                recommendations));
    }

    private void printGroup(PathwayImpact p, String indent, boolean summary) {
        List<String> parts = new ArrayList<>();
        p.transitions().forEach((transition, n) -> parts.add(transition + ": " + n));
        if (p.pointsChanges() > 0) {
            parts.add(text.get("impact.points", p.pointsChanges()));
        }
        if (p.documentChanges() > 0) {
            parts.add(text.get("impact.documents", p.documentChanges()));
        }
        if (p.conditionChanges() > 0) {
            parts.add(text.get("impact.conditionCount", p.conditionChanges()));
        }
        if (p.stepChanges() > 0) {
            parts.add(text.get("impact.steps", p.stepChanges()));
        }
        out.println(indent + (p.cases() == 1 ? text.get("impact.group.one", p.pathway(), String.join(", ", parts))
                : text.get("impact.group.many", p.pathway(), p.cases(), String.join(", ", parts))));
        if (!summary) {
            for (CaseChange c : p.changes()) {
                out.println(indent + "  " + c.caseId() + "  " + c.name());
                out.println(indent + "      " + String.join("; ", details(c)));
            }
        }
    }

    private void printSide(String name, Side side) {
        out.println(text.get("impact.side", name, side.label(), shortVersion(side.version()), side.window().from(),
                side.window().until()));
    }

    private List<String> details(CaseChange c) {
        List<String> details = new ArrayList<>();
        if (c.outcomeChanged()) {
            details.add(text.get("impact.outcome", Impact.dash(c.outcomeFrom()), Impact.dash(c.outcomeTo())));
        }
        if (c.pointsChanged()) {
            details.add(text.get("impact.pointsChange", Impact.dash(c.pointsFrom() == null ? null : c.pointsFrom().toString()),
                    Impact.dash(c.pointsTo() == null ? null : c.pointsTo().toString())));
        }
        if (c.documentsChanged()) {
            List<String> documents = new ArrayList<>();
            c.documentsAdded().forEach(d -> documents.add("+" + d));
            c.documentsRemoved().forEach(d -> documents.add("−" + d));
            details.add(text.get("impact.documentsChange", String.join(" ", documents)));
        }
        if (c.stepsChanged()) {
            List<String> steps = new ArrayList<>();
            c.stepsAdded().forEach(d -> steps.add("+" + d));
            c.stepsRemoved().forEach(d -> steps.add("−" + d));
            details.add(text.get("impact.stepsChange", String.join(" ", steps)));
        }
        if (!c.conditions().isEmpty()) {
            details.add(text.get("impact.conditions", String.join("; ", c.conditions())));
        }
        return details;
    }

    // --------------------------------------------------------------------------------------------- generate-corpus

    private int generateCorpus(Arguments a) throws UsageException {
        if (!a.positional().isEmpty()) {
            throw new UsageException("generate-corpus takes options only, not " + a.positional());
        }
        Path rules = a.options().containsKey("--rules") ? Path.of(a.option("--rules", null)) : home.resolve("rules");
        Path target = a.options().containsKey("--out") ? Path.of(a.option("--out", null)) : home.resolve("test-cases/corpus");
        long seed = number(a.option("--seed", String.valueOf(DEFAULT_SEED)), "--seed");
        long count = number(a.option("--count", String.valueOf(DEFAULT_COUNT)), "--count");
        if (count < 1 || count > 100_000) {
            throw new UsageException("--count must be between 1 and 100000");
        }
        KnowledgeBase kb;
        try {
            kb = loader.load(rules);
        } catch (InvalidRulesException e) {
            out.println(text.get("check.notCompiled", display(rules), e.problems().size()));
            printProblems(rules, e.problems());
            return RULES_INVALID;
        }
        CorpusGenerator generator = new CorpusGenerator(kb, seed);
        Map<String, List<CorpusGenerator.GeneratedCase>> corpus = generator.generate((int) count);
        try {
            List<Path> files = generator.write(corpus, target, seed);
            int cases = corpus.values().stream().mapToInt(List::size).sum();
            out.println(text.get("corpus.written", cases, files.size(), display(target), seed, shortVersion(kb.version())));
            return OK;
        } catch (IOException e) {
            throw new UsageException("cannot write to " + display(target) + ": " + e.getMessage());
        }
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    private static long number(String value, String option) throws UsageException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number, not '" + value + "'");
        }
    }

    /** An existing folder named by an option, or the default; a missing folder is wrong usage naming the option. */
    private Path folder(String given, Path fallback, String option) throws UsageException {
        Path folder = given == null ? fallback : Path.of(given);
        if (!Files.isDirectory(folder)) {
            throw new UsageException(option + ": the folder '" + display(folder) + "' does not exist");
        }
        return folder;
    }

    /** A path as the user would type it: relative to the working directory when it lies below it. */
    private String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(workingDir) && !absolute.equals(workingDir)) {
            return workingDir.relativize(absolute).toString().replace('\\', '/');
        }
        return path.isAbsolute() ? absolute.toString() : path.toString();
    }

    private static String shortVersion(String version) {
        return version != null && version.length() > 19 ? version.substring(0, 19) + "…" : version;
    }

    /** Without Spring, Logback would print Drools' and the validator's start-up chatter; keep only warnings. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
            context.getLogger("org.drools").setLevel(ch.qos.logback.classic.Level.ERROR);
            context.getLogger("org.kie").setLevel(ch.qos.logback.classic.Level.ERROR);
            context.getLogger("org.drools.compiler.kie.builder.impl.KieProject").setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }
}
