package org.hqd.evaluation.codes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/*
 * The rules that build HQD's bundled code lists from the code dictionaries, for use until a region puts the
 * official lists in place (the national operation classification's 手术 flag, the 微创手术目录, the 四级手术目录 are
 * not in HQD's data). They follow the structure of the classifications:
 *
 * Operations (ICD-9-CM-3): chapters 01–86 are operations on body systems, 87–99 are miscellaneous diagnostic and
 * therapeutic procedures (imaging, radiotherapy, injections such as 99.25 chemotherapy, ventilation): not
 * operations. Within 01–86 punctures, injections, catheterisations, nerve blocks and obstetric manoeuvres (the
 * subcategories and codes listed below) are not operations; nor are the diagnostic subcategories (x.1 "diagnostic
 * procedures on …" and their like, listed below) and codes whose name ends in 检查, 活检, 造影, 测量 or 监测, unless
 * the name says the biopsy is open or endoscopic-surgical (开放性, 直视下, 切开, 开胸, 剖腹, 腹腔镜/胸腔镜/纵隔镜…活检). In chapter 00 the
 * device implants and vascular interventions (00.50–00.55, 00.60–00.66) and the hip and knee replacements and
 * revisions (00.7, 00.8) are operations; the rest are adjuncts, measurements and pharmaceuticals. Interventions
 * (介入治疗) count as operations, as the national assessment counts them.
 *
 * Minimally invasive: operations whose name says an endoscopic, percutaneous or endovascular approach.
 *
 * Complications of procedures (ICD-10): T81–T87, T88.2–T88.5 (complications of anaesthesia), the chapter-specific
 * postprocedural disorders E89, G97, H59, H95, I97, J95, K91, M96, N99, and the obstetric surgical wound
 * complications O86.0, O90.0, O90.1.
 */
/** The documented rules that build HQD's bundled code lists from a code dictionary. */
public final class CodeListRules {
    static final List<String> DIAGNOSTIC_SUBCATEGORIES = List.of("01.1", "03.3", "04.1", "05.1", "06.1", "07.1",
            "08.1", "09.1", "10.2", "11.2", "12.2", "14.1", "15.0", "16.2", "18.1", "20.3", "21.2", "22.1", "24.1",
            "25.0", "26.1", "27.2", "28.1", "29.1", "31.4", "33.2", "34.2", "37.2", "38.2", "40.1", "41.3", "42.2",
            "44.1", "45.1", "45.2", "48.2", "49.2", "50.1", "51.1", "52.1", "54.2", "55.2", "56.3", "57.3", "58.2",
            "59.2", "60.1", "61.1", "62.1", "63.0", "64.1", "65.1", "66.1", "67.1", "68.1", "70.2", "71.1", "75.1",
            "76.1", "77.4", "78.8", "80.2", "83.2", "85.1", "86.1");
    /** Punctures, injections, catheters, blocks, adjuncts and obstetric manoeuvres: not operations. */
    static final List<String> NON_OPERATIVE = List.of("01.01", "01.02", "03.8", "03.90", "03.91", "03.92", "03.95",
            "04.8", "05.3", "17.4", "17.7", "17.8", "17.9", "34.91", "34.92", "38.9", "39.95", "39.96", "39.97",
            "54.91", "54.96", "54.97", "54.98", "57.94", "57.95", "69.7", "73.0", "73.1", "73.4", "73.5", "73.6",
            "73.9", "75.0", "75.3", "75.4", "75.7", "75.8", "79.0", "79.7", "81.91", "81.92", "82.94", "82.95", "82.96", "83.96", "83.97", "83.98", "86.01", "86.02");
    /** Chapter 00: the implants, interventions and replacements that are operations. */
    static final List<String> CHAPTER_00_OPERATIONS = List.of("00.50", "00.51", "00.52", "00.53", "00.54", "00.55",
            "00.60", "00.61", "00.62", "00.63", "00.64", "00.65", "00.66", "00.7", "00.8");
    private static final Pattern SURGICAL_BIOPSY = Pattern.compile("开放性|直视下|切开|开胸|剖腹|(腹腔镜|胸腔镜|纵隔镜).*活");
    private static final Pattern DIAGNOSTIC_NAME = Pattern.compile("(检查|活检|活组织检查|造影|测量|监测)术?$");
    private static final Pattern MINIMALLY_INVASIVE = Pattern.compile("腔镜|镜下|内镜|内窥镜|关节镜|椎间孔镜|经皮|经导管|介入"
            + "|血管内|腔内|经尿道|输尿管镜|膀胱镜|肾镜|胆道镜|支气管镜|宫腔镜|纵隔镜|脑室镜|射频消融|栓塞");
    static final List<String> COMPLICATION_PREFIXES = List.of("T81", "T82", "T83", "T84", "T85", "T86", "T87",
            "T88.2", "T88.3", "T88.4", "T88.5", "E89", "G97", "H59", "H95", "I97", "J95", "K91", "M96", "N99", "O86.0",
            "O90.0", "O90.1");

