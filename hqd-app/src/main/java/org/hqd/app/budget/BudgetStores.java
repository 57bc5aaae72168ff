package org.hqd.app.budget;

import java.util.IdentityHashMap;
import java.util.Map;
import org.hqd.budget.BudgetCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.budget.BudgetStore;

/**
 * One budget store per connection: creating one checks (and when it changed, writes) the item catalogue, so it is
 * done once per connection and one at a time.
 */
final class BudgetStores {
    private final BudgetCatalog catalog;
    private final Map<DataDirectory, BudgetStore> stores = new IdentityHashMap<>();

    BudgetStores(BudgetCatalog catalog) {
        this.catalog = catalog;
    }

    BudgetStore of(DataDirectory d) {
        synchronized (stores) {
            return stores.computeIfAbsent(d, x -> new BudgetStore(x, catalog));
        }
    }

    BudgetCatalog catalog() {
        return catalog;
    }
}
