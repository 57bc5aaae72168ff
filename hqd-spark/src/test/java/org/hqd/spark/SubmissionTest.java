package org.hqd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SubmissionTest {
    static final Submission SUBMISSION = new Submission("spark://h:7077", DeployMode.CLUSTER, "/opt/hqd/app.jar",
            conf("spark.executor.cores", "2", "spark.executor.memory", "4096m",
                    "spark.driver.extraJavaOptions", "--add-opens=java.base/java.lang=ALL-UNNAMED -Dx='y'"),
            List.of("--input", "s3a://bucket/in put/", "--output", "hdfs:///out"));

    @Test
    void arguments_useSparkSubmitsOwnFlags_andConfForTheRest() {
        assertThat(SUBMISSION.arguments()).containsExactly("--class", "org.hqd.spark.SparkMain", "--master", "spark://h:7077",
                "--deploy-mode", "cluster", "--executor-cores", "2", "--executor-memory", "4096m", "--conf",
                "spark.driver.extraJavaOptions=--add-opens=java.base/java.lang=ALL-UNNAMED -Dx='y'", "/opt/hqd/app.jar",
                "run", "--input", "s3a://bucket/in put/", "--output", "hdfs:///out");
    }

    @Test
    void render_quotesWhatAShellWouldSplit_andReadsBackAsTheSameArguments() {
        String shown = SUBMISSION.render("spark-submit");
        assertThat(shown).startsWith("spark-submit \\\n  --class org.hqd.spark.SparkMain \\\n  --master spark://h:7077 --deploy-mode cluster")
                .contains("'s3a://bucket/in put/'").contains("'spark.driver.extraJavaOptions=--add-opens=java.base/java.lang=ALL-UNNAMED -Dx='\\''y'\\'''");
        List<String> expected = new ArrayList<>(List.of("spark-submit"));
        expected.addAll(SUBMISSION.arguments());
        assertThat(shellWords(shown)).isEqualTo(expected);
    }

    @Test
    void quote_leavesPlainWordsAlone() {
        assertThat(Submission.quote("local[*]")).isEqualTo("'local[*]'");
        assertThat(Submission.quote("spark.sql.shuffle.partitions=8")).isEqualTo("spark.sql.shuffle.partitions=8");
    }

    static Map<String, String> conf(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The words a POSIX shell makes of a command with single quotes and backslash-newline continuations. */
    static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                w.append(command, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '\\' && i + 1 < command.length() && command.charAt(i + 1) == '\n') {
                i++;
            } else if (c == '\\') {
                w.append(command.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }
}
