package org.hqd.casemix.grouping;

import java.util.Map;

/** The Chinese names of the 26 major diagnostic categories of CHS-DRG, shared by every regional scheme. */
public final class MdcNames {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("MDCA", "先期分组疾病及相关操作"),
            Map.entry("MDCB", "神经系统疾病及功能障碍"),
            Map.entry("MDCC", "眼疾病及功能障碍"),
            Map.entry("MDCD", "头颈、耳、鼻、口、咽疾病及功能障碍"),
            Map.entry("MDCE", "呼吸系统疾病及功能障碍"),
            Map.entry("MDCF", "循环系统疾病及功能障碍"),
            Map.entry("MDCG", "消化系统疾病及功能障碍"),
            Map.entry("MDCH", "肝、胆、胰疾病及功能障碍"),
            Map.entry("MDCI", "肌肉、骨骼疾病及功能障碍"),
            Map.entry("MDCJ", "皮肤、皮下组织及乳腺疾病及功能障碍"),
            Map.entry("MDCK", "内分泌、营养、代谢疾病及功能障碍"),
            Map.entry("MDCL", "肾脏及泌尿系统疾病及功能障碍"),
            Map.entry("MDCM", "男性生殖系统疾病及功能障碍"),
            Map.entry("MDCN", "女性生殖系统疾病及功能障碍"),
            Map.entry("MDCO", "妊娠、分娩及产褥期"),
            Map.entry("MDCP", "新生儿及其他围产期新生儿疾病"),
            Map.entry("MDCQ", "血液、造血器官及免疫疾病和功能障碍"),
            Map.entry("MDCR", "骨髓增生疾病和功能障碍，低分化肿瘤"),
            Map.entry("MDCS", "感染及寄生虫病（全身性或不明部位的）"),
            Map.entry("MDCT", "精神疾病及功能障碍"),
            Map.entry("MDCU", "酒精/药物使用及其引起的器质性精神功能障碍"),
            Map.entry("MDCV", "创伤、中毒及药物毒性反应"),
            Map.entry("MDCW", "烧伤"),
            Map.entry("MDCX", "影响健康因素及其他就医情况"),
            Map.entry("MDCY", "HIV感染疾病及相关操作"),
            Map.entry("MDCZ", "多发严重创伤"));

    private MdcNames() {
    }

    /** The name of an MDC code such as {@code MDCG}, or the empty string for a code outside CHS-DRG. */
    public static String of(String mdc) {
        return NAMES.getOrDefault(mdc, "");
    }
}
