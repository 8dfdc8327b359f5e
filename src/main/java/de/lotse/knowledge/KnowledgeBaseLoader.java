package de.lotse.knowledge;

import de.lotse.decision.Acts;
import de.lotse.decision.Catalogue;
import de.lotse.decision.Catalogue.DocumentInfo;
import de.lotse.decision.Catalogue.Entry;
import de.lotse.decision.Catalogue.PathwayInfo;
import de.lotse.decision.LocalizedText;
import de.lotse.decision.facts.Profession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds a {@link KnowledgeBase} from a rules folder: reads every file once, hashes the folder, validates the data,
 * compiles the DRL, and cross-checks that the pieces fit. Any problem → {@link InvalidRulesException} listing all of
 * them with file and line; nothing half-loaded is ever returned.
 */
public final class KnowledgeBaseLoader {

    /** The catalogue of the acts the rules cite, relative to the rules folder. */
    public static final String ACTS = "catalogues/acts.yaml";

    private final Clock clock;
    private final CompiledRulesCache cache;
    /**
     * The last successful compilation and the DRL text it came from. Most changes to a rules folder are data (a new
     * year's threshold, a document, a text): a version with the same DRL text reuses the compiled rules instead of
     * compiling them again.
     */
    private volatile CompiledDrl lastCompiled;

    private record CompiledDrl(Map<String, String> drl, RulesCompiler.Compiled compiled) {
    }

    public KnowledgeBaseLoader(Clock clock) {
        this(clock, CompiledRulesCache.off());
    }

    /**
     * A loader that keeps compiled rules in {@code cacheDir} and reads them from there instead of compiling when the
     * DRL is the same (see {@code CompiledRulesCache}); null or empty: not kept.
     */
    public static KnowledgeBaseLoader keepingCompiledRules(Clock clock, Path cacheDir) {
        return new KnowledgeBaseLoader(clock, CompiledRulesCache.in(cacheDir));
    }

