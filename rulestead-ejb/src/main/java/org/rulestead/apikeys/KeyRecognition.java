package org.rulestead.apikeys;

/** What this node can tell of an API key from memory alone. */
public sealed interface KeyRecognition {

    /** A live key: it lets its holder in. */
    record Recognised(KeyHolder holder) implements KeyRecognition {}

    /** Not a live key, and the database confirmed the list this node has: 401. */
    record Unrecognised() implements KeyRecognition {}

    /**
     * Not among the keys this node knows, but the database cannot confirm the list (it is out of
     * reach, or the node knows only what its disk backup held): 503, the key may well be new.
     */
    record Undecided() implements KeyRecognition {}
}
