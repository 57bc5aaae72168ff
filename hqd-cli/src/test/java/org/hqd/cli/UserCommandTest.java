package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.hqd.store.DataDirectory;
import org.hqd.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hqd user …} on a data directory, and while {@code hqd serve} holds it. */
final class UserCommandTest {
    @TempDir
    Path tmp;

    private Path password(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text + "\n");
    }

    private CliRun user(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "user";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.of(all);
    }

    @Test
    void everyChange_onADirectory() throws IOException {
        String data = tmp.resolve("data").toString();
        Path first = password("pw1", "first-password");
        CliRun add = user("add", "--data", data, "--name", "h1", "--role", "hospital", "--hospital", "H0001",
                "--password-file", first.toString());
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).isEqualTo("已新增用户 h1（医院，医院 H0001）\n");
        assertThat(user("list", "--data", data).out()).contains("h1").contains("医院").contains("H0001")
                .doesNotContain("已停用");

        assertThat(user("passwd", "--data", data, "--name", "h1", "--password-file",
                password("pw2", "second-password").toString()).out()).isEqualTo("已修改密码 h1\n");
        assertThat(user("disable", "--data", data, "--name", "h1").out()).isEqualTo("已停用用户 h1\n");
        assertThat(user("list", "--data", data).out()).contains("（已停用）");
        assertThat(user("enable", "--data", data, "--name", "h1").out()).isEqualTo("已启用用户 h1\n");
        assertThat(user("delete", "--data", data, "--name", "h1").out()).isEqualTo("已删除用户 h1\n");
        assertThat(user("list", "--data", data).out()).isEmpty();

        CliRun again = user("delete", "--data", data, "--name", "h1");
        assertThat(again.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(again.err()).contains("没有用户 h1（hqd user list 列出用户）");
        CliRun weak = user("add", "--data", data, "--name", "h2", "--role", "admin", "--password-file",
                password("short", "short").toString());
        assertThat(weak.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(weak.err()).contains("密码至少 10 个字符");
    }

    @Test
    void add_regulatorOfARegion_namesTheRegion() throws IOException {
        String data = tmp.resolve("data").toString();
        Path pw = password("pw", "regulator-password");
        // 990100 is 甲市 of the synthetic 示例省 (regions.tsv); a code the list does not hold stays a code
        CliRun add = user("add", "--data", data, "--name", "r1", "--role", "regulator", "--region", "990100",
                "--password-file", pw.toString());
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).isEqualTo("已新增用户 r1（卫生健康委，地区 甲市（990100））\n");
        CliRun unknown = user("add", "--data", data, "--name", "r2", "--role", "regulator", "--region", "123456",
                "--password-file", pw.toString());
        assertThat(unknown.out()).isEqualTo("已新增用户 r2（卫生健康委，地区 123456）\n");
        assertThat(user("list", "--data", data).out()).contains("地区 甲市（990100）").contains("地区 123456");
    }

    @Test
    void whileServing_changesGoThroughTheServer_andTakeEffectAtOnce() throws Exception {
        Path data = tmp.resolve("data");
        try (DataDirectory dir = DataDirectory.openForWriting(data);
             WebServer server = WebServer.start(org.hqd.app.Workspace.of(dir), "127.0.0.1", 0, Clock.systemUTC())) {
            CliRun add = user("add", "--data", data.toString(), "--name", "admin", "--role", "admin",
                    "--password-file", password("pw", "served-password").toString());
            assertThat(add.exitCode()).as(add.err()).isZero();
            assertThat(add.out()).isEqualTo("已新增用户 admin（系统管理员）（经运行中的 hqd serve 生效）\n");
            assertThat(user("list", "--data", data.toString()).out()).contains("admin").contains("系统管理员");
            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/session")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"admin\",\"password\":\"served-password\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            CliRun off = user("disable", "--data", data.toString(), "--name", "admin");
            assertThat(off.out()).isEqualTo("已停用用户 admin；已结束其 1 个登录会话（经运行中的 hqd serve 生效）\n");
        }
        // the server is gone: the command opens the directory itself
        assertThat(user("enable", "--data", data.toString(), "--name", "admin").out()).isEqualTo("已启用用户 admin\n");
    }
}
