package org.rulestead.benchmarks;

/** The 1,024 users every benchmark cycles through, so no SDK answers one cached context. */
final class Users {

    static final int COUNT = 1024;
    static final int MASK = COUNT - 1;

    private Users() {}

    static String key(int index) {
        return "user-" + (100_000 + index * 7919);
    }
}
