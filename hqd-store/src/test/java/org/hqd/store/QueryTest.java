package org.hqd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's one way of asking: statement, parameters, rows as records, failures named. */
final class QueryTest {
    @TempDir
    Path tmp;

    DataDirectory dir;

    @BeforeEach
    void open() {
        dir = DataDirectory.openForWriting(tmp.resolve("d"));
        dir.execute("CREATE TABLE t (k VARCHAR, v INTEGER)");
    }

    @AfterEach
    void close() {
        dir.close();
    }

    record Row(String k, int v) { }

    @Test
    void update_bindsItsParametersInOrder_andSaysHowManyRowsChanged() {
        assertThat(Query.of("写入", "INSERT INTO t VALUES (?, ?), (?, ?)").bind("a", 1, "b", 2).update(dir.connection()))
                .isEqualTo(2);
        assertThat(Query.of("删除", "DELETE FROM t WHERE v > ?").bind(1).update(dir.connection())).isEqualTo(1);
    }

    @Test
    void list_andFirst_makeRecordsOfTheRows() {
        Query.of("写入", "INSERT INTO t VALUES ('a', 1), ('b', 2), ('c', 3)").update(dir.connection());
        Query q = Query.of("读取", "SELECT k, v FROM t WHERE v >= ? ORDER BY k");
        assertThat(q.bind(2).list(dir.connection(), r -> new Row(r.getString(1), r.getInt(2))))
                .containsExactly(new Row("b", 2), new Row("c", 3));
        assertThat(q.bind(s -> s.setInt(1, 3)).first(dir.connection(), r -> r.getString(1))).contains("c");
        assertThat(q.bind(9).first(dir.connection(), r -> r.getString(1))).isEqualTo(Optional.empty());
    }

    @Test
    void aFailure_isAStoreExceptionNamingWhatWasAsked() {
        assertThatThrownBy(() -> Query.of("读取不存在的表", "SELECT * FROM nowhere").list(dir.connection(),
                r -> r.getString(1))).isInstanceOf(StoreException.class).hasMessageStartingWith("数据库操作失败（读取不存在的表）：")
                .hasMessageContaining("nowhere");
    }
}
