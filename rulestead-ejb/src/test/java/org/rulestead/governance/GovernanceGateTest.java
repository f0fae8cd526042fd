package org.rulestead.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.validation.Finding;

/**
 * The one governance gate (spec §6.3–§6.7): each route (direct, change request, scheduled) for
 * each kind of actor, against the default role-based policy, with production protected.
 */
class GovernanceGateTest {

    private final List<DeniedAttempt> denied = new ArrayList<>();
    private final Caller caller = new Caller();
    private final RecordingAction publish =
            new RecordingAction(Action.PUBLISH_RULESET, GovernedAction.DirectAuthorization.GOVERNED);
    private final RecordingAction engage =
            new RecordingAction(Action.ENGAGE_KILL_SWITCH, GovernedAction.DirectAuthorization.CAPABILITY);
    private final GovernanceGate gate = new GovernanceGate(authorization(), List.of(publish, engage));

    private Authorization authorization() {
        ProtectedEnvironments production = new ProtectedEnvironments() {
            @Override
            public boolean isProtected(String environmentKey) {
                return "production".equals(environmentKey);
            }
        };
        return new Authorization(
                caller, new RoleBasedPolicy(production), production, denied::add, new EnvironmentGrants());
    }

    private static GovernedCommand publishIn(String environmentKey) {
        return GovernedCommand.onFlag(Action.PUBLISH_RULESET, "checkout", environmentKey, Map.of("version", 2));
    }

    private static CommandContext because(String reason) {
        return new CommandContext(reason, "req-1", "test");
    }

    @Test
    void anAdminPublishesDirectlyWhereNoChangeRequestIsRequired() {
        caller.signIn("admin", Role.ADMIN);

        String result = gate.direct(publish, publishIn("staging"), because("ship"));

        assertThat(result).isEqualTo("applied publish_ruleset");
        GovernedExecution execution = publish.applied.get(0);
        assertThat(execution.actor().id()).isEqualTo("admin");
        assertThat(execution.actor().type()).isEqualTo(ActorType.OPERATOR);
        assertThat(execution.governance()).isEmpty();
        assertThat(execution.context().correlationId()).isEqualTo("req-1");
        assertThat(denied).isEmpty();
    }

    @Test
    void aPersonPublishingInAProtectedEnvironmentIsToldToProposeAChangeRequest() {
        caller.signIn("admin", Role.ADMIN);

        assertThatThrownBy(() -> gate.direct(publish, publishIn("production"), because("ship")))
                .isInstanceOfSatisfying(CommandRejected.Forbidden.class, refused -> assertThat(refused.metadata())
                        .containsEntry("reason", "change_request_required"));
        assertThat(publish.applied).isEmpty();
        assertThat(denied).singleElement().satisfies(attempt -> {
            assertThat(attempt.eventType()).isEqualTo("ruleset.publish");
            assertThat(attempt.metadata()).containsEntry("denial_reason", "change_request_required");
            assertThat(attempt.metadata()).containsKey("approval_requirement");
        });
    }

    @Test
    void theKillSwitchNeedsOnlyItsCapabilityEvenInAProtectedEnvironment() {
        caller.signIn("admin", Role.ADMIN);

        gate.direct(
                engage,
                GovernedCommand.onFlag(Action.ENGAGE_KILL_SWITCH, "checkout", "production", Map.of()),
                because("incident"));

        assertThat(engage.applied).hasSize(1);
    }

