package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class OrderedBlocksTest {
    @Test
    void run_blocksFinishingOutOfOrder_sinkSeesIndexOrder() throws IOException {
        List<Long> seen = new ArrayList<>();
        OrderedBlocks.run(3, 50, i -> {
            try {
                Thread.sleep((50 - i) % 7);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return i;
        }, seen::add);
        assertThat(seen).hasSize(50).isSorted();
    }

    @Test
    void run_failingBlock_rethrowsItsException() {
        assertThatThrownBy(() -> OrderedBlocks.run(2, 10, i -> {
            if (i == 4) {
                throw new IllegalStateException("block 4 broke");
            }
            return i;
        }, b -> { })).isInstanceOf(IllegalStateException.class).hasMessage("block 4 broke");
    }

    @Test
    void run_noBlocks_sinkNeverCalled() throws IOException {
        List<Object> seen = new ArrayList<>();
        OrderedBlocks.run(1, 0, i -> i, seen::add);
        assertThat(seen).isEmpty();
    }
}
