package org.rulestead.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rulestead.json.JsonTrees;

/** The bounds every JSON body is read within (docs/security.md). */
class JsonBodiesTest {

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static MalformedRequest refusal(String text) {
        try {
            JsonBodies.parse(text);
        } catch (MalformedRequest refused) {
            return refused;
        }
        throw new AssertionError("accepted: " + text.substring(0, Math.min(80, text.length())));
    }

    @Test
    void aBodyNestedFiveThousandLevelsDeepIsRefusedAs400() {
        MalformedRequest refused = refusal("{\"a\": " + nested(5000) + "}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).contains("nested deeper than 64");
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        // the object itself is one level: 63 arrays inside it make 64
        assertThat(JsonBodies.parse("{\"a\": " + nested(63) + "}")).containsKey("a");
        assertThat(refusal("{\"a\": " + nested(64) + "}").status()).isEqualTo(400);
        assertThat(refusal("{\"a\": {\"b\": " + nested(63) + "}}").status()).isEqualTo(400);
    }

    @Test
    void valuesComeOutAsJsonTreesReadsThem() {
        String text =
                """
                {"s": "x", "i": 42, "big": 123456789012345678901234567890, "d": 1.5, "e": 1e2,
                 "t": true, "f": false, "n": null, "l": [1, "a", {"k": []}], "o": {"x": {"y": -7}}}
                """;

        Map<String, Object> read = JsonBodies.parse(text);

        assertThat(read).isEqualTo(JsonTrees.read(text));
        assertThat(read.get("i")).isEqualTo(42L);
        assertThat(read.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(read.get("d")).isEqualTo(new BigDecimal("1.5"));
        assertThat(read.get("l")).isEqualTo(List.of(1L, "a", Map.of("k", List.of())));
        assertThat(read.keySet()).containsExactly("s", "i", "big", "d", "e", "t", "f", "n", "l", "o");
    }

    @Test
    void numbersThatOnlyLookSmallAreRefused() {
        assertThat(refusal("{\"n\": 1e999999999}").getMessage()).contains("out of range");
        assertThat(refusal("{\"n\": " + "9".repeat(101) + "}").getMessage()).contains("longer than 100");
        assertThat(JsonBodies.parse("{\"n\": 1e300}").get("n")).isEqualTo(new BigDecimal("1e300"));
    }

    @Test
    void anythingButOneObjectIs400() {
        assertThat(refusal("{\"a\": 1} {\"b\": 2}").getMessage()).contains("not valid JSON");
        assertThat(refusal("{\"a\": 1} trailing").getMessage()).contains("not valid JSON");
        assertThat(refusal("[1, 2]").getMessage()).contains("must be a JSON object");
        assertThat(refusal("{\"a\": ").getMessage()).contains("not valid JSON");
        assertThat(refusal("{reason").getMessage()).contains("not valid JSON");
        assertThat(refusal("").status()).isEqualTo(400);
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        byte[] large = ("{\"s\": \"" + "x".repeat(JsonBodies.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JsonBodies.object(new ByteArrayInputStream(large)))
                .isInstanceOfSatisfying(MalformedRequest.class, refused -> assertThat(refused.status())
                        .isEqualTo(413));
    }
}