    @Test
    void aPersonWithoutTheCapabilityIsRefusedAndAuditedBeforeTheCommandIsChecked() {
        caller.signIn("viewer", Role.VIEWER);
        GovernedCommand malformed =
                GovernedCommand.onFlag(Action.PUBLISH_RULESET, "checkout", "staging", Map.of("colour", "red"));

        assertThatThrownBy(() -> gate.direct(publish, malformed, because("ship")))
                .isInstanceOf(CommandRejected.Forbidden.class);
        assertThat(denied)
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.actor().id()).isEqualTo("viewer"));
        assertThat(publish.applied).isEmpty();
    }

    @Test
    void aMalformedCommandIsRefusedWithItsFindingsAndAppliesNothing() {
        caller.signIn("admin", Role.ADMIN);
        GovernedCommand malformed =
                GovernedCommand.onFlag(Action.PUBLISH_RULESET, "checkout", "staging", Map.of("colour", "red"));

        assertThatThrownBy(() -> gate.direct(publish, malformed, because("ship")))
                .isInstanceOfSatisfying(CommandRejected.Invalid.class, refused -> assertThat(refused.details())
                        .extracting(Finding::field)
                        .containsExactly("colour"));
        assertThat(publish.applied).isEmpty();
    }

    @Test
    void withNobodySignedInTheDirectRouteIsRefused() {
        assertThatThrownBy(() -> gate.direct(publish, publishIn("staging"), because("ship")))
                .isInstanceOfSatisfying(CommandRejected.Forbidden.class, refused -> assertThat(refused.metadata())
                        .containsEntry("reason", "unauthenticated"));
    }

    @Test
    void theSchedulerIsNotAskedForCapabilitiesAndActsAsItself() {
        GateOutcome<String> outcome =
                gate.pass(Actor.SCHEDULER, publish, publishIn("staging"), Route.DIRECT, because("tick"));

        assertThat(outcome).isEqualTo(new GateOutcome.Applied<>("applied publish_ruleset"));
        Actor actor = publish.applied.get(0).actor();
        assertThat(actor.id()).isEqualTo("system:scheduler");
        assertThat(actor.type()).isEqualTo(ActorType.SYSTEM);
        assertThat(actor.display()).isEqualTo("Scheduler");
        assertThat(actor.type().wireName()).isEqualTo("system");
    }

    @Test
    void inAProtectedEnvironmentTheSchedulerIsRoutedToAChangeRequestAndAppliesNothing() {
        GateOutcome<String> outcome =
                gate.pass(Actor.SCHEDULER, publish, publishIn("production"), Route.DIRECT, because("tick"));

        assertThat(outcome).isInstanceOfSatisfying(GateOutcome.ChangeRequestRequired.class, routed -> {
            assertThat(routed.requirement().changeRequestRequired()).isTrue();
            assertThat(routed.requirement().requiredApprovals()).isEqualTo(1);
        });
        assertThat(publish.applied).isEmpty();
        assertThat(denied).isEmpty();
    }

    @Test
    void anApiKeyOrWebhookActorGetsWhatThePolicyGrantsIt() {
        Actor webhook = new Actor("system:webhook:pager", ActorType.WEBHOOK, "Pager", Set.of());
        Actor keyed = new Actor("key:ci", ActorType.API_KEY, "CI", Set.of(Role.EDITOR));

        assertThatThrownBy(() -> gate.pass(
                        webhook,
                        engage,
                        GovernedCommand.onFlag(Action.ENGAGE_KILL_SWITCH, "checkout", "staging", Map.of()),
                        Route.DIRECT,
                        because("alert")))
                .isInstanceOf(CommandRejected.Forbidden.class);
        assertThat(denied)
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.actor().type()).isEqualTo(ActorType.WEBHOOK));

        gate.pass(keyed, publish, publishIn("staging"), Route.DIRECT, because("pipeline"));
        assertThat(publish.applied)
                .singleElement()
                .satisfies(execution -> assertThat(execution.actor().type()).isEqualTo(ActorType.API_KEY));
    }

    @Test
    void executingAnApprovedChangeRequestCarriesItsGovernanceAndCorrelation() {
        Actor executor = Actor.operator("admin2", Set.of(Role.ADMIN));

        // a change request names its action; the gate finds the feature that governs it
        gate.pass(executor, publishIn("production"), new Route.ChangeRequest(7, "cr-corr"), because("approved"));
        assertThatThrownBy(() -> gate.pass(
                        executor,
                        GovernedCommand.onFlag(Action.PROMOTE_ENVIRONMENT, "checkout", "production", Map.of()),
                        new Route.ChangeRequest(8, "cr-2"),
                        because("approved")))
                .isInstanceOf(CommandRejected.Invalid.class);

        GovernedExecution execution = publish.applied.get(0);
        assertThat(execution.governance())
                .containsEntry("request_id", "cr-corr")
                .containsEntry("change_request_id", 7L)
                .containsEntry("governance_action", "publish_ruleset")
                .containsEntry("execution_stage", "execute");
        assertThat(execution.context().correlationId()).isEqualTo("cr-corr");
        assertThat(execution.context().reason()).isEqualTo("approved");
    }

    @Test
    void aScheduledPolicyBypassAsksGovernanceAgainWhenItFallsDue() {
        Route.Scheduled due = new Route.Scheduled("se-1", Route.ExecutionMode.POLICY_BYPASS, null, "se-corr");

        assertThat(gate.pass(Actor.SCHEDULER, publish, publishIn("production"), due, because("due")))
                .isInstanceOf(GateOutcome.ChangeRequestRequired.class);
        assertThat(gate.pass(Actor.SCHEDULER, publish, publishIn("staging"), due, because("due")))
                .isInstanceOf(GateOutcome.Applied.class);
        assertThat(publish.applied.get(0).governance())
                .containsEntry("scheduled_execution_id", "se-1")
                .containsEntry("execution_mode", "policy_bypass")
                .containsEntry("executed_by", "scheduler")
                .containsEntry("request_id", "se-corr");
    }

    @Test
    void aScheduledEmergencyBypassOrChangeRequestApplies() {
        gate.pass(
                Actor.SCHEDULER,
                publish,
                publishIn("production"),
                new Route.Scheduled("se-2", Route.ExecutionMode.EMERGENCY_BYPASS, null, "c2"),
                because("due"));
        gate.pass(
                Actor.SCHEDULER,
                publish,
                publishIn("production"),
                new Route.Scheduled("se-3", Route.ExecutionMode.CHANGE_REQUEST, 9L, "c3"),
                because("due"));

        assertThat(publish.applied).hasSize(2);
        assertThat(publish.applied.get(1).governance())
                .containsEntry("change_request_id", 9L)
                .containsEntry("execution_mode", "change_request");
    }

    @Test
    void onlyTheSchedulerRunsScheduledExecutions() {
        Route.Scheduled due = new Route.Scheduled("se-1", Route.ExecutionMode.EMERGENCY_BYPASS, null, "c");

        assertThatThrownBy(() -> gate.pass(
                        Actor.operator("admin", Set.of(Role.ADMIN)),
                        publish,
                        publishIn("staging"),
                        due,
                        because("due")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Route.Scheduled("se-1", Route.ExecutionMode.CHANGE_REQUEST, null, "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(publish.applied).isEmpty();
    }

    @Test
    void aChangeRequestsCommandIsCheckedWithItsFieldsNamedUnderCommand() {
        GovernedCommand malformed =
                GovernedCommand.onFlag(Action.PUBLISH_RULESET, "checkout", "staging", Map.of("colour", "red"));

        assertThatThrownBy(() -> gate.check(malformed, "command."))
                .isInstanceOfSatisfying(CommandRejected.Invalid.class, refused -> assertThat(refused.details())
                        .extracting(Finding::field)
                        .containsExactly("command.colour"));
        assertThatThrownBy(() -> gate.check(
                        GovernedCommand.onFlag(Action.ADVANCE_ROLLOUT, "checkout", "staging", Map.of()), "command."))
                .isInstanceOfSatisfying(CommandRejected.Invalid.class, refused -> assertThat(
                                refused.details().get(0).message())
                        .isEqualTo("must be one of publish_ruleset, engage_kill_switch (got advance_rollout)"));
    }

    @Test
    void aPreviewIsTheFeaturesAndChangesNothing() {
        GovernedPreview preview = gate.preview(publishIn("production"));

        assertThat(preview.summary()).isEqualTo("publish_ruleset {version=2}");
        assertThat(preview.after()).containsEntry("version", 2);
        assertThat(publish.applied).isEmpty();
        assertThatThrownBy(() ->
                        gate.preview(GovernedCommand.onFlag(Action.ADVANCE_ROLLOUT, "checkout", "staging", Map.of())))
                .isInstanceOf(CommandRejected.Invalid.class);
    }

    @Test
    void eachGovernedActionHasOnePlugInFromTheGovernanceCatalog() {
        assertThat(gate.governedActions()).containsExactly(Action.PUBLISH_RULESET, Action.ENGAGE_KILL_SWITCH);
        assertThat(gate.find("engage_kill_switch")).contains(engage);
        assertThatThrownBy(() -> new GovernanceGate(authorization(), List.of(publish, publish)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new GovernanceGate(
                        authorization(),
                        List.of(new RecordingAction(Action.SAVE_DRAFT, GovernedAction.DirectAuthorization.GOVERNED))))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A governed action that records what the gate hands it; it takes only {@code version}. */
    private static final class RecordingAction implements GovernedAction<String> {
        private final Action action;
        private final DirectAuthorization direct;
        private final List<GovernedExecution> applied = new ArrayList<>();

        RecordingAction(Action action, DirectAuthorization direct) {
            this.action = action;
            this.direct = direct;
        }

        @Override
        public Action action() {
            return action;
        }

        @Override
        public String eventType() {
            return action == Action.PUBLISH_RULESET ? "ruleset.publish" : "kill_switch.engage";
        }

        @Override
        public DirectAuthorization directAuthorization() {
            return direct;
        }

        @Override
        public List<Finding> validate(GovernedCommand command) {
            return command.fields().keySet().stream()
                    .filter(field -> !field.equals("version"))
                    .map(field -> new Finding(field, "is not a field"))
                    .toList();
        }

        @Override
        public GovernedPreview preview(GovernedCommand command) {
            return new GovernedPreview(action.wireName() + " " + command.fields(), Map.of(), command.fields());
        }

        @Override
        public String apply(GovernedExecution execution) {
            applied.add(execution);
            return "applied " + action.wireName();
        }
    }

    /** The container's security context, reduced to who is signed in with which registry roles. */
    private static final class Caller implements SecurityContext {
        private Principal principal;
        private Set<String> roles = Set.of();

        void signIn(String name, Role role) {
            principal = () -> name;
            roles = Set.of(role.roleName());
        }

        @Override
        public Principal getCallerPrincipal() {
            return principal;
        }

        @Override
        public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
            return Set.of();
        }

        @Override
        public boolean isCallerInRole(String role) {
            return roles.contains(role);
        }

        @Override
        public boolean hasAccessToWebResource(String resource, String... methods) {
            return false;
        }

        @Override
        public AuthenticationStatus authenticate(
                HttpServletRequest request, HttpServletResponse response, AuthenticationParameters parameters) {
            return AuthenticationStatus.NOT_DONE;
        }
    }
}
