package org.hqd.synth;

/**
 * One block of generated abstracts: the CSV lines, and for each row the hospital-month cell it counts in, its
 * total cost and its insurance-fund share (cents), and its length of stay, for the facility and yearly reports.
 *
 * @param cells row i's cell: hospital index × months + month index
 */
record AbstractBlock(CsvBytes text, int[] cells, long[] cents, long[] fund, int[] los) {
}
