/** Reading discharge-abstract files into canonical abstracts, keeping every bad value with its reason. */
@NullMarked
package org.hqd.io.abstracts;

import org.jspecify.annotations.NullMarked;
