/**
 * Rendering adapters: a {@link org.hqd.evaluation.Briefing} as a PDF (Apache PDFBox) or an Excel workbook
 * (Apache POI), with charts drawn by JFreeChart. Chinese text needs a CJK TrueType font on the machine
 * ({@link CjkFont}).
 */
package org.hqd.report;
