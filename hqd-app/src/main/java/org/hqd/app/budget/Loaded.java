package org.hqd.app.budget;

import java.util.List;

/** What loading a file of settings did: how many entries were stored, and a sentence for each row left out. */
public record Loaded(int stored, List<String> problems) {
    public Loaded {
        problems = List.copyOf(problems);
    }
}
