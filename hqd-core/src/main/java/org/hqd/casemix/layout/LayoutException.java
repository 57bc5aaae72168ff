package org.hqd.casemix.layout;

import java.util.List;
import org.hqd.HqdException;

/** A layout file that cannot be used; names the file and every problem found, each with its place in the file. */
public final class LayoutException extends HqdException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public LayoutException(String source, List<String> problems) {
        super("格式定义 " + source + " 有 " + problems.size() + " 处错误：\n  " + String.join("\n  ",
                problems.subList(0, Math.min(20, problems.size()))));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
