package org.hqd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One transaction per unit of work; work started inside an open transaction joins it. */
final class TransactionTest {
    @TempDir
    Path tmp;

    DataDirectory dir;

    @BeforeEach
    void open() {
        dir = DataDirectory.openForWriting(tmp.resolve("d"));
        dir.execute("CREATE TABLE t (v INTEGER)");
    }

    void insert(int v) throws SQLException {
        try (Statement s = dir.connection().createStatement()) {
            s.execute("INSERT INTO t VALUES (" + v + ")");
        }
    }

    String rows() {
        try (Statement s = dir.connection().createStatement();
             var r = s.executeQuery("SELECT coalesce(string_agg(v::VARCHAR, ',' ORDER BY v), '') FROM t")) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void run_returns_committed() throws SQLException {
        String result = Transaction.run(dir.connection(), "test", c -> {
            insert(1);
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(rows()).isEqualTo("1");
        assertThat(dir.connection().getAutoCommit()).isTrue();
    }

    @Test
    void run_throws_rolledBackAndAutoCommitRestored() throws SQLException {
        assertThatThrownBy(() -> Transaction.run(dir.connection(), "test", c -> {
            insert(1);
            throw new IllegalStateException("late failure");
        })).hasMessage("late failure");
        assertThat(rows()).isEmpty();
        assertThat(dir.connection().getAutoCommit()).isTrue();
    }

    @Test
    void run_aCommitThatFails_isWhatTheCallerSees_notTheRestoringOfAutoCommit() throws SQLException {
        dir.execute("CREATE TABLE k (v INTEGER PRIMARY KEY)");
        try (DataDirectory other = dir.duplicate()) {
            // another connection writes the same key and commits first: this transaction's commit fails
            assertThatThrownBy(() -> Transaction.run(dir.connection(), "写入 k", c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO k VALUES (1)");
                }
                other.execute("INSERT INTO k VALUES (1)");
                return null;
            })).isInstanceOf(StoreException.class).hasMessageContaining("写入 k").hasMessageContaining("duplicate key")
                    .hasMessageNotContaining("恢复自动提交");
        }
        assertThat(dir.connection().getAutoCommit()).isTrue();
        dir.execute("INSERT INTO k VALUES (2)");
    }

    @Test
    void run_insideAnOpenTransaction_joinsIt_soTheOuterFailureRollsBackTheInnerWork() {
        assertThatThrownBy(() -> Transaction.run(dir.connection(), "outer", c -> {
            Transaction.run(c, "inner", x -> {
                insert(1);
                return null;
            });
            assertThat(c.getAutoCommit()).as("the inner run left the outer transaction open").isFalse();
            insert(2);
            throw new IllegalStateException("after the inner work");
        })).hasMessage("after the inner work");
        assertThat(rows()).as("nothing of the inner work was committed on its own").isEmpty();
    }

    @Test
    void run_insideAnOpenTransaction_commitsWithTheOuter() {
        Transaction.run(dir.connection(), "outer", c -> {
            Transaction.run(c, "inner", x -> {
                insert(1);
                return null;
            });
            insert(2);
            return null;
        });
        assertThat(rows()).isEqualTo("1,2");
    }

    @Test
    void run_databaseError_isAStoreExceptionNamingTheWork() {
        assertThatThrownBy(() -> Transaction.run(dir.connection(), "写入测试表", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO missing VALUES (1)");
            }
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("写入测试表");
    }

    @AfterEach
    void close() {
        dir.close();
    }
}