    private CodeListRules() {
    }

    /** Whether a procedure code is an operation under the rule above. */
    public static boolean operation(String code, String name) {
        if (code.length() < 4 || !Character.isDigit(code.charAt(0)) || !Character.isDigit(code.charAt(1))) {
            return false;
        }
        int chapter = Integer.parseInt(code.substring(0, 2));
        if (chapter == 0) {
            return startsWithAny(code, CHAPTER_00_OPERATIONS);
        }
        if (chapter >= 87 || startsWithAny(code, NON_OPERATIVE)) {
            return false;
        }
        boolean diagnostic = startsWithAny(code, DIAGNOSTIC_SUBCATEGORIES) || DIAGNOSTIC_NAME.matcher(name).find();
        return !diagnostic || SURGICAL_BIOPSY.matcher(name).find();
    }

    /** The operations of a procedure dictionary (code → name), in code order. */
    public static CodeList operations(Map<String, String> procedures, String dictionary, String crossCheck) {
        Map<String, String> out = new java.util.TreeMap<>();
        procedures.forEach((c, n) -> {
            if (operation(c, n)) {
                out.put(c, n);
            }
        });
        return new CodeList("operations", "手术目录（含介入治疗；不含诊断性、治疗性操作）", "HQD 规则生成，非官方目录：依据 ICD-9-CM-3"
                + " 章节结构从 " + dictionary + " 手术操作字典筛出（01–86 章除诊断性亚目与穿刺、注射、置管、阻滞等操作，00 章仅器械置入、血管介入与关节置换，87–99 章"
                + "不是手术）；" + crossCheck + "；官方目录到位后放入数据目录 code-lists/operations.tsv 即替换", out);
    }

    /** The minimally invasive operations: those whose name says an endoscopic, percutaneous or endovascular approach. */
    public static CodeList minimallyInvasive(CodeList operations) {
        Map<String, String> out = new LinkedHashMap<>();
        operations.codes().forEach((c, n) -> {
            if (MINIMALLY_INVASIVE.matcher(n).find()) {
                out.put(c, n);
            }
        });
        return new CodeList("minimally-invasive", "微创手术目录", "HQD 规则生成，非官方目录：手术目录中名称含腔镜、镜下、内镜、"
                + "经皮、经导管、介入、血管内、经尿道、射频消融、栓塞等入路的手术；官方目录到位后放入数据目录 code-lists/minimally-invasive.tsv 即替换",
                out);
    }

    /** The complications of procedures in a diagnosis dictionary (code → name), in code order. */
    public static CodeList complications(Map<String, String> diagnoses, String dictionary) {
        Map<String, String> out = new java.util.TreeMap<>();
        diagnoses.forEach((c, n) -> {
            if (startsWithAny(c, COMPLICATION_PREFIXES)) {
                out.put(c, n);
            }
        });
        return new CodeList("complications", "手术并发症诊断目录", "HQD 规则生成，非官方目录：" + dictionary + " 诊断字典中 ICD-10"
                + " 的操作并发症类目 T81–T87、T88.2–T88.5（麻醉并发症）、各章操作后疾患 E89 G97 H59 H95 I97 J95 K91 M96 N99 与"
                + " O86.0 O90.0 O90.1；官方目录到位后放入数据目录 code-lists/complications.tsv 即替换", out);
    }

    /** How many operations of a list are on a DRG pack's OR-procedure list, and how many OR codes are not operations. */
    public static String crossCheck(CodeList operations, Map<String, String> procedures, Map<String, String> orList,
                                    String pack) {
        long both = operations.codes().keySet().stream().filter(orList::containsKey).count();
        long orOnly = orList.keySet().stream().filter(c -> procedures.containsKey(c) && !operations.contains(c)).count();
        return "对照 " + pack + " 手术室操作表：" + operations.size() + " 个手术中 " + both + " 个在表中，表中 " + orOnly
                + " 个字典编码不是手术（含 99.25 化疗、96.7 呼吸机、92.2 放疗等）";
    }

    private static boolean startsWithAny(String code, List<String> prefixes) {
        for (String p : prefixes) {
            if (code.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
