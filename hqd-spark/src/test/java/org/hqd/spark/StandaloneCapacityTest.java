package org.hqd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class StandaloneCapacityTest {
    static final URI PAGE = URI.create("http://m:8080/json/");

    @Test
    void parse_countsAliveWorkers_andTakesTheSmallest() throws Exception {
        String json = """
                {"workers":[{"host":"a","cores":8,"memory":30000,"state":"ALIVE"},
                            {"host":"b","cores":4,"memory":31000,"state":"ALIVE"},
                            {"host":"c","cores":2,"memory":1000,"state":"DEAD"}]}""";
        StandaloneCapacity.Result r = StandaloneCapacity.parse(new ObjectMapper().readTree(json), PAGE);
        assertThat(r.capacity()).contains(new StandaloneCapacity(2, 4, 30000));
    }

    @Test
    void parse_noAliveWorker_isNoCapacity_withTheReason() throws Exception {
        StandaloneCapacity.Result r = StandaloneCapacity.parse(new ObjectMapper().readTree("{\"workers\":[]}"), PAGE);
        assertThat(r.capacity()).isEmpty();
        assertThat(r.problem()).isEqualTo("http://m:8080/json/ 显示没有在线的 worker");
    }

    @Test
    void statusPage_isPort8080OfTheFirstMaster_unlessGiven() {
        assertThat(StandaloneCapacity.statusPage("spark://m1:7077,m2:7077", Optional.empty()))
                .isEqualTo(URI.create("http://m1:8080/json/"));
        assertThat(StandaloneCapacity.statusPage("spark://m1:7077", Optional.of("http://127.0.0.1:34307/")))
                .isEqualTo(URI.create("http://127.0.0.1:34307/json/"));
    }

    @Test
    void read_aPortNobodyListensOn_isNoCapacity_withTheReason() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StandaloneCapacity.Result r = StandaloneCapacity.read(URI.create("http://127.0.0.1:" + port + "/json/"));
        assertThat(r.capacity()).isEmpty();
        assertThat(r.problem()).startsWith("读不到 http://127.0.0.1:" + port + "/json/");
    }
}
