/** The canonical discharge abstract (病案首页 / 医保结算清单) and its fields. */
@NullMarked
package org.hqd.casemix.abstracts;

import org.jspecify.annotations.NullMarked;
