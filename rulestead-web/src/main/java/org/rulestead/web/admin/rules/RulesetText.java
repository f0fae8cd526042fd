package org.rulestead.web.admin.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rulestead.json.JsonTrees;

/**
 * A ruleset's rules as indented JSON lines with sorted keys, and the line diff of two of them:
 * what a reviewer reads before publishing or approving.
 */
public final class RulesetText {

    private RulesetText() {}

    /** One line of a diff: {@code same}, {@code added} or {@code removed}. */
    public record DiffLine(String kind, String text) {}

    public static List<String> lines(Object rules) {
        List<String> lines = new ArrayList<>();
        write(rules, 0, "", lines, "");
        return lines;
    }

    /** The longest-common-subsequence line diff from {@code before} to {@code after}. */
    public static List<DiffLine> diff(List<String> before, List<String> after) {
        int[][] common = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<DiffLine> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.size() && j < after.size()) {
            if (before.get(i).equals(after.get(j))) {
                diff.add(new DiffLine("same", before.get(i++)));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                diff.add(new DiffLine("removed", before.get(i++)));
            } else {
                diff.add(new DiffLine("added", after.get(j++)));
            }
        }
        while (i < before.size()) {
            diff.add(new DiffLine("removed", before.get(i++)));
        }
        while (j < after.size()) {
            diff.add(new DiffLine("added", after.get(j++)));
        }
        return diff;
    }

    public static boolean changes(List<DiffLine> diff) {
        return diff.stream().anyMatch(line -> !line.kind().equals("same"));
    }

    private static void write(Object value, int depth, String label, List<String> lines, String comma) {
        String indent = "  ".repeat(depth);
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            lines.add(indent + label + "{");
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
            int left = sorted.size();
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                write(
                        entry.getValue(),
                        depth + 1,
                        JsonTrees.write(entry.getKey()) + ": ",
                        lines,
                        --left > 0 ? "," : "");
            }
            lines.add(indent + "}" + comma);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            lines.add(indent + label + "[");
            int left = list.size();
            for (Object item : list) {
                write(item, depth + 1, "", lines, --left > 0 ? "," : "");
            }
            lines.add(indent + "]" + comma);
        } else {
            lines.add(indent + label + (value == null ? "null" : JsonTrees.write(value)) + comma);
        }
    }
}
