package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hqd.HqdException;
import org.hqd.access.PasswordHasher;
import org.hqd.access.Role;
import org.hqd.access.User;
import org.hqd.store.DataDirectory;
import org.hqd.store.access.AuditLog;
import org.hqd.store.access.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd user add|list}: the users of the web application. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Web 应用的用户：add 新增或重置，list 列出",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code hqd user add}. */
    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "新增用户（同名用户被替换并解除锁定）；密码从文件读取（首行，至少 10 个字符），不出现在命令行和日志中")
    static final class Add implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Option(names = "--name", required = true, paramLabel = "<用户名>", description = "用户名")
        private String name;

        @Option(names = "--role", required = true, paramLabel = "admin|regulator|hospital|department", description = "角色")
        private String role;

        @Option(names = "--hospital", paramLabel = "<H>", description = "医院（hospital、department 角色必填）")
        private String hospital;

        @Option(names = "--department", paramLabel = "<科室>", description = "科室（department 角色必填）")
        private String department;

        @Option(names = "--region", paramLabel = "<区划编码>", description = "卫生健康委用户的地区（省、市或县编码）；不填为全部医院")
        private String region;

        @Option(names = "--password-file", required = true, paramLabel = "<文件>", description = "密码文件（首行为密码）")
        private Path passwordFile;

        @Override
        public Integer call() throws IOException {
            Role r = Role.of(role).orElseThrow(() -> new HqdException("--role 应为 admin、regulator、hospital 或 department，实际为 '"
                    + role + "'"));
            User user = new User(name, r, Optional.ofNullable(hospital), Optional.ofNullable(department),
                    Optional.ofNullable(region));
            if (!Files.isRegularFile(passwordFile)) {
                throw new HqdException("找不到密码文件 " + passwordFile);
            }
            String password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                boolean replaced = new UserStore(dir).add(user, password.toCharArray(), PasswordHasher.standard());
                new AuditLog(dir).record(java.time.Instant.now(), Optional.empty(), replaced ? "重置用户" : "新增用户",
                        user.name() + "（" + r.label() + "）", "命令行");
                out.printf("已%s用户 %s（%s%s%s%s）%n", replaced ? "替换" : "新增", user.name(), r.label(),
                        user.hospital().map(h -> "，医院 " + h).orElse(""), user.department().map(d -> "，科室 " + d).orElse(""),
                        user.region().map(x -> "，地区 " + x).orElse(""));
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd user list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出用户")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                for (User u : new UserStore(dir).list()) {
                    out.println(TextColumns.left(u.name(), 20) + TextColumns.left(u.role().label(), 12)
                            + u.hospital().orElse("") + u.department().map(d -> " / " + d).orElse("")
                            + u.region().map(r -> "地区 " + r).orElse(""));
                }
            }
            out.flush();
            return 0;
        }
    }
}