    /**
     * Where compiled rules are kept unless configured otherwise: {@code fachkraefte-lotse-compiled-rules} in the
     * temporary folder (the service's application.properties names the same folder).
     */
    public static Path defaultCompiledRulesDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "fachkraefte-lotse-compiled-rules");
    }

    /** A loader that keeps compiled rules in {@code cache} and takes them from there when the DRL is the same. */
    KnowledgeBaseLoader(Clock clock, CompiledRulesCache cache) {
        this.clock = clock;
        this.cache = cache;
    }

    public KnowledgeBase load(Path folder) {
        return load(read(folder));
    }

    /**
     * The folder's files as they are now, with the version they would have. Reading first lets a reload skip content
     * it already has (or already rejected) without compiling anything.
     */
    public Snapshot read(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new InvalidRulesException(List.of(new RuleProblem(folder.toString(), 0,
                    "the rules folder does not exist (set lotse.rules.dir or LOTSE_RULES_DIR)")));
        }
        Map<String, byte[]> files = readAll(realPath(root));
        return new Snapshot(root, files, hash(files));
    }

    /** Validates and compiles a snapshot; nothing half-loaded is returned. */
    public KnowledgeBase load(Snapshot snapshot) {
        Path folder = snapshot.folder();
        Map<String, byte[]> files = snapshot.files();
        String version = snapshot.version();
        List<RuleProblem> problems = new ArrayList<>();

        YamlNode meta = yaml(files, "knowledge-base.yaml", problems);
        LocalDate supportedFrom = null;
        if (meta != null) {
            supportedFrom = attempt(problems, () -> meta.require("supportedFrom").date());
        }
        List<YamlNode> parameterFiles = new ArrayList<>();
        for (String name : files.keySet()) {
            if (name.startsWith("parameters/") && name.matches(".*\\.ya?ml")) {
                YamlNode node = yaml(files, name, problems);
                if (node != null) {
                    parameterFiles.add(node);
                }
            }
        }
        // optional (older rules folders have none): without it no citation links
        Acts acts = files.containsKey(ACTS) ? read(files, ACTS, problems, CatalogueLoader::acts) : Acts.none();
        Acts linking = acts == null ? Acts.none() : acts;
        ParameterTable parameters = supportedFrom == null ? null
                : ParameterTable.load(parameterFiles, supportedFrom, linking, problems);

        List<PathwayInfo> pathways = read(files, "catalogues/pathways.yaml", problems, f -> CatalogueLoader.pathways(f, linking));
        List<Entry> steps = read(files, "catalogues/steps.yaml", problems, f -> CatalogueLoader.entries(f, "steps"));
        List<Entry> conditions = read(files, "catalogues/conditions.yaml", problems, f -> CatalogueLoader.entries(f, "conditions"));
        List<DocumentInfo> documents = read(files, "catalogues/documents.yaml", problems, CatalogueLoader::documents);
        Map<String, LocalizedText> professionTitles = new LinkedHashMap<>();
        Map<String, Profession> professions = new LinkedHashMap<>();
        read(files, "catalogues/professions.yaml", problems, f -> {
            CatalogueLoader.professions(f, professionTitles, professions);
            return null;
        });
        List<CodeLists.Version> lists = new ArrayList<>();
        List<CodeLists.Version> countries = read(files, "catalogues/country-groups.yaml", problems, f -> CodeLists.read(f, false, true));
        List<CodeLists.Version> isco = read(files, "catalogues/isco-groups.yaml", problems, f -> CodeLists.read(f, true, false));
        if (countries != null) {
            lists.addAll(countries);
        }
        if (isco != null) {
            lists.addAll(isco);
        }
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        for (String name : files.keySet()) {
            if (name.startsWith("texts/") && name.matches(".*\\.ya?ml")) {
                Map<String, LocalizedText> fileTexts = read(files, name, problems, CatalogueLoader::texts);
                if (fileTexts != null) {
                    for (String key : fileTexts.keySet()) {
                        if (texts.containsKey(key)) {
                            problems.add(new RuleProblem(name, 0, "the text '" + key + "' is defined in two files"));
                        }
                    }
                    texts.putAll(fileTexts);
                }
            }
        }

        Map<String, String> drl = new TreeMap<>();
        files.forEach((name, bytes) -> {
            if (name.endsWith(".drl")) {
                drl.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        if (drl.isEmpty()) {
            problems.add(new RuleProblem(folder.toString(), 0, "the folder holds no .drl rules"));
        }
        RulesCompiler.Compiled compiled = problems.isEmpty() ? compile(drl, problems) : null;

        if (!problems.isEmpty() || compiled == null) {
            throw new InvalidRulesException(problems);
        }
        Catalogue catalogue = CatalogueLoader.catalogue(pathways, steps, documents, conditions, professionTitles, texts,
                acts);
        checkTexts(catalogue, problems);
        checkCaveatTexts(parameters, catalogue, problems);
        checkCodes(drl, catalogue, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return new KnowledgeBase(version, clock.instant(), compiled, parameters, new CodeLists(lists), professions,
                catalogue);
    }

    private RulesCompiler.Compiled compile(Map<String, String> drl, List<RuleProblem> problems) {
        CompiledDrl last = lastCompiled;
        if (last != null && last.drl().equals(drl)) {
            return last.compiled();
        }
        RulesCompiler.Compiled compiled = RulesCompiler.compile(drl, problems, cache);
        if (compiled != null && problems.isEmpty()) {
            lastCompiled = new CompiledDrl(Map.copyOf(drl), compiled);
        }
        return compiled;
    }

    /** The files of a rules folder read at one moment, by '/'-separated relative path, and their version hash. */
    public record Snapshot(Path folder, Map<String, byte[]> files, String version) {
    }

    /** Texts every advice needs. */
    private static void checkTexts(Catalogue catalogue, List<RuleProblem> problems) {
        for (String key : List.of("disclaimer", "pathway.notAssessed")) {
            if (!catalogue.texts().has(key)) {
                problems.add(new RuleProblem("texts/", 0, "the text '" + key + "' is missing"));
            }
        }
    }

    /** A value marked {@code confirmed: false} needs the caveat advisors see where advice uses it. */
    private static void checkCaveatTexts(ParameterTable parameters, Catalogue catalogue, List<RuleProblem> problems) {
        for (ParameterTable.Definition d : parameters.definitions().values()) {
            String key = ParameterTable.caveatTextKey(d.name());
            d.values().stream().filter(v -> !v.confirmed()).findFirst()
                    .filter(v -> !catalogue.texts().has(key))
                    .ifPresent(v -> problems.add(new RuleProblem(d.file(), v.line(), "the value for " + v.from()
                            + " is marked 'confirmed: false': write the caveat advisors see where advice uses it as the"
                            + " text '" + key + "' in texts/ (German and English; {value} and {since} are filled in)")));
        }
    }

    private static final Pattern DOCUMENT_CODE =
            Pattern.compile("DocumentRequirement\\s*\\.\\s*(?:required|optional)\\s*\\([^,()]*,\\s*\"([^\"]*)\"");
    private static final Pattern STEP_CODE =
            Pattern.compile("(?:Step\\s*\\.\\s*of\\s*\\([^,()]*,|\\.\\s*remedy\\s*\\()\\s*\"([^\"]*)\"");
    private static final Pattern CONDITION_CODE =
            Pattern.compile("Finding\\s*\\.\\s*(?:met|unmet|unknown|of)\\s*\\([^,()]*,\\s*\"([^\"]*)\"");
    private static final Pattern POINTS_CRITERION =
            Pattern.compile("PointsAward\\s*\\.\\s*of\\s*\\([^,()]*,\\s*\"([^\"]*)\"");

    /**
     * Codes written in the rules must be in the catalogues: a misspelt document, step or condition code would load
     * and show up in an advice without its title. Found where a rule writes them as text
     * ({@code DocumentRequirement.required($p, "PASSPORT")}, {@code Step.of($p, "APPLY_FOR_VISA")},
     * {@code .remedy("…")}, {@code Finding.unmet($p, "SALARY_THRESHOLD", …)}); a points criterion
     * ({@code PointsAward.of($p, "GERMAN_B1", …)}) needs its title as the text {@code points.<CODE>}. Comment lines are
     * skipped.
     */
    private static void checkCodes(Map<String, String> drl, Catalogue catalogue, List<RuleProblem> problems) {
        drl.forEach((file, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().startsWith("//")) {
                    continue;
                }
                unknownCodes(DOCUMENT_CODE, lines[i], code -> catalogue.document(code) != null, "document",
                        "catalogues/documents.yaml", file, i + 1, problems);
                unknownCodes(STEP_CODE, lines[i], code -> catalogue.stepTitle(code) != null, "step",
                        "catalogues/steps.yaml", file, i + 1, problems);
                unknownCodes(CONDITION_CODE, lines[i], code -> catalogue.conditionTitle(code) != null, "condition",
                        "catalogues/conditions.yaml", file, i + 1, problems);
                unknownCodes(POINTS_CRITERION, lines[i], code -> catalogue.texts().has("points." + code),
                        "points criterion", "texts/ (as points.<CODE>)", file, i + 1, problems);
            }
        });
    }

    private static void unknownCodes(Pattern pattern, String line, Predicate<String> known, String kind,
                                     String catalogue, String file, int lineNumber, List<RuleProblem> problems) {
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            if (!known.test(m.group(1))) {
                problems.add(new RuleProblem(file, lineNumber, "the " + kind + " code '" + m.group(1) + "' is not in "
                        + catalogue + " (misspelt, or add it there with its title)"));
            }
        }
    }

    private static <T> T read(Map<String, byte[]> files, String name, List<RuleProblem> problems,
                              Function<YamlNode, T> reader) {
        YamlNode node = yaml(files, name, problems);
        if (node == null) {
            return null;
        }
        return attempt(problems, () -> reader.apply(node));
    }

    private static YamlNode yaml(Map<String, byte[]> files, String name, List<RuleProblem> problems) {
        if (!files.containsKey(name)) {
            problems.add(new RuleProblem(name, 0, "the file is missing"));
            return null;
        }
        return attempt(problems, () -> YamlNode.read(files.get(name), name));
    }

    private static <T> T attempt(List<RuleProblem> problems, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (DataError e) {
            problems.add(e.problem());
            return null;
        }
    }

    /**
     * The folder itself when the configured path is a symbolic link (e.g. {@code /rules} → {@code /releases/v7}, switched
     * to publish a new version): the walk below would otherwise see the link and nothing behind it. Resolved at every
     * read, so a switched link is read anew.
     */
    private static Path realPath(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new InvalidRulesException(List.of(new RuleProblem(root.toString(), 0, "cannot be read: " + e.getMessage())));
        }
    }

    /** Every regular file below the folder, by '/'-separated relative path; hidden and backup files are skipped. */
    private static Map<String, byte[]> readAll(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Path relative = root.relativize(path);
                String name = relative.toString().replace('\\', '/');
                if (!Files.isRegularFile(path) || isIgnored(relative)) {
                    continue;
                }
                files.put(name, Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new InvalidRulesException(List.of(new RuleProblem(root.toString(), 0, "cannot be read: " + e.getMessage())));
        } catch (UncheckedIOException e) {
            // the walk itself failed: an entry vanished or cannot be read while the folder changes under it
            throw new InvalidRulesException(List.of(new RuleProblem(root.toString(), 0,
                    "cannot be read: " + e.getCause().getMessage())));
        }
        return files;
    }

    private static boolean isIgnored(Path relative) {
        for (Path part : relative) {
            String s = part.toString();
            if (s.startsWith(".") || s.endsWith("~") || s.endsWith(".swp") || s.endsWith(".tmp")) {
                return true;
            }
        }
        return false;
    }

    /** "sha256:" + SHA-256 over every file's relative path and content, in path order. */
    static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
