package org.hqd.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hqd.access.PasswordHasher;
import org.hqd.access.Role;
import org.hqd.access.User;
import org.hqd.app.Actor;
import org.hqd.app.DataAccess;
import org.hqd.app.intake.IntakeService;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.dip.DipParameters;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.intake.ImportSettings;
import org.hqd.store.DataDirectory;
import org.hqd.store.access.UserStore;
import org.hqd.store.dip.DipStore;
import org.hqd.store.standards.StandardsStore;
import org.hqd.synth.GeneratorSettings;
import org.hqd.synth.SyntheticProvince;

/**
 * The data directory every web test starts from, built once per test run and never changed afterwards: a small
 * generated province (8 hospitals, 4,000 discharges, 3 months) imported, with standards, a DIP catalogue and one
 * user per role (passwords hashed with few iterations so logins are fast). A test server works on a copy of it.
 */
final class TestProvince {
    static final String PASSWORD = "test-password-123";
    /** H0001 is a hospital user's own hospital. */
    static final String OWN = "H0001";

    private static Path built;

    private TestProvince() {
    }

    /** The generated files the province was imported from (hospitals.csv, …): to read, never to change. */
    static synchronized Path source() {
        if (built == null) {
            try {
                built = build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return built.getParent().resolve("src");
    }

    /** Copies the province's data directory to {@code target} (a folder that does not exist yet). */
    static synchronized void copyTo(Path target) throws IOException {
        if (built == null) {
            built = build();
        }
        try (Stream<Path> files = Files.walk(built)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(built.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    private static Path build() throws IOException {
        Path root = Files.createTempDirectory("hqd-web-test-province");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        Path source = root.resolve("src");
        SyntheticProvince.standard().writeTo(GeneratorSettings.of(8, 4_000, 3, 21), source);
        Path data = root.resolve("data");
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            new IntakeService(DataAccess.of(dir), Clock.systemUTC()).importFiles(Actor.commandLine(), List.of(source),
                    new ImportSettings(StandardCharsets.UTF_8, 2, Optional.empty()), new IntakeService.Progress() { });
            new StandardsStore(dir).ensureComputed(RulePackCatalog.DEFAULT_PACK);
            new DipStore(dir).build(CaseFilter.ALL, DipParameters.DEFAULTS,
                    RulePackCatalog.bundled().load(RulePackCatalog.DEFAULT_PACK).orProcedures()::containsKey);
            String department = TestServer.firstDepartment(dir, OWN);
            String city = TestServer.single(dir, "SELECT city_code FROM hospital_register WHERE hospital_id = '" + OWN + "'");
            PasswordHasher fast = new PasswordHasher(1_000, new SecureRandom());
            UserStore users = new UserStore(dir);
            char[] pw = PASSWORD.toCharArray();
            users.add(new User("admin", Role.ADMIN, Optional.empty(), Optional.empty(), Optional.empty()), pw, fast);
            users.add(new User("regulator", Role.REGULATOR, Optional.empty(), Optional.empty(), Optional.empty()), pw, fast);
            users.add(new User("cityreg", Role.REGULATOR, Optional.empty(), Optional.empty(), Optional.of(city)), pw, fast);
            users.add(new User("hosp", Role.HOSPITAL, Optional.of(OWN), Optional.empty(), Optional.empty()), pw, fast);
            users.add(new User("dept", Role.DEPARTMENT, Optional.of(OWN), Optional.of(department), Optional.empty()), pw,
                    fast);
        }
        return data;
    }

    /** Deletes a folder and all below it (what cannot be deleted is left). */
    static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
