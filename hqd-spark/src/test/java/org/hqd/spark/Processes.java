package org.hqd.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Child JVMs of the cluster tests: run to the end with a time limit, and never left behind. */
final class Processes {
    private Processes() { }

    /** What a finished command did. */
    record Outcome(int exitCode, String output) { }

    /** Runs a command with extra environment, its output (both streams) kept in {@code log}; killed (with
     * everything it started) if it has not ended within {@code limit}. */
    static Outcome run(List<String> command, Map<String, String> env, Path log, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().putAll(env);
        Process p = b.start();
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(command.get(command.size() - 1) + " did not end within " + limit + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
            all.add(p.toHandle());
            all.forEach(ProcessHandle::destroy);
            awaitOrKill(all, Duration.ofSeconds(10));
        }
    }

    /** Waits for processes to end until a common deadline, then kills those still alive. */
    static void awaitOrKill(List<ProcessHandle> processes, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : processes) {
            try {
                h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // still alive after the grace period: killed below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }
}
