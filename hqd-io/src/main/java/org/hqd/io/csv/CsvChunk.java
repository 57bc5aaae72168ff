package org.hqd.io.csv;

/**
 * A block of CSV bytes that starts and ends on record boundaries.
 *
 * @param firstLine physical line number (1-based) of the first byte
 * @param sequence  position of the chunk in the file, from 0
 * @param width     the number of fields of the file's header (0 when unknown): a quoted field that runs over line
 *                  ends is kept only when its record then has this many fields (see {@link CsvScanner})
 * @param last      whether the chunk ends the input
 */
public record CsvChunk(byte[] data, int length, long firstLine, long sequence, int width, boolean last) {

    /** The last (or only) chunk of an input whose header width is unknown. */
    public CsvChunk(byte[] data, int length, long firstLine, long sequence) {
        this(data, length, firstLine, sequence, 0, true);
    }
}
