package org.rulestead.web.admin.api;

import jakarta.ws.rs.core.EntityTag;
import org.rulestead.command.ReadVersion;

/**
 * The version a write states it read (decisions 17): the body's {@code version}, or {@code
 * If-Match} with the ETag the read answered ({@code "7"}). Either will do; both must agree.
 */
final class Versions {

    private Versions() {}

    /** The ETag of an aggregate at {@code version}: the version, quoted. */
    static EntityTag etag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    static ReadVersion read(boolean inBody, Object bodyVersion, String ifMatch) {
        Stated fromBody = inBody ? body(bodyVersion) : null;
        Stated fromHeader = ifMatch == null || ifMatch.isBlank() ? null : header(ifMatch.trim());
        if (fromBody == null && fromHeader == null) {
            return ReadVersion.absent();
        }
        if (fromBody != null && fromHeader != null) {
            if (fromBody.problem() != null || fromHeader.problem() != null) {
                return (fromBody.problem() != null ? fromBody : fromHeader).version();
            }
            if (!fromBody.value().equals(fromHeader.value())) {
                return ReadVersion.malformed("the body's version and If-Match name different versions: send one");
            }
        }
        return (fromBody != null ? fromBody : fromHeader).version();
    }

    /** A version as the caller stated it: a value, or why it is none. */
    private record Stated(Long value, String problem) {
        ReadVersion version() {
            return problem != null ? ReadVersion.malformed(problem) : ReadVersion.of(value);
        }
    }

    private static Stated body(Object value) {
        if (value instanceof Number number
                && number.doubleValue() >= 0
                && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() < Long.MAX_VALUE) {
            return new Stated(number.longValue(), null);
        }
        return new Stated(
                null, "version must be the whole number the read answered (got " + shown(String.valueOf(value)) + ")");
    }

    private static Stated header(String value) {
        if (value.equals("*")) {
            return new Stated(null, "If-Match: * names no version: send the ETag the read answered");
        }
        if (value.startsWith("W/")) {
            return new Stated(null, "a weak ETag cannot guard a write: send the ETag the read answered");
        }
        if (value.contains(",")) {
            return new Stated(null, "If-Match must name one version, the ETag the read answered");
        }
        String tag = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
        if (!tag.matches("[0-9]{1,18}")) {
            return new Stated(
                    null, "If-Match must be the ETag the read answered, e.g. \"7\" (got " + shown(value) + ")");
        }
        return new Stated(Long.parseLong(tag), null);
    }

    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
