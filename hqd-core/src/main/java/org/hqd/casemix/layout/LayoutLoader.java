package org.hqd.casemix.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.casemix.abstracts.ColumnType;

/*
 * hqd-layout/1 (docs/layouts.md): {format, name, title, kind, codeEdition, extends, recognise, columns, diagnoses,
 * procedures, personal, codes, fold, rename, aliases, lines}. A layout that extends another starts from it: `rename`
 * renames its columns (an exact name, or a pattern with {n} for the numbered ones), then `columns` replaces the
 * sources of the canonical columns it names, `diagnoses`/`procedures`/`lines` replace those of the parent, and
 * `personal`, `codes`, `fold`, `aliases` add to the parent's.
 */
/** Reads a {@code hqd-layout/1} file into a checked {@link Layout}, reporting every problem at once. */
public final class LayoutLoader {
    public static final String FORMAT = "hqd-layout/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Function<String, Optional<Layout>> parents;

    /** @param parents the layouts a file may extend, by name */
    public LayoutLoader(Function<String, Optional<Layout>> parents) {
        this.parents = parents;
    }

    /**
     * The layout in {@code text}.
     *
     * @param source where the text comes from, for messages
     * @throws LayoutException naming every problem
     */
    public Layout load(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new LayoutException(source, List.of("不是有效的 JSON：" + e.getOriginalMessage()));
        }
        Problems p = new Problems();
        if (root == null || !root.isObject()) {
            throw new LayoutException(source, List.of("应为一个 JSON 对象"));
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            p.add("/format", "应为 \"" + FORMAT + "\"");
        }
        String name = root.path("name").asText("");
        if (!NAME.matcher(name).matches() || name.equals(Layout.CANONICAL)) {
            p.add("/name", "'" + name + "' 无效：应为小写字母、数字和连字符，且不是 " + Layout.CANONICAL);
        }
        Optional<Layout> parent = Optional.empty();
        if (root.has("extends")) {
            parent = parents.apply(root.path("extends").asText());
            if (parent.isEmpty()) {
                p.add("/extends", "没有名为 '" + root.path("extends").asText() + "' 的格式");
            }
        }
        Map<String, String> rename = strings(root.path("rename"), "/rename", p);
        Function<String, String> renamed = n -> renamed(n, rename);
        Draft d = parent.map(l -> Draft.of(l, renamed)).orElseGet(Draft::new);
        d.title = root.path("title").asText(d.title);
        if (d.title.isBlank()) {
            p.add("/title", "缺少标题");
        }
        if (root.has("kind") || parent.isEmpty()) {
            d.kind = enumOf(root.path("kind").asText(), LayoutKind.class, "/kind", p, d.kind);
        }
        if (root.has("codeEdition") || parent.isEmpty()) {
            d.edition = enumOf(root.path("codeEdition").asText(), CodeEdition.class, "/codeEdition", p, d.edition);
        }
        if (root.has("recognise") || parent.isEmpty()) {
            d.recognise = stringList(root.path("recognise"), "/recognise", p);
            if (d.recognise.isEmpty()) {
                p.add("/recognise", "应列出识别此格式的表头列");
            }
        }
        columns(root.path("columns"), d, p);
        if (root.has("diagnoses")) {
            d.diagnoses = slots(root.path("diagnoses"), "/diagnoses", p);
        }
        if (root.has("procedures")) {
            d.procedures = slots(root.path("procedures"), "/procedures", p);
        }
        d.personal.addAll(stringList(root.path("personal"), "/personal", p));
        codes(root.path("codes"), d, p);
        fold(root.path("fold"), d, p);
        root.path("aliases").fields().forEachRemaining(e -> d.aliases.put(e.getKey(),
                stringList(e.getValue(), "/aliases/" + e.getKey(), p)));
        if (root.has("lines")) {
            d.lines = lines(root.path("lines"), p);
        }
        if (d.lines.isPresent()) { // the stay's diagnoses and procedures are its lines
            d.diagnoses = List.of();
            d.procedures = List.of();
        }
        check(d, p);
        if (!p.list.isEmpty()) {
            throw new LayoutException(source, p.list);
        }
        return new Layout(name, d.title, d.kind, d.edition, d.recognise, d.columns, d.diagnoses, d.procedures,
                d.personal, d.codes, d.fold, d.aliases, d.lines, source);
    }

    /** Checks of the whole layout, after inheritance. */
    private static void check(Draft d, Problems p) {
        boolean slotted = !d.diagnoses.isEmpty() || d.lines.isPresent();
        if (!slotted && !d.columns.containsKey(AbstractColumn.PRINCIPAL_DX)) {
            p.add("/diagnoses", "应给出主要诊断所在的列（diagnoses 或 columns.principal_dx）");
        }
        for (AbstractColumn c : d.columns.keySet()) {
            if (slotted && Layout.FROM_DIAGNOSES.contains(c)
                    || (!d.procedures.isEmpty() || d.lines.isPresent()) && Layout.FROM_PROCEDURES.contains(c)) {
                p.add("/columns/" + c.column(), "已由 diagnoses/procedures 给出，不能再在 columns 中映射");
            }
        }
        d.columns.forEach((c, sources) -> {
            for (SourceColumn s : sources) {
                if (d.personal.contains(s.name()) && c != AbstractColumn.PATIENT_ID) {
                    p.add("/columns/" + c.column(), "个人信息列 " + s.name() + " 只能作为 patient_id（假名化）读取");
                }
                if (s.factor() != 1 && c.type() != ColumnType.AMOUNT) {
                    p.add("/columns/" + c.column(), "只有数值列可以换算（times/per）");
                }
            }
        });
        for (List<Slot> slots : List.of(d.diagnoses, d.procedures)) {
            for (Slot s : slots) {
                for (String col : s.columns().values()) {
                    if (d.personal.contains(col)) {
                        p.add("/diagnoses", "个人信息列 " + col + " 不能作为诊断或手术操作读取");
                    }
                }
            }
        }
    }

    private static void columns(JsonNode node, Draft d, Problems p) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "/columns/" + e.getKey();
            Optional<AbstractColumn> c = AbstractColumn.byName(e.getKey());
            if (c.isEmpty()) {
                p.add(at, "不是标准列名（标准列名即 hqd generate 写出的 abstracts.csv 的表头）");
                continue;
            }
            List<SourceColumn> sources = new ArrayList<>();
            JsonNode v = e.getValue();
            for (JsonNode item : v.isArray() ? v : List.of(v)) {
                sourceColumn(item, at, p).ifPresent(sources::add);
            }
            if (sources.isEmpty()) {
                p.add(at, "应给出至少一个列名");
            }
            d.columns.put(c.get(), sources);
        }
    }

    private static Optional<SourceColumn> sourceColumn(JsonNode item, String at, Problems p) {
        if (item.isTextual() && !item.asText().isBlank()) {
            return Optional.of(SourceColumn.of(item.asText()));
        }
        if (item.isObject() && item.path("column").isTextual()) {
            double factor = item.has("times") ? item.path("times").asDouble(Double.NaN)
                    : item.has("per") ? 1 / item.path("per").asDouble(Double.NaN) : 1;
            if (!(factor > 0) || Double.isInfinite(factor)) {
                p.add(at, "times / per 应为正数：" + item);
                return Optional.empty();
            }
            return Optional.of(new SourceColumn(item.path("column").asText(), factor));
        }
        p.add(at, "应为列名或 {\"column\": 列名, \"times\"|\"per\": 数}：" + item);
        return Optional.empty();
    }

    private static List<Slot> slots(JsonNode node, String at, Problems p) {
        List<Slot> out = new ArrayList<>();
        if (!node.isArray()) {
            p.add(at, "应为数组");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            String here = at + "/" + i;
            int from = s.path("from").asInt(0);
            int to = s.path("to").asInt(0);
            boolean repeat = s.has("from") || s.has("to");
            if (repeat && (from < 0 || to < from || to - from > 200)) {
                p.add(here, "from/to 无效：" + from + "–" + to);
                continue;
            }
            Map<SlotPart, String> parts = new EnumMap<>(SlotPart.class);
            s.fields().forEachRemaining(e -> {
                if (e.getKey().equals("from") || e.getKey().equals("to")) {
                    return;
                }
                Optional<SlotPart> part = SlotPart.byKey(e.getKey());
                if (part.isEmpty() || part.get() == SlotPart.PRINCIPAL) {
                    p.add(here + "/" + e.getKey(), "未知的部分；可用 code、name、admission、date、level、wound、healing、"
                            + "anaesthesia");
                } else {
                    parts.put(part.get(), e.getValue().asText());
                }
            });
            if (!parts.containsKey(SlotPart.CODE)) {
                p.add(here, "缺少 code 列");
                continue;
            }
            if (!repeat && parts.values().stream().anyMatch(v -> v.contains("{n}"))) {
                p.add(here, "列名含 {n} 时应给出 from 和 to");
                continue;
            }
            for (int n = repeat ? from : 0; n <= (repeat ? to : 0); n++) {
                Map<SlotPart, String> one = new EnumMap<>(SlotPart.class);
                String number = Integer.toString(n);
                parts.forEach((k, v) -> one.put(k, v.replace("{n}", number)));
                out.add(new Slot(one));
            }
        }
        return out;
    }

    private static Optional<LineForm> lines(JsonNode node, Problems p) {
        String key = node.path("key").asText("");
        if (key.isBlank()) {
            p.add("/lines/key", "缺少区分每次住院的列（如 清单流水号）");
        }
        Optional<Slot> dx = lineSlot(node.path("diagnosis"), "/lines/diagnosis", p);
        Optional<Slot> proc = lineSlot(node.path("procedure"), "/lines/procedure", p);
        return key.isBlank() || dx.isEmpty() || proc.isEmpty() ? Optional.empty()
                : Optional.of(new LineForm(key, dx.get(), proc.get()));
    }

    private static Optional<Slot> lineSlot(JsonNode node, String at, Problems p) {
        Map<SlotPart, String> parts = new EnumMap<>(SlotPart.class);
        node.fields().forEachRemaining(e -> SlotPart.byKey(e.getKey()).ifPresentOrElse(
                k -> parts.put(k, e.getValue().asText()), () -> p.add(at + "/" + e.getKey(), "未知的部分")));
        if (!parts.containsKey(SlotPart.CODE)) {
            p.add(at, "缺少 code 列");
            return Optional.empty();
        }
        return Optional.of(new Slot(parts));
    }

    private static void codes(JsonNode node, Draft d, Problems p) {
        node.fields().forEachRemaining(e -> {
            String at = "/codes/" + e.getKey();
            Optional<AbstractColumn> c = AbstractColumn.byName(e.getKey());
            if (c.isEmpty() || c.get().type() == ColumnType.AMOUNT || c.get().type() == ColumnType.WHOLE
                    || c.get().type() == ColumnType.DATE) {
                p.add(at, "代码表只能用于文本、是否或逐项对应的标准列");
                return;
            }
            Map<String, String> table = new LinkedHashMap<>(d.codes.getOrDefault(c.get(), Map.of()));
            table.putAll(strings(e.getValue(), at, p));
            d.codes.put(c.get(), table);
        });
    }

    private static void fold(JsonNode node, Draft d, Problems p) {
        strings(node, "/fold", p).forEach((from, to) -> {
            Optional<ChargeCategory> f = AbstractColumn.byName(from).flatMap(AbstractColumn::charge);
            Optional<ChargeCategory> t = AbstractColumn.byName(to).flatMap(AbstractColumn::charge);
            if (f.isEmpty() || t.isEmpty()) {
                p.add("/fold/" + from, "应为两个结算收费项目列（cost_…）");
            } else {
                d.fold.put(f.get(), t.get());
            }
        });
    }

    private static String renamed(String n, Map<String, String> rename) {
        String exact = rename.get(n);
        if (exact != null) {
            return exact;
        }
        int digits = n.length();
        while (digits > 0 && Character.isDigit(n.charAt(digits - 1))) {
            digits--;
        }
        if (digits < n.length()) {
            String pattern = rename.get(n.substring(0, digits) + "{n}");
            if (pattern != null) {
                return pattern.replace("{n}", n.substring(digits));
            }
        }
        return n;
    }

    private static <E extends Enum<E>> E enumOf(String v, Class<E> type, String at, Problems p, E fallback) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v) && !e.name().equals("CANONICAL")) {
                return e;
            }
        }
        p.add(at, "'" + v + "' 无效");
        return fallback;
    }

    private static Map<String, String> strings(JsonNode node, String at, Problems p) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return out;
        }
        if (!node.isObject()) {
            p.add(at, "应为对象");
            return out;
        }
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().asText());
            } else {
                p.add(at + "/" + e.getKey(), "应为文本");
            }
        });
        return out;
    }

    private static List<String> stringList(JsonNode node, String at, Problems p) {
        List<String> out = new ArrayList<>();
        if (node.isMissingNode()) {
            return out;
        }
        if (!node.isArray()) {
            p.add(at, "应为文本数组");
            return out;
        }
        node.forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) {
                out.add(n.asText());
            } else {
                p.add(at, "应为文本：" + n);
            }
        });
        return out;
    }

    /** A layout being built: the parent's content, renamed, then the file's. */
    private static final class Draft {
        String title = "";
        LayoutKind kind = LayoutKind.HOMEPAGE;
        CodeEdition edition = CodeEdition.INSURANCE;
        List<String> recognise = List.of();
        final Map<AbstractColumn, List<SourceColumn>> columns = new EnumMap<>(AbstractColumn.class);
        List<Slot> diagnoses = List.of();
        List<Slot> procedures = List.of();
        final Set<String> personal = new LinkedHashSet<>();
        final Map<AbstractColumn, Map<String, String>> codes = new EnumMap<>(AbstractColumn.class);
        final Map<ChargeCategory, ChargeCategory> fold = new EnumMap<>(ChargeCategory.class);
        final Map<String, List<String>> aliases = new LinkedHashMap<>();
        Optional<LineForm> lines = Optional.empty();

        static Draft of(Layout l, Function<String, String> rename) {
            Draft d = new Draft();
            d.title = l.title();
            d.kind = l.kind();
            d.edition = l.codeEdition();
            d.recognise = l.recognise().stream().map(rename).toList();
            l.columns().forEach((c, s) -> d.columns.put(c, s.stream()
                    .map(x -> new SourceColumn(rename.apply(x.name()), x.factor())).toList()));
            d.diagnoses = renamed(l.diagnoses(), rename);
            d.procedures = renamed(l.procedures(), rename);
            l.personal().forEach(x -> d.personal.add(rename.apply(x)));
            d.codes.putAll(l.codes());
            d.fold.putAll(l.fold());
            l.aliases().forEach((k, v) -> d.aliases.put(rename.apply(k), v));
            d.lines = l.lines().map(f -> new LineForm(rename.apply(f.key()), renamed(f.diagnosis(), rename),
                    renamed(f.procedure(), rename)));
            return d;
        }

        private static List<Slot> renamed(List<Slot> slots, Function<String, String> rename) {
            return slots.stream().map(s -> renamed(s, rename)).toList();
        }

        private static Slot renamed(Slot s, Function<String, String> rename) {
            Map<SlotPart, String> m = new EnumMap<>(SlotPart.class);
            s.columns().forEach((k, v) -> m.put(k, rename.apply(v)));
            return new Slot(m);
        }
    }

    /** Problems found so far, each with its JSON pointer. */
    private static final class Problems {
        final List<String> list = new ArrayList<>();

        void add(String pointer, String message) {
            list.add(pointer + "：" + message);
        }
    }
}
