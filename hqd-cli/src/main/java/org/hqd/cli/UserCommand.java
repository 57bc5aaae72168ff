package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hqd.HqdException;
import org.hqd.access.PasswordHasher;
import org.hqd.access.Role;
import org.hqd.access.User;
import org.hqd.app.Actor;
import org.hqd.app.Workspace;
import org.hqd.app.access.UserAdministration;
import org.hqd.hospital.Regions;
import org.hqd.web.AdminChannel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hqd user add|passwd|disable|enable|delete|list}: the users of the web application. While {@code hqd serve}
 * runs on the data directory, the change goes through the server ({@link AdminChannel}); otherwise the directory is
 * opened here. Either way the same {@link UserAdministration} applies it, ending the user's sessions.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Web 应用的用户：add 新增或替换，passwd 改密码，disable/enable 停用/启用，delete 删除，list 列出；"
                + "hqd serve 运行时也可使用（经服务生效）",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Disable.class,
            UserCommand.Enable.class, UserCommand.Delete.class, UserCommand.ListUsers.class})
final class UserCommand extends CommandGroup {

    /** Applies a change through the running server, or on the directory itself; prints what was done. */
    static int apply(CommandSpec spec, Path data, UserAdministration.Change change) {
        PrintWriter out = spec.commandLine().getOut();
        Optional<UserAdministration.Outcome> served = AdminChannel.send(data, change);
        if (served.isPresent()) {
            out.println(served.get().message() + "（经运行中的 hqd serve 生效）");
        } else {
            try (Workspace dir = Workspace.open(data)) {
                out.println(new UserAdministration(dir, Clock.systemUTC()).apply(Actor.commandLine(), change).message());
            }
        }
        out.flush();
        return 0;
    }

    /** The password of a file's first line, hashed with the standard cost (refused when shorter than 10). */
    static String hashedPassword(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new HqdException("找不到密码文件 " + file);
        }
        String password = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        return PasswordHasher.standard().hash(password.toCharArray());
    }

    /** The {@code --name} of the commands that change one existing user. */
    static final class Name {
        @Option(names = "--name", required = true, paramLabel = "<用户名>", description = "用户名")
        String name;
    }

    /** {@code hqd user add}. */
    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "新增用户（同名用户被替换、重新启用，其登录会话全部结束）；密码从文件读取（首行，至少 10 个字符），不出现在命令行和日志中")
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
            return apply(spec, data.data, new UserAdministration.Add(user, hashedPassword(passwordFile)));
        }
    }

    /** A change of one existing user ({@code --name}), applied by {@link #apply}. */
    abstract static class NamedChange implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private Name user;

        abstract UserAdministration.Change change(String name) throws IOException;

        @Override
        public Integer call() throws IOException {
            return apply(spec, data.data, change(user.name));
        }
    }

    /** {@code hqd user passwd}. */
    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "修改密码（密码从文件读取）；该用户的登录会话全部结束")
    static final class Passwd extends NamedChange {
        @Option(names = "--password-file", required = true, paramLabel = "<文件>", description = "密码文件（首行为新密码）")
        private Path passwordFile;

        @Override
        UserAdministration.Change change(String name) throws IOException {
            return new UserAdministration.Passwd(name, hashedPassword(passwordFile));
        }
    }

    /** {@code hqd user disable}. */
    @Command(name = "disable", mixinStandardHelpOptions = true, description = "停用用户：不能再登录，登录会话全部结束（enable 可重新启用）")
    static final class Disable extends NamedChange {
        @Override
        UserAdministration.Change change(String name) {
            return new UserAdministration.Disable(name);
        }
    }

    /** {@code hqd user enable}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "重新启用停用的用户")
    static final class Enable extends NamedChange {
        @Override
        UserAdministration.Change change(String name) {
            return new UserAdministration.Enable(name);
        }
    }

    /** {@code hqd user delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "删除用户及其登录会话（审计日志保留其记录）")
    static final class Delete extends NamedChange {
        @Override
        UserAdministration.Change change(String name) {
            return new UserAdministration.Delete(name);
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
            List<AdminChannel.Listed> users = AdminChannel.list(data.data).orElseGet(() -> {
                try (Workspace dir = data.open()) {
                    return new UserAdministration(dir, Clock.systemUTC()).list().stream().map(AdminChannel.Listed::of).toList();
                }
            });
            for (AdminChannel.Listed u : users) {
                out.println(TextColumns.left(u.name(), 20) + TextColumns.left(Role.of(u.role()).map(Role::label).orElse(u.role()), 12)
                        + Optional.ofNullable(u.hospital()).orElse("")
                        + Optional.ofNullable(u.department()).map(d -> " / " + d).orElse("")
                        + Optional.ofNullable(u.region()).map(r -> "地区 " + Regions.standard().nameAndCode(r)).orElse("") + (u.disabled() ? "（已停用）" : ""));
            }
            out.flush();
            return 0;
        }
    }
}
