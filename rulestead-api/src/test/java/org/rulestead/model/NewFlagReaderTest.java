package org.rulestead.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rulestead.validation.Finding;
import org.rulestead.validation.Reading;

class NewFlagReaderTest {

    private static Map<String, Object> checkoutV2() {
        Map<String, Object> document = new HashMap<>();
        document.put("key", "checkout_v2");
        document.put("description", "New checkout");
        document.put("value_type", "boolean");
        document.put("default_value", false);
        document.put("owner_ref", "team-checkout");
        document.put("expected_expiration", "2027-03-31");
        document.put("tags", List.of(" checkout ", "checkout", "", "q1"));
        return document;
    }

    private static NewFlag valid(Map<String, Object> document) {
        Reading<NewFlag> reading = NewFlagReader.read(document);
        assertThat(reading).isInstanceOf(Reading.Valid.class);
        return ((Reading.Valid<NewFlag>) reading).value();
    }

    private static List<Finding> findings(Map<String, Object> document) {
        Reading<NewFlag> reading = NewFlagReader.read(document);
        assertThat(reading).isInstanceOf(Reading.Invalid.class);
        return ((Reading.Invalid<NewFlag>) reading).findings();
    }

    @Test
    void readsAFlagWithItsOwnerAndExpectedExpiration() {
        FlagDefinition flag = valid(checkoutV2()).definition();

        assertThat(flag.key()).isEqualTo("checkout_v2");
        assertThat(flag.flagType()).isEqualTo(FlagType.RELEASE);
        assertThat(flag.valueType()).isEqualTo(ValueType.BOOLEAN);
        assertThat(flag.defaultValue()).isEqualTo(false);
        assertThat(flag.ownership()).isEqualTo(new Ownership("team-checkout", OwnerKind.TEAM, null));
        assertThat(flag.lifecycle().mode()).isEqualTo(LifecycleMode.EXPIRING);
        assertThat(flag.lifecycle().reviewBy()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(flag.lifecycle().source()).isEqualTo(LifecycleSource.FLAG_TYPE);
        assertThat(flag.tags()).containsExactly("checkout", "q1");
    }

    @Test
    void permanentFlagOfAReleaseTypeRecordsTheOverride() {
        Map<String, Object> document = checkoutV2();
        document.remove("expected_expiration");
        document.put("permanent", true);

        Lifecycle lifecycle = valid(document).definition().lifecycle();

        assertThat(lifecycle.mode()).isEqualTo(LifecycleMode.PERMANENT);
        assertThat(lifecycle.reviewBy()).isNull();
        assertThat(lifecycle.source()).isEqualTo(LifecycleSource.OPERATOR_OVERRIDE);
        assertThat(lifecycle.defaultOverridden()).isTrue();
    }

    @Test
    void acceptsTheSpecsNestedOwnershipLifecycleAndWrappedDefault() {
        Map<String, Object> document = checkoutV2();
        document.remove("owner_ref");
        document.remove("expected_expiration");
        document.put("ownership", Map.of("owner_ref", "ada", "owner_kind", "person", "owner_display", "Ada"));
        document.put("lifecycle", Map.of("mode", "expiring", "review_by", "2027-01-15"));
        document.put("default_value", Map.of("value", true));

        FlagDefinition flag = valid(document).definition();

        assertThat(flag.ownership().label()).isEqualTo("Ada");
        assertThat(flag.ownership().ownerKind()).isEqualTo(OwnerKind.PERSON);
        assertThat(flag.lifecycle().reviewBy()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(flag.defaultValue()).isEqualTo(true);
    }

    @Test
    void missingOwnerIsAFindingAtOwnerRef() {
        Map<String, Object> document = checkoutV2();
        document.remove("owner_ref");

        assertThat(findings(document)).extracting(Finding::field).containsExactly("owner_ref");
    }

    @Test
    void missingLifecycleIsAFinding() {
        Map<String, Object> document = checkoutV2();
        document.remove("expected_expiration");

        assertThat(findings(document)).extracting(Finding::field).containsExactly("lifecycle");
    }

    @Test
    void remoteConfigMustChooseItsLifecycle() {
        Map<String, Object> document = checkoutV2();
        document.remove("expected_expiration");
        document.put("flag_type", "remote_config");

        assertThat(findings(document))
                .containsExactly(
                        new Finding("lifecycle", "must choose permanent or expected expiration for remote config"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> document = new HashMap<>();
        document.put("key", "Bad Key");
        document.put("flag_type", "feature");
        document.put("value_type", "integer");
        document.put("default_value", "ten");
        document.put("expected_expiration", "31/03/2027");
        document.put("permanent", "yes");
        document.put("tags", "one");
        document.put("environments", List.of("Production"));

        assertThat(findings(document))
                .extracting(Finding::field)
                .containsExactlyInAnyOrder(
                        "key",
                        "flag_type",
                        "default_value",
                        "owner_ref",
                        "expected_expiration",
                        "permanent",
                        "lifecycle",
                        "tags",
                        "environments[0]");
    }

    @Test
    void defaultValueMustMatchTheValueType() {
        Map<String, Object> document = checkoutV2();
        document.put("value_type", "integer");
        document.put("default_value", 2.5);

        assertThat(findings(document)).containsExactly(new Finding("default_value", "must be a integer value"));
    }

    @Test
    void valueTypeIsRequired() {
        Map<String, Object> document = checkoutV2();
        document.put("value_type", " ");

        assertThat(findings(document)).extracting(Finding::field).containsExactly("value_type");
    }

    @Test
    void permanentAndAnExpirationContradictEachOther() {
        Map<String, Object> document = checkoutV2();
        document.put("permanent", true);

        assertThat(findings(document)).extracting(Finding::field).containsExactly("permanent");
    }

    @Test
    void aWrittenFlagReadsBackAsTheSameFlag() {
        FlagDefinition expiring = valid(checkoutV2()).definition();
        Map<String, Object> permanentDocument = checkoutV2();
        permanentDocument.remove("expected_expiration");
        permanentDocument.put("permanent", true);
        permanentDocument.put("value_type", "json");
        permanentDocument.put("default_value", Map.of("value", Map.of("limit", 3)));
        FlagDefinition permanent = valid(permanentDocument).definition();

        for (FlagDefinition flag : List.of(expiring, permanent)) {
            assertThat(valid(FlagDocuments.toDocument(flag)).definition()).isEqualTo(flag);
        }
    }
}
