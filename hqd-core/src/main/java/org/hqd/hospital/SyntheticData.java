package org.hqd.hospital;

/**
 * How generated (synthetic) data is marked and labelled: an optional register column whose value {@code 1} marks a
 * generated hospital, and the label every page, briefing and export made from such data carries.
 */
public final class SyntheticData {
    /** The optional column of the hospital register that marks a generated hospital with {@code 1}. */
    public static final String REGISTER_COLUMN = "synthetic";
    /** The label shown with anything made from generated data. */
    public static final String LABEL = "合成数据";
    /** The sentence that explains the label. */
    public static final String NOTICE = "合成数据：医院、患者与数值均由程序生成，不代表任何真实机构或个人";

    private SyntheticData() {
    }

    /** A title with the label: "title（合成数据）". */
    public static String labelled(String title) {
        return title + "（" + LABEL + "）";
    }
}
