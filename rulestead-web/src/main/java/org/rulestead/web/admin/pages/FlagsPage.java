package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.flags.FlagInventory;
import org.rulestead.flags.FlagService;
import org.rulestead.flags.FlagView;
import org.rulestead.governance.Action;
import org.rulestead.governance.Capabilities;
import org.rulestead.governance.Permission;
import org.rulestead.governance.ResourceRef;
import org.rulestead.json.JsonTrees;
import org.rulestead.model.FlagDefinition;
import org.rulestead.model.LifecycleMode;

/**
 * {@code /admin/flags?env=...}: the flag inventory of one environment, filtered (text, owner,
 * lifecycle, status, tag), sorted and paged by its URL; the database does the filtering, sorting
 * and paging, so the page costs the same however many flags there are.
 */
@Named
@RequestScoped
public class FlagsPage extends EnvironmentPage {

    private EnvironmentCatalog environmentCatalog;
    private FlagService flagService;
    private Capabilities capabilities;

    private String q;
    private String owner;
    private String lifecycle;
    private String status;
    private String tag;
    private String sort;
    private String dir;
    private String page;

    private InventoryQuery query;
    private FlagInventory inventory = new FlagInventory(List.of(), 0, 0, List.of(), List.of(), List.of());
    private List<FlagRow> rows = List.of();
    private Permission create;
    private String refusal;

    protected FlagsPage() {}

    @Inject
    public FlagsPage(EnvironmentCatalog environmentCatalog, FlagService flagService, Capabilities capabilities) {
        this.environmentCatalog = environmentCatalog;
        this.flagService = flagService;
        this.capabilities = capabilities;
    }

    /** Runs before rendering (f:viewAction): reads what the selected environment shows. */
    public void load() {
        choose(environmentCatalog);
        query = new InventoryQuery(q, owner, lifecycle, status, tag, sort, "desc".equals(dir), pageNumber());
        create = capabilities.of(Action.CREATE_FLAG, ResourceRef.flag(null), null);
        try {
            inventory = flagService.inventory(query.within(selection.currentKey()));
            rows = inventory.flags().stream().map(this::row).toList();
        } catch (CommandRejected.Forbidden forbidden) {
            refusal = "Your role may not read flags. Ask an administrator for the viewer role.";
        }
    }

    private FlagRow row(FlagView flag) {
        FlagDefinition definition = flag.definition();
        var here = flag.environments().stream()
                .filter(environment -> environment.environmentKey().equals(selection.currentKey()))
                .findFirst();
        String flagStatus = flag.archivedAt() != null
                ? "archived"
                : here.map(state -> state.status().name().toLowerCase(Locale.ROOT))
                        .orElse("absent");
        boolean permanent = definition.lifecycle().mode() == LifecycleMode.PERMANENT;
        return new FlagRow(
                definition.key(),
                definition.description(),
                definition.flagType().wireName(),
                definition.valueType().wireName(),
                JsonTrees.write(definition.defaultValue()),
                definition.ownership().ownerRef(),
                definition.ownership().label(),
                definition.lifecycle().mode().wireName(),
                permanent ? "permanent" : "review by " + definition.lifecycle().reviewBy(),
                flagStatus,
                definition.tags(),
                flag.environments().stream()
                        .filter(state -> !state.environmentKey().equals(selection.currentKey()))
                        .map(state -> new FlagRow.Elsewhere(
                                state.environmentKey(), state.status().name().toLowerCase(Locale.ROOT)))
                        .toList());
    }

    public List<FlagRow> getRows() {
        return rows;
    }

    public long getMatchingCount() {
        return inventory.matching();
    }

    public long getTotalCount() {
        return inventory.total();
    }

    public int getPages() {
        return inventory.pages(InventoryQuery.PAGE_SIZE);
    }

    public List<String> getOwners() {
        return inventory.owners();
    }

    public List<String> getTags() {
        return inventory.tags();
    }

    public List<String> getStatuses() {
        return inventory.statuses();
    }

    /** The link that sorts by {@code column}, flipping the direction when it already does. */
    public String sortLink(String column) {
        boolean flip = column.equals(query.sort()) && !query.descending();
        Map<String, String> changes = new HashMap<>();
        changes.put("sort", column);
        changes.put("dir", flip ? "desc" : null);
        changes.put("page", null);
        return query.link(selection.currentKey(), changes);
    }

    /** {@code ascending}, {@code descending} or {@code none}, for aria-sort. */
    public String sortState(String column) {
        if (!column.equals(query.sort())) {
            return "none";
        }
        return query.descending() ? "descending" : "ascending";
    }

    public String pageLink(int number) {
        Map<String, String> changes = new HashMap<>();
        changes.put("page", number == 1 ? null : String.valueOf(number));
        return query.link(selection.currentKey(), changes);
    }

    public boolean isFiltered() {
        return query.text() != null
                || query.owner() != null
                || query.lifecycle() != null
                || query.status() != null
                || query.tag() != null;
    }

    public InventoryQuery getQuery() {
        return query;
    }

    public Permission getCreate() {
        return create;
    }

    public String getRefusal() {
        return refusal;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getLifecycle() {
        return lifecycle;
    }

    public void setLifecycle(String lifecycle) {
        this.lifecycle = lifecycle;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    private int pageNumber() {
        return page != null && page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 1;
    }
}
