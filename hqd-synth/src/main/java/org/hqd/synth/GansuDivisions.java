package org.hqd.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The administrative divisions of Gansu province (甘肃省, 620000) by GB/T 2260: its 14 prefecture-level divisions
 * and their county-level divisions, where the synthetic hospitals stand. Weights are rough population shares.
 */
final class GansuDivisions {
    static final String PROVINCE_CODE = "620000";
    static final String PROVINCE_NAME = "甘肃省";

    /** The cities, the capital 兰州市 first. */
    static final List<City> CITIES = List.of(
            city("620100", "兰州市", 4.4, "620102 城关区 D", "620103 七里河区 D", "620104 西固区 D", "620105 安宁区 D",
                    "620111 红古区 D", "620121 永登县", "620122 皋兰县", "620123 榆中县"),
            city("620200", "嘉峪关市", 0.3, "620201 市辖区 D"),
            city("620300", "金昌市", 0.4, "620302 金川区 D", "620321 永昌县"),
            city("620400", "白银市", 1.5, "620402 白银区 D", "620403 平川区 D", "620421 靖远县", "620422 会宁县",
                    "620423 景泰县"),
            city("620500", "天水市", 3.0, "620502 秦州区 D", "620503 麦积区 D", "620521 清水县", "620522 秦安县",
                    "620523 甘谷县", "620524 武山县", "620525 张家川回族自治县"),
            city("620600", "武威市", 1.5, "620602 凉州区 D", "620621 民勤县", "620622 古浪县", "620623 天祝藏族自治县"),
            city("620700", "张掖市", 1.1, "620702 甘州区 D", "620721 肃南裕固族自治县", "620722 民乐县", "620723 临泽县",
                    "620724 高台县", "620725 山丹县"),
            city("620800", "平凉市", 1.8, "620802 崆峒区 D", "620821 泾川县", "620822 灵台县", "620823 崇信县",
                    "620825 庄浪县", "620826 静宁县", "620881 华亭市 C"),
            city("620900", "酒泉市", 1.1, "620902 肃州区 D", "620921 金塔县", "620922 瓜州县", "620923 肃北蒙古族自治县",
                    "620924 阿克塞哈萨克族自治县", "620981 玉门市 C", "620982 敦煌市 C"),
            city("621000", "庆阳市", 2.2, "621002 西峰区 D", "621021 庆城县", "621022 环县", "621023 华池县",
                    "621024 合水县", "621025 正宁县", "621026 宁县", "621027 镇原县"),
            city("621100", "定西市", 2.5, "621102 安定区 D", "621121 通渭县", "621122 陇西县", "621123 渭源县",
                    "621124 临洮县", "621125 漳县", "621126 岷县"),
            city("621200", "陇南市", 2.4, "621202 武都区 D", "621221 成县", "621222 文县", "621223 宕昌县", "621224 康县",
                    "621225 西和县", "621226 礼县", "621227 徽县", "621228 两当县"),
            city("622900", "临夏回族自治州", 2.1, "622901 临夏市 C", "622921 临夏县", "622922 康乐县", "622923 永靖县",
                    "622924 广河县", "622925 和政县", "622926 东乡族自治县", "622927 积石山保安族东乡族撒拉族自治县"),
            city("623000", "甘南藏族自治州", 0.7, "623001 合作市 C", "623021 临潭县", "623022 卓尼县", "623023 舟曲县",
                    "623024 迭部县", "623025 玛曲县", "623026 碌曲县", "623027 夏河县"));

    private GansuDivisions() {
    }

    /** "620102 城关区 D": code, name and kind (D district, C county-level city, none a county). */
    private static City city(String code, String name, double weight, String... counties) {
        List<County> list = new ArrayList<>(counties.length);
        for (String c : counties) {
            String[] p = c.split(" ");
            County.Kind kind = p.length < 3 ? County.Kind.COUNTY
                    : "D".equals(p[2]) ? County.Kind.DISTRICT : County.Kind.CITY;
            list.add(new County(p[0], p[1], kind));
        }
        return new City(code, name, weight, list);
    }
}
