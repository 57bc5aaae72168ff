package org.hqd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class MasterKindTest {
    @Test
    void of_readsEveryKindOfMaster() {
        assertThat(MasterKind.of("local[*]")).isEqualTo(MasterKind.LOCAL);
        assertThat(MasterKind.of("local")).isEqualTo(MasterKind.LOCAL);
        assertThat(MasterKind.of("spark://10.1.2.3:7077")).isEqualTo(MasterKind.STANDALONE);
        assertThat(MasterKind.of("YARN")).isEqualTo(MasterKind.YARN);
        assertThat(MasterKind.of("k8s://https://api.example:6443")).isEqualTo(MasterKind.KUBERNETES);
    }

    @Test
    void of_anUnknownMaster_namesIt_andTheFormsThatWork() {
        assertThatThrownBy(() -> MasterKind.of("mesos://m:5050")).isInstanceOf(ClusterException.class)
                .hasMessageContaining("“mesos://m:5050”").hasMessageContaining("spark://主机:端口");
    }
}
