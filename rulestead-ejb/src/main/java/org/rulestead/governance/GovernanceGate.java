package org.rulestead.governance;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.validation.Finding;

/**
 * The one way a governed change is applied (spec §6.3–§6.7), whoever asks and by whichever route:
 * directly, by executing an approved change request, or by the scheduler. It authorizes the actor
 * for the route, resolves the approval requirement, checks the command, and hands it to the
 * feature's {@link GovernedAction}, which applies and audits it in the caller's transaction.
 *
 * <p>Who is asked what: a person, an API key or a webhook needs the action's capability from the
 * policy (a refusal is audited); a system actor (a timer tick) is not asked for capabilities, the
 * person who set the automation up was (spec §5.6), but governance still routes it: where a change
 * request is required the gate answers {@link GateOutcome.ChangeRequestRequired} and applies nothing.
 */
@Dependent
public class GovernanceGate {

    private final Authorization authorization;
    private final Map<Action, GovernedAction<?>> actions = new EnumMap<>(Action.class);

    @Inject
    public GovernanceGate(Authorization authorization, @Any Instance<GovernedAction<?>> plugins) {
        this(authorization, (Iterable<GovernedAction<?>>) plugins);
    }

    public GovernanceGate(Authorization authorization, Iterable<? extends GovernedAction<?>> plugins) {
        this.authorization = authorization;
        for (GovernedAction<?> plugin : plugins) {
            if (plugin.action().catalog() != Action.Catalog.GOVERNANCE) {
                throw new IllegalStateException(plugin.action().wireName() + " is not a governance action");
            }
            if (actions.put(plugin.action(), plugin) != null) {
                throw new IllegalStateException(
                        "two governed actions for " + plugin.action().wireName());
            }
        }
    }

    /** The governed actions the features provide, in catalog order. */
    public List<Action> governedActions() {
        return List.copyOf(actions.keySet());
    }

    /** The governed action named {@code wireName}, if a feature provides it. */
    public Optional<GovernedAction<?>> find(String wireName) {
        return actions.entrySet().stream()
                .filter(entry -> entry.getKey().wireName().equals(wireName))
                .<GovernedAction<?>>map(Map.Entry::getValue)
                .findFirst();
    }

    /**
     * Applies {@code command} directly as the signed-in operator: refused (and audited) without
     * the capability, and, for a governed action, with {@code change_request_required} where a
     * change request is required. Authorization comes before the command's own checks.
     */
    public <R> R direct(GovernedAction<R> action, GovernedCommand command, CommandContext context) {
        GateOutcome<R> outcome = pass(authorization.currentActor(), action, command, Route.DIRECT, context);
        return ((GateOutcome.Applied<R>) outcome).result();
    }

    /** As {@link #pass(Actor, GovernedAction, GovernedCommand, Route, CommandContext)}, by the command's action. */
    public GateOutcome<?> pass(Actor actor, GovernedCommand command, Route route, CommandContext context) {
        GovernedAction<?> action = actions.get(command.action());
        if (action == null) {
            throw unsupported(command.action().wireName());
        }
        return pass(actor, action, command, route, context);
    }

    /**
     * Passes {@code command} through the gate as {@code actor} by {@code route}. A change request
     * route must already be authorized to execute the request (the caller owns its state); the
     * scheduled route is the scheduler's alone.
     */
    public <R> GateOutcome<R> pass(
            Actor actor, GovernedAction<R> action, GovernedCommand command, Route route, CommandContext context) {
        if (action.action() != command.action()) {
            throw new IllegalArgumentException("a " + command.action().wireName() + " command given to "
                    + action.action().wireName());
        }
        Map<String, Object> governance = new LinkedHashMap<>();
        if (route instanceof Route.Direct) {
            Optional<ApprovalRequirement> routed = authorizeDirect(actor, action, command, context);
            if (routed.isPresent()) {
                return new GateOutcome.ChangeRequestRequired<>(routed.get());
            }
            requireValid(action, command);
            return new GateOutcome.Applied<>(action.apply(new GovernedExecution(actor, command, context, governance)));
        }
        CommandContext execution;
        if (route instanceof Route.ChangeRequest request) {
            governance.putAll(changeRequestMetadata(request.changeRequestId(), request.correlationId(), command));
            execution = new CommandContext(context.reason(), request.correlationId(), context.source());
        } else {
            Route.Scheduled scheduled = (Route.Scheduled) route;
            if (actor.type() != ActorType.SYSTEM) {
                throw new IllegalArgumentException("only the scheduler runs scheduled executions");
            }
            if (scheduled.mode() == Route.ExecutionMode.POLICY_BYPASS) {
                ApprovalRequirement requirement = requirementOf(actor, command);
                if (requirement.changeRequestRequired()) {
                    return new GateOutcome.ChangeRequestRequired<>(requirement);
                }
            }
            governance.putAll(scheduled.provenance());
            if (scheduled.changeRequestId() != null) {
                governance.putAll(
                        changeRequestMetadata(scheduled.changeRequestId(), scheduled.correlationId(), command));
            } else {
                governance.put("request_id", scheduled.correlationId());
                governance.put("governance_action", command.action().wireName());
            }
            governance.put("execution_stage", "execute");
            governance.put("scheduled_execution_id", scheduled.scheduledExecutionId());
            governance.put("execution_mode", scheduled.mode().wireName());
            governance.put("executed_by", "scheduler");
            execution = new CommandContext(context.reason(), scheduled.correlationId(), context.source());
        }
        requireValid(action, command);
        return new GateOutcome.Applied<>(action.apply(new GovernedExecution(actor, command, execution, governance)));
    }

