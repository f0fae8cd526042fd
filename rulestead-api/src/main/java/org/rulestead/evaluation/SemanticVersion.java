package org.rulestead.evaluation;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Semantic Versioning 2.0 version, ordered by its precedence rules (build metadata ignored). */
record SemanticVersion(BigInteger major, BigInteger minor, BigInteger patch, String[] preRelease)
        implements Comparable<SemanticVersion> {

    private static final Pattern FORM = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    static Optional<SemanticVersion> parse(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String pre = matcher.group(4);
        return Optional.of(new SemanticVersion(
                new BigInteger(matcher.group(1)),
                new BigInteger(matcher.group(2)),
                new BigInteger(matcher.group(3)),
                pre == null ? new String[0] : pre.split("\\.")));
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int core = major.compareTo(other.major);
        if (core == 0) {
            core = minor.compareTo(other.minor);
        }
        if (core == 0) {
            core = patch.compareTo(other.patch);
        }
        if (core != 0) {
            return core;
        }
        // a version without pre-release identifiers ranks above one with them
        if (preRelease.length == 0 || other.preRelease.length == 0) {
            return Boolean.compare(preRelease.length == 0, other.preRelease.length == 0);
        }
        for (int i = 0; i < Math.min(preRelease.length, other.preRelease.length); i++) {
            int order = compareIdentifiers(preRelease[i], other.preRelease[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(preRelease.length, other.preRelease.length);
    }

    private static int compareIdentifiers(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit);
        boolean numericB = b.chars().allMatch(Character::isDigit);
        if (numericA && numericB) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1; // numeric identifiers rank below alphanumeric ones
        }
        return a.compareTo(b);
    }
}
