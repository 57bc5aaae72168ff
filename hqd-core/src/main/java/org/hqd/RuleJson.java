package org.hqd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON rule file being read and checked (payment rules, compliance rules): its root, and every problem found in it so
 * far with its JSON pointer, reported at once by {@link #checked}. The loaders of such files read their own parts and
 * share these steps: the text parsed, the format named, a required text or number, the bundled copy read.
 */
public final class RuleJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final JsonNode root;
    private final List<RuleFileProblem> problems = new ArrayList<>();

    private RuleJson(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * A JSON text; {@code file} names it in messages. Text that is not JSON is refused at once; an empty text is an
     * empty object (whose parts are then each missing).
     */
    public static RuleJson parse(String text, String file) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new HqdException(file + " 不是有效的 JSON：" + e.getOriginalMessage());
        }
        return new RuleJson(file, root == null ? JSON.createObjectNode() : root);
    }

    /** The text of a file bundled beside {@code owner} ({@code name} relative to its package), empty when absent. */
    public static Optional<String> bundled(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            return in == null ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root object. */
    public JsonNode root() {
        return root;
    }

    /** Notes a problem unless {@code /format} names this format. */
    public void requireFormat(String format) {
        if (!format.equals(root.path("format").asText())) {
            problem("/format", "应为 " + format + "，实际为 '" + root.path("format").asText() + "'");
        }
    }

    /** Notes a problem at a JSON pointer. */
    public void problem(String where, String message) {
        problems.add(new RuleFileProblem(file, where, message));
    }

    /** A field's text, stripped; a missing or blank one is a problem (and ""). */
    public String text(JsonNode n, String field, String at) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            problem(at + "/" + field, "不能为空");
            return "";
        }
        return v.asText().strip();
    }

    /** A field's number; a missing or non-numeric one is a problem (and NaN). */
    public double number(JsonNode n, String field, String at) {
        JsonNode v = n.path(field);
        if (!v.isNumber()) {
            problem(at + "/" + field, "应为数值");
            return Double.NaN;
        }
        return v.asDouble();
    }

    /** What was read, when the file had no problem; else a {@link RuleFileException} with every problem. */
    public <T> T checked(T read) {
        RuleFileException.throwIfAny(file, problems);
        return read;
    }
}
