package org.hqd.casemix.dip;

import java.util.ArrayList;
import java.util.List;

/** A condition of the DIP auxiliary catalogue (see {@link DipAuxiliary}): parts that must all hold. */
final class AuxCondition {
    private record Part(String field, String op, int number, List<String> values) { }

    private final List<Part> parts;

    private AuxCondition(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    static AuxCondition parse(String text) {
        List<Part> parts = new ArrayList<>();
        if (text.isBlank()) {
            return new AuxCondition(parts);
        }
        for (String raw : text.split("&")) {
            String p = raw.strip();
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("(cci|age_years|age_days|discharge_method|secondary_dx|any_proc)\\s*(>=|<=|=|\\^)\\s*(.+)")
                    .matcher(p);
            if (!m.matches()) {
                throw new IllegalArgumentException("条件 '" + p + "' 无法识别；可用 cci>=N、cci<=N、cci=N、age_years>=N、"
                        + "age_years<=N、age_days<=N、discharge_method=5、secondary_dx^前缀|前缀、any_proc^前缀|前缀");
            }
            String field = m.group(1);
            String op = m.group(2);
            boolean list = field.equals("secondary_dx") || field.equals("any_proc") || field.equals("discharge_method");
            if (list != (op.equals("^") || field.equals("discharge_method") && op.equals("="))) {
                throw new IllegalArgumentException("条件 '" + p + "' 的比较符不适用于 " + field);
            }
            int n = 0;
            if (!list) {
                try {
                    n = Integer.parseInt(m.group(3).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("条件 '" + p + "' 应比较整数");
                }
            }
            parts.add(new Part(field, op, n, list ? List.of(m.group(3).strip().split("\\s*\\|\\s*")) : List.of()));
        }
        return new AuxCondition(parts);
    }

    boolean needsCci() {
        return parts.stream().anyMatch(p -> p.field().equals("cci"));
    }

    boolean test(AuxCase c, int cci) {
        for (Part p : parts) {
            boolean ok = switch (p.field()) {
                case "cci" -> compare(cci, p);
                case "age_years" -> c.ageYears() >= 0 && compare(c.ageYears(), p);
                case "age_days" -> c.ageDays() >= 0 && compare(c.ageDays(), p);
                case "discharge_method" -> p.values().contains(c.dischargeMethod().strip());
                case "secondary_dx" -> c.secondaryDx().stream().anyMatch(d -> p.values().stream().anyMatch(d.strip()::startsWith));
                case "any_proc" -> c.procedures().stream().anyMatch(d -> p.values().stream().anyMatch(d.strip()::startsWith));
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean compare(int v, Part p) {
        return switch (p.op()) {
            case ">=" -> v >= p.number();
            case "<=" -> v <= p.number();
            default -> v == p.number();
        };
    }
}
