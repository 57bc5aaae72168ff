package org.hqd.app;

/** Where a use case was started from; the audit log names it for the command line and the demo. */
public enum Channel {
    CLI("命令行"),
    WEB("网页"),
    DEMO("演示");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
