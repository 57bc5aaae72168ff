package org.hqd.casemix.rulepack;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A tree of named files (a folder, or a prefix on the class path) from which rule packs and dictionaries are
 * read. A file {@code f} may be stored as {@code f} or gzip-compressed as {@code f.gz}; readers see it plain.
 */
public interface ResourceTree {

    /** Opens the file at this path under the tree, or empty when there is none. */
    Optional<InputStream> open(String path) throws IOException;

    /** The same tree rooted at a folder below this one. */
    ResourceTree subtree(String folder);

    /** Where the tree is, for messages. */
    String describe();
}
