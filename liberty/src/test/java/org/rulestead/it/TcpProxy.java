package org.rulestead.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A loopback TCP proxy in front of the database that a test can make fail the way networks fail:
 * {@link #forward()} passes bytes both ways; {@link #refuse()} closes every connection and stops
 * listening, so new connections are refused; {@link #hang()} keeps every connection open and
 * accepts new ones, but passes no byte either way (a black hole: a reader waits until its own
 * timeout). Its port stays the same through every mode.
 */
final class TcpProxy implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TcpProxy.class.getName());

    enum Mode {
        FORWARD,
        REFUSE,
        HANG
    }

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.FORWARD;
    private volatile ServerSocket listener;
    private volatile boolean closed;

    TcpProxy(String host, int targetPort) throws IOException {
        this.target = new InetSocketAddress(host, targetPort);
        ServerSocket first = bound(0);
        this.port = first.getLocalPort();
        listen(first);
    }

    int port() {
        return port;
    }

    synchronized void forward() throws IOException {
        mode = Mode.FORWARD;
        if (listener == null) {
            listen(bound(port));
        }
    }

    synchronized void refuse() throws IOException {
        mode = Mode.REFUSE;
        if (listener != null) {
            listener.close();
            listener = null;
        }
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    synchronized void hang() throws IOException {
        mode = Mode.HANG;
        if (listener == null) {
            listen(bound(port));
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        refuse();
    }

    private static ServerSocket bound(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true); // the same port again at once, after refusing
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return server;
    }

    private void listen(ServerSocket server) {
        listener = server;
        Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Socket upstream = new Socket();
                upstream.connect(target, 5_000);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException stopped) {
                if (!server.isClosed() && !closed) {
                    LOG.log(Level.FINE, "proxy accept failed", stopped);
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) != -1) {
                            while (mode == Mode.HANG) {
                                Thread.sleep(50); // hold the bytes: neither side hears anything
                            }
                            if (mode == Mode.REFUSE) {
                                break;
                            }
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException ended) {
                        // a side closed, or the proxy refused: the connection is over
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "tcp-proxy-pump-" + port);
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
