/**
 * Layouts of discharge-abstract files as data: how a file is recognised by its header, how its columns map onto
 * the canonical abstract, its code tables and fee-class rules (the national 住院病案首页 and 医保结算清单 layouts are
 * bundled; a region adds its vendor's spelling with a layout file, no code).
 */
@NullMarked
package org.hqd.casemix.layout;

import org.jspecify.annotations.NullMarked;
