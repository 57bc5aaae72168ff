/**
 * Reading abstract files in any layout ({@link org.hqd.casemix.layout.Layout}): CSV in UTF-8 or GBK, the first sheet
 * of an Excel workbook, DBF; flat or one row per diagnosis and procedure line; their rows seen as canonical fields.
 */
@NullMarked
package org.hqd.io.layout;

import org.jspecify.annotations.NullMarked;
