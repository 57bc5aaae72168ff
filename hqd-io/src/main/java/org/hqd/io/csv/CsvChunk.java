package org.hqd.io.csv;

/**
 * A block of CSV bytes that starts and ends on record boundaries.
 *
 * @param firstLine physical line number (1-based) of the first byte
 * @param sequence  position of the chunk in the file, from 0
 */
public record CsvChunk(byte[] data, int length, long firstLine, long sequence) {
}
