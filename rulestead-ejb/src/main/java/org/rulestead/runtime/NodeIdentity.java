package org.rulestead.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This node's name among its peers: host and Liberty server. */
public final class NodeIdentity {

    private NodeIdentity() {}

    public static String name() {
        String server = System.getProperty("wlp.server.name", "rulestead");
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + server;
        } catch (UnknownHostException unknown) {
            return "unknown:" + server;
        }
    }
}
