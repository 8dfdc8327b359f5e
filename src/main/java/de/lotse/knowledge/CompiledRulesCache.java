package de.lotse.knowledge;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rules kept on disk between starts of the service, so that a service started again with the same DRL text
 * reads its rules instead of compiling them (cold, compiling the whole folder is most of the start-up).
 * <p>
 * An entry is stored under the hash of its key, and the key ({@link RulesCompiler#cacheKey}) covers everything that
 * decides what the compiler produces: the DRL files, the classes the rules can use, the Drools version, the Java
 * version and the knowledge-base configuration. So an entry is only ever read by a build that would have compiled the
 * same thing; a changed rule file, a new service build or another Drools simply misses and compiles as before.
 * Before anything is deserialized, the entry's key and the SHA-256 of its content are checked.
 * <p>
 * The entries hold executable code (the rules' generated classes), so the cache is only used in a folder that belongs
 * to the service's own user and that no one else may write to; otherwise it is switched off with one warning. Nothing
 * here can stop a load: whatever goes wrong with the cache (a missing, unreadable, foreign or corrupt entry, a full
 * disk, a read-only file system) means compiling as without it. The cache holds rules only, never case data. The
 * newest {@value #KEEP} entries are kept.
 */
final class CompiledRulesCache {

    private static final Logger log = LoggerFactory.getLogger(CompiledRulesCache.class);
    private static final String FORMAT = "lotse-compiled-rules/1";
    private static final String SUFFIX = ".rules";
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{64}\\" + SUFFIX);
    private static final int KEEP = 4;
    /** Far above what the rules of this service need (~3 MB); a longer entry is not read. */
    private static final int MAX_BYTES = 256 * 1024 * 1024;
    private static final Duration STALE_TEMP = Duration.ofHours(1);
    /** Temporary files: an entry being written, the check of who the service runs as; left only by a crash. */
    private static final String WRITING = "writing-";
    private static final String PROBE = "probe-";
    private static final String TEMP = ".tmp";
    private static final CompiledRulesCache OFF = new CompiledRulesCache(null);

    /** What a compilation leaves behind: the generated types by class-file name, and the serialized packages. */
    record Entry(Map<String, byte[]> classes, byte[] packages) {
    }

    private final Path dir;
    /** Whether {@link #dir} may be used; decided at first use. */
    private volatile Boolean usable;
    /** The user the service runs as, known once {@link #usable} is true. */
    private volatile UserPrincipal me;

    private CompiledRulesCache(Path dir) {
        this.dir = dir;
    }

    /** No cache: every load compiles. */
    static CompiledRulesCache off() {
        return OFF;
    }

    /** A cache in {@code dir} (created if missing), or {@link #off()} when {@code dir} is null or empty. */
    static CompiledRulesCache in(Path dir) {
        return dir == null || dir.toString().isBlank() ? OFF : new CompiledRulesCache(dir.toAbsolutePath().normalize());
    }

    boolean enabled() {
        return dir != null;
    }

    Path dir() {
        return dir;
    }

    /** The entry stored for {@code key}, if there is a sound one. */
    Optional<Entry> read(String key) {
        if (!usable()) {
            return Optional.empty();
        }
        Path file = dir.resolve(name(key));
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            String problem = untrusted(file, me);
            if (problem != null) {
                log.warn("Compiled rules in {} not used: the file {}", file, problem);
                return Optional.empty();
            }
            Entry entry = decode(key, Files.readAllBytes(file));
            touch(file); // the newest are kept
            return Optional.of(entry);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Compiled rules in {} not used, compiling instead: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException readOnly) {
            // a folder filled at image build may be read-only; the entry is used all the same
        }
    }

    /** Stores {@code entry} under {@code key}, replacing nothing another reader could see half-written. */
    void write(String key, Entry entry) {
        if (!usable()) {
            return;
        }
        Path temp = null;
        try {
            byte[] bytes = encode(key, entry);
            if (!Files.isDirectory(dir)) {
                createPrivate(dir); // removed meanwhile, e.g. by a clean-up of the temporary folder
            }
            temp = Files.createTempFile(dir, WRITING, TEMP);
            Files.write(temp, bytes);
            Path target = dir.resolve(name(key));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            prune();
        } catch (IOException | RuntimeException e) {
            log.warn("Compiled rules not kept in {}: {}", dir, e.toString());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temporary file is removed by a later prune
                }
            }
        }
    }

    private boolean usable() {
        Boolean known = usable;
        if (known == null) {
            synchronized (this) {
                if (usable == null) {
                    usable = check();
                }
                known = usable;
            }
        }
        return known;
    }

    /**
     * The folder must belong to the service's user (or to root, e.g. a folder filled when the container image was
     * built) and no one else may write to it: anyone who could would get code run here. A folder the service cannot
     * write to is still read.
     */
    private boolean check() {
        try {
            if (!Files.isDirectory(dir)) {
                createPrivate(dir);
            }
            me = currentUser();
            if (me == null) {
                log.warn("Compiled-rules cache off: the service's user is not known, so {} cannot be checked", dir);
                return false;
            }
            String problem = untrusted(dir, me);
            if (problem != null) {
                log.warn("Compiled-rules cache off: {} {}", dir, problem);
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("Compiled-rules cache off: {} cannot be used ({})", dir, e.toString());
            return false;
        }
    }

    /** Why {@code path} is not to be trusted, or null. */
    private static String untrusted(Path path, UserPrincipal me) throws IOException {
        UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
        if (Files.isSymbolicLink(path)) {
            owner = Files.getOwner(path); // a link to a folder: the folder counts
        }
        if (!owner.equals(me) && !"root".equals(owner.getName())) {
            return "belongs to " + owner.getName() + ", not to the service's user " + me.getName() + " (or root)";
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                return "may be written by others (" + PosixFilePermissions.toString(permissions)
                        + "); allow writing to its owner only";
            }
        }
        return null;
    }

    /** The user the service runs as: the owner of a file it creates, else looked up by name. */
    private UserPrincipal currentUser() {
        try {
            Path probe = Files.createTempFile(dir, PROBE, TEMP);
            try {
                return Files.getOwner(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | RuntimeException notWritable) {
            try {
                return dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(System.getProperty("user.name"));
            } catch (IOException | RuntimeException unknown) {
                return null;
            }
        }
    }

    private static void createPrivate(Path folder) throws IOException {
        if (Files.getFileStore(existingParent(folder)).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createDirectories(folder.getParent());
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE)));
        } else {
            Files.createDirectories(folder);
        }
    }

    private static Path existingParent(Path folder) {
        Path p = folder.getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? folder.getRoot() : p;
    }

    /** Keeps the newest entries; removes temporary files that a crashed process left. */
    private void prune() throws IOException {
        List<Path> entries = new ArrayList<>();
        Instant staleBefore = Instant.now().minus(STALE_TEMP);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (ENTRY.matcher(name).matches()) {
                    entries.add(f);
                } else if ((name.startsWith(WRITING) || name.startsWith(PROBE)) && name.endsWith(TEMP)
                        && Files.getLastModifiedTime(f).toInstant().isBefore(staleBefore)) {
                    Files.deleteIfExists(f);
                }
            }
        }
        if (entries.size() <= KEEP) {
            return;
        }
        Map<Path, FileTime> times = new LinkedHashMap<>();
        for (Path f : entries) {
            times.put(f, Files.getLastModifiedTime(f));
        }
        entries.sort(Comparator.comparing(times::get, Comparator.reverseOrder()));
        for (Path old : entries.subList(KEEP, entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    static String name(String key) {
        return sha256Hex(key.getBytes(UTF_8)) + SUFFIX;
    }

    static byte[] encode(String key, Entry entry) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(entry.packages().length + 64 * 1024);
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeInt(entry.classes().size());
            for (Map.Entry<String, byte[]> c : entry.classes().entrySet()) {
                out.writeUTF(c.getKey());
                out.writeInt(c.getValue().length);
                out.write(c.getValue());
            }
            out.writeInt(entry.packages().length);
            out.write(entry.packages());
        }
        byte[] body = payload.toByteArray();
        ByteArrayOutputStream whole = new ByteArrayOutputStream(body.length + 256);
        try (DataOutputStream out = new DataOutputStream(whole)) {
            out.writeUTF(FORMAT);
            out.writeUTF(sha256Hex(key.getBytes(UTF_8)));
            out.write(sha256(body));
            out.writeInt(body.length);
            out.write(body);
        }
        return whole.toByteArray();
    }

    static Entry decode(String key, byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (!FORMAT.equals(in.readUTF())) {
            throw new IOException("not a compiled-rules entry of this version");
        }
        if (!sha256Hex(key.getBytes(UTF_8)).equals(in.readUTF())) {
            throw new IOException("stored for other rules");
        }
        byte[] digest = in.readNBytes(32);
        byte[] body = readBlock(in);
        if (!MessageDigest.isEqual(digest, sha256(body))) {
            throw new IOException("damaged (checksum differs)");
        }
        DataInputStream content = new DataInputStream(new ByteArrayInputStream(body));
        int count = content.readInt();
        if (count < 0 || count > 100_000) {
            throw new IOException("damaged (class count " + count + ")");
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = content.readUTF();
            classes.put(name, readBlock(content));
        }
        return new Entry(classes, readBlock(content));
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_BYTES) {
            throw new IOException("damaged (length " + length + ")");
        }
        byte[] block = in.readNBytes(length);
        if (block.length != length) {
            throw new IOException("damaged (cut short)");
        }
        return block;
    }

    /** A hash over several inputs, each length-prefixed so that no two different lists hash alike. */
    static final class KeyBuilder {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        KeyBuilder add(String part) {
            return add(part.getBytes(UTF_8));
        }

        KeyBuilder add(byte[] part) {
            try {
                out.writeInt(part.length);
                out.write(part);
            } catch (IOException e) {
                throw new IllegalStateException(e); // in memory
            }
            return this;
        }

        KeyBuilder add(InputStream part) throws IOException {
            return add(part.readAllBytes());
        }

        String build() {
            return FORMAT + ":" + sha256Hex(bytes.toByteArray());
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(sha256(bytes));
    }

    @Override
    public String toString() {
        return dir == null ? "off" : dir.toString();
    }
}