    /**
     * The command's refusal before anyone approves it: malformed fields, or a state it could not
     * apply to. Findings are named under {@code prefix} ({@code command.} for a change request).
     */
    public void check(GovernedCommand command, String prefix) {
        GovernedAction<?> action = actions.get(command.action());
        if (action == null) {
            throw unsupported(command.action().wireName());
        }
        try {
            requireValid(action, command);
            action.checkApplicable(command);
        } catch (CommandRejected.Invalid invalid) {
            throw new CommandRejected.Invalid(
                    invalid.domain(),
                    invalid.type(),
                    invalid.getMessage(),
                    invalid.details().stream()
                            .map(finding -> new Finding(prefix + finding.field(), finding.message()))
                            .toList());
        }
    }

    /** What {@code command} would change now, as its feature describes it. */
    public GovernedPreview preview(GovernedCommand command) {
        GovernedAction<?> action = actions.get(command.action());
        if (action == null) {
            throw unsupported(command.action().wireName());
        }
        return action.preview(command);
    }

    /** The refusal of an action no feature governs. */
    public CommandRejected.Invalid unsupported(String wireName) {
        List<String> names = new ArrayList<>();
        actions.keySet().forEach(action -> names.add(action.wireName()));
        return CommandRejected.invalid(
                "this action cannot go through a change request",
                List.of(new Finding(
                        "action", "must be one of " + String.join(", ", names) + " (got " + wireName + ")")));
    }

    /** Empty when {@code actor} may apply the command now; the requirement a system actor must route by. */
    private Optional<ApprovalRequirement> authorizeDirect(
            Actor actor, GovernedAction<?> action, GovernedCommand command, CommandContext context) {
        Attempt attempt = new Attempt(action.eventType(), context);
        if (actor.type() == ActorType.SYSTEM) {
            ApprovalRequirement requirement = requirementOf(actor, command);
            return requirement.changeRequestRequired() ? Optional.of(requirement) : Optional.empty();
        }
        if (action.directAuthorization() == GovernedAction.DirectAuthorization.CAPABILITY) {
            authorization.require(actor, command.action(), command.resource(), command.environmentKey(), attempt);
        } else {
            authorization.requireDirect(actor, command.action(), command.resource(), command.environmentKey(), attempt);
        }
        return Optional.empty();
    }

    private ApprovalRequirement requirementOf(Actor actor, GovernedCommand command) {
        return authorization.requirement(actor, command.action(), command.resource(), command.environmentKey());
    }

    private static void requireValid(GovernedAction<?> action, GovernedCommand command) {
        List<Finding> findings = action.validate(command);
        if (!findings.isEmpty()) {
            throw CommandRejected.invalid("the command is invalid", findings);
        }
    }

    private static Map<String, Object> changeRequestMetadata(
            long changeRequestId, String correlationId, GovernedCommand command) {
        Map<String, Object> governance = new LinkedHashMap<>();
        governance.put("request_id", correlationId);
        governance.put("change_request_id", changeRequestId);
        governance.put("governance_action", command.action().wireName());
        governance.put("execution_stage", "execute");
        return governance;
    }
}
