package org.rulestead.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Decisions 9 and 18: registry roles count everywhere, granted roles in their environment only. */
class RoleBasedPolicyTest {

    private static final ResourceRef FLAG = ResourceRef.flag("checkout");

    private final RoleBasedPolicy policy = new RoleBasedPolicy(new ProtectedEnvironments() {
        @Override
        public boolean isProtected(String environmentKey) {
            return "production".equals(environmentKey);
        }
    });

    private static Actor granted(Map<String, Set<Role>> grants) {
        return new Actor("newcomer", ActorType.OPERATOR, "newcomer", Set.of(), grants);
    }

    @Test
    void aGrantCountsInItsEnvironmentOnly() {
        Actor newcomer = granted(Map.of("staging", Set.of(Role.EDITOR)));

        assertThat(policy.can(newcomer, Action.SAVE_DRAFT, FLAG, "staging")).isTrue();
        assertThat(policy.can(newcomer, Action.PUBLISH_RULESET, FLAG, "staging"))
                .isTrue();
        assertThat(policy.can(newcomer, Action.READ_RULESETS, FLAG, "staging")).isTrue();
        assertThat(policy.can(newcomer, Action.SAVE_DRAFT, FLAG, "development")).isFalse();
        assertThat(policy.can(newcomer, Action.READ_RULESETS, FLAG, "development"))
                .isFalse();
        assertThat(policy.can(newcomer, Action.SAVE_DRAFT, FLAG, "production")).isFalse();
        assertThat(policy.can(newcomer, Action.APPROVE_CHANGE_REQUEST, FLAG, "staging"))
                .isFalse();
    }

    @Test
    void aRegistryRoleCountsEverywhere() {
        Actor editor = Actor.operator("editor", Set.of(Role.EDITOR));

        assertThat(policy.can(editor, Action.SAVE_DRAFT, FLAG, "development")).isTrue();
        assertThat(policy.can(editor, Action.SAVE_DRAFT, FLAG, "production")).isTrue();
        assertThat(policy.can(editor, Action.PUBLISH_RULESET, FLAG, "production"))
                .isFalse();
        assertThat(policy.can(editor, Action.CREATE_FLAG, FLAG, null)).isTrue();
    }

    @Test
    void aReadAcrossEnvironmentsNeedsTheRoleSomewhere() {
        Actor newcomer = granted(Map.of("staging", Set.of(Role.VIEWER)));
        Actor auditorInStaging = granted(Map.of("staging", Set.of(Role.AUDITOR)));

        assertThat(policy.can(newcomer, Action.READ_FLAGS, FLAG, null)).isTrue();
        assertThat(policy.can(newcomer, Action.READ_CHANGE_REQUESTS, FLAG, null))
                .isTrue();
        assertThat(policy.can(newcomer, Action.LIST_AUDIT_EVENTS, FLAG, null)).isTrue();
        assertThat(policy.can(auditorInStaging, Action.LIST_AUDIT_EVENTS, FLAG, null))
                .isTrue();
        assertThat(policy.can(auditorInStaging, Action.LIST_AUDIT_EVENTS, FLAG, "staging"))
                .isTrue();
        assertThat(policy.can(auditorInStaging, Action.LIST_AUDIT_EVENTS, FLAG, "production"))
                .isFalse();
        assertThat(policy.can(auditorInStaging, Action.READ_FLAGS, FLAG, null)).isFalse();
    }

    @Test
    void aChangeToWhatEveryEnvironmentSharesNeedsTheRoleEverywhere() {
        Actor editorInEveryGrant = granted(Map.of(
                "development", Set.of(Role.EDITOR), "staging", Set.of(Role.EDITOR), "production", Set.of(Role.ADMIN)));
        Actor auditorInStaging = granted(Map.of("staging", Set.of(Role.AUDITOR)));

        assertThat(policy.can(editorInEveryGrant, Action.CREATE_FLAG, FLAG, null))
                .isFalse();
        assertThat(policy.can(editorInEveryGrant, Action.UPDATE_FLAG, FLAG, null))
                .isFalse();
        assertThat(policy.can(editorInEveryGrant, Action.ARCHIVE_FLAG, FLAG, null))
                .isFalse();
        assertThat(policy.can(auditorInStaging, Action.EXPORT_AUDIT, FLAG, null))
                .isFalse();
        assertThat(policy.can(Actor.operator("auditor", Set.of(Role.AUDITOR)), Action.EXPORT_AUDIT, FLAG, null))
                .isTrue();
    }

    @Test
    void withoutAnyRoleNothingIsAllowedAnywhere() {
        Actor newcomer = granted(Map.of());

        for (Action action : Action.values()) {
            for (String environment : new String[] {null, "development", "staging", "production"}) {
                assertThat(policy.can(newcomer, action, FLAG, environment))
                        .as("%s in %s", action, environment)
                        .isFalse();
            }
        }
    }
}
