/**
 * Synthetic provinces for demos, tests and benchmarks: a hospital register, discharge abstracts and monthly
 * facility reports that look like a real province's data and are a pure function of the settings and the seed.
 * The entry point is {@link org.hqd.synth.SyntheticProvince}.
 */
@NullMarked
package org.hqd.synth;

import org.jspecify.annotations.NullMarked;
