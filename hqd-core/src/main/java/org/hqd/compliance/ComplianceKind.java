package org.hqd.compliance;

/** The kinds of compliance rule HQD screens with; a rule file gives each its thresholds. */
public enum ComplianceKind {
    /** The same patient readmitted soon after discharge with the same ADRG or MDC (分解住院). */
    SPLIT_STAY("分解住院"),
    /** A short, cheap stay without an operation, discharged home (低标准入院). */
    NEEDLESS_ADMISSION("低标准入院"),
    /** A hospital's share of cases with CC/MCC in an ADRG far above its peers' (高套编码信号). */
    CC_RATE("高套信号：CC/MCC 比例"),
    /** A hospital's mean number of secondary diagnoses in an ADRG far above its peers' (高套编码信号). */
    SECONDARY_DX_COUNT("高套信号：其他诊断数"),
    /** A CC/MCC diagnosis with none of the charges its treatment would bring (高套编码信号). */
    CC_WITHOUT_CHARGES("高套信号：CC/MCC 无相应费用");

    private final String label;

    ComplianceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
