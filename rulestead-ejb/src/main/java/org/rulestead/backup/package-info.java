/** Files a node keeps on its own disk so it can serve while the database is out of reach (spec §10.4). */
package org.rulestead.backup;
