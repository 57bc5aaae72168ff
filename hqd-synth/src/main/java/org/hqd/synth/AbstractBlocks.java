package org.hqd.synth;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The discharge abstracts of one run, cut into blocks of {@link #BLOCK_ROWS} rows. Each block has its own random
 * source seeded from the run's seed and the block's index, so a block's bytes do not depend on which thread makes
 * it or when; blocks written in index order give the same file for any number of threads.
 */
final class AbstractBlocks {
    static final int BLOCK_ROWS = 4096;

    private final long seed;
    private final long records;
    private final int months;
    private final List<Hospital> hospitals;
    private final DrgGroup anyGroup;
    private final StayGenerator generator;
    private final AbstractRowWriter writer;
    /** Text buffers of blocks already written, for the next blocks: a run does not allocate (and zero) one a block. */
    private final ConcurrentLinkedQueue<CsvBytes> free = new ConcurrentLinkedQueue<>();

    AbstractBlocks(List<DrgGroup> groups, List<Hospital> hospitals, ReportingPeriod period, long seed, long records) {
        this.seed = seed;
        this.records = records;
        this.months = period.months();
        this.hospitals = hospitals;
        this.anyGroup = groups.get(0);
        double[] popularity = DrgPopularity.of(groups, seed);
        Calibration calibration = Calibration.of(groups, popularity, hospitals,
                TierTargets.standard(period.firstMonth().getYear()));
        this.generator = new StayGenerator(hospitals, calibration, period);
        this.writer = new AbstractRowWriter(hospitals, seed);
    }

    long count() {
        return (records + BLOCK_ROWS - 1) / BLOCK_ROWS;
    }

    /** Generates block {@code index}: rows {@code index × BLOCK_ROWS} up to the next block or the last record. */
    AbstractBlock generate(long index) {
        long first = index * BLOCK_ROWS;
        int rows = (int) Math.min(BLOCK_ROWS, records - first);
        SplittableRandom r = new SplittableRandom(Seeds.of(seed, Seeds.BLOCKS, index));
        CsvBytes out = free.poll();
        if (out == null) {
            out = new CsvBytes(rows * 512);
        }
        out.clear();
        int[] cells = new int[rows];
        long[] cents = new long[rows];
        long[] fund = new long[rows];
        int[] los = new int[rows];
        Stay stay = new Stay(hospitals.get(0), anyGroup);
        Stay again = new Stay(hospitals.get(0), anyGroup);
        int i = 0;
        while (i < rows) {
            generator.drawStay(r, first + i, stay);
            writer.write(stay, out);
            count(stay, i++, cells, cents, fund, los);
            if (i < rows && generator.drawReadmission(r, first + i, stay, again)) {
                writer.write(again, out);
                count(again, i++, cells, cents, fund, los);
            }
        }
        return new AbstractBlock(out, cells, cents, fund, los);
    }

    /** Hands back the text of a block once it is written, to be reused by a later block. */
    void recycle(CsvBytes text) {
        free.add(text);
    }

    private void count(Stay s, int i, int[] cells, long[] cents, long[] fund, int[] los) {
        cells[i] = s.hospital.index() * months + s.month;
        cents[i] = s.total;
        fund[i] = s.fund;
        los[i] = s.los;
    }
}
