/** Data quality of discharge abstracts: the rule catalogue (data) and the checks that apply it. */
@NullMarked
package org.hqd.quality;

import org.jspecify.annotations.NullMarked;
