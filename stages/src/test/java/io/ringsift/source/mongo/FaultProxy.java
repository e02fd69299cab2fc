package io.ringsift.source.mongo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of a server, for fault tests (shared with the pipeline tests
 * through the stages test jar). Each time {@code cutEveryBytes} more bytes have flowed from server to client it either
 * cuts every proxied connection (up to {@code cuts} times), or, after {@link #stallAfterCut()},
 * stops forwarding while keeping every socket open: a server that accepts and never answers.
 * After {@link #refuseAfterLastCut()} it closes new connections at once: a server that never comes back.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final long cutEveryBytes;
    private final AtomicInteger cutsLeft;
    private final AtomicLong sinceCut = new AtomicLong();
    private final AtomicInteger cutsDone = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;
    private volatile boolean refuseAfterLastCut;
    private volatile boolean stallInsteadOfCut;
    private volatile boolean stalled;

    public FaultProxy(int targetPort, long cutEveryBytes, int cuts) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.cutEveryBytes = cutEveryBytes;
        this.cutsLeft = new AtomicInteger(cuts);
        Thread t = new Thread(this::acceptLoop, "fault-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port();
    }

    /** From now on, close every connection and refuse new ones: a server that never comes back. */
    public void refuse() {
        refusing = true;
        open.forEach(FaultProxy::closeQuietly);
    }

    public int cutsDone() {
        return cutsDone.get();
    }

    /** After the last cut, behave like a dead server. */
    public FaultProxy refuseAfterLastCut() {
        refuseAfterLastCut = true;
        return this;
    }

    /** Instead of cutting, stop forwarding anything in either direction (new connections included) but keep sockets open. */
    public FaultProxy stallAfterCut() {
        stallInsteadOfCut = true;
        return this;
    }

    public boolean stalled() {
        return stalled;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                if (stalled) {
                    continue;   // accepted, never answered
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(server);
                pump(client, server, false);
                pump(server, client, true);
            } catch (IOException e) {
                // listener closed, or target down: the client sees a closed connection
            }
        }
    }

    private void pump(Socket from, Socket to, boolean countTowardsCut) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    while (stalled) {
                        Thread.sleep(50);   // hold the bytes; the socket stays open
                    }
                    out.write(buf, 0, n);
                    if (countTowardsCut && sinceCut.addAndGet(n) >= cutEveryBytes && cutsLeft.get() > 0) {
                        cutAll();
                    }
                }
            } catch (IOException | InterruptedException e) {
                // cut or closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "fault-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private synchronized void cutAll() {
        if (sinceCut.get() < cutEveryBytes || cutsLeft.get() == 0) {
            return;   // another pump thread cut already
        }
        sinceCut.set(0);
        cutsDone.incrementAndGet();
        if (stallInsteadOfCut) {
            cutsLeft.set(0);
            stalled = true;
            return;
        }
        if (cutsLeft.decrementAndGet() == 0 && refuseAfterLastCut) {
            refusing = true;
        }
        open.forEach(FaultProxy::closeQuietly);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        stalled = false;
        listener.close();
        open.forEach(FaultProxy::closeQuietly);
    }
}
