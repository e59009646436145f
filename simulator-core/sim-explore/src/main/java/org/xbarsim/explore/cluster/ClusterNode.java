package org.xbarsim.explore.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.bus.Futures;

/**
 * One member of a sweep cluster: a Vert.x instance whose event bus is clustered by Hazelcast, with
 * an explicit configuration so that nothing leaves the given address. Every member binds the first
 * free port of {@code port .. port + MEMBERS_PER_HOST - 1} on {@code host} and finds the others by
 * TCP on those ports of the same host or of the hosts given with --join: no multicast, no cloud
 * auto-detection, no phone-home. The default host is the loopback, so a cluster spans machines only
 * when addresses are given. Membership is earned with the cluster key ({@link ClusterKey}): the event
 * bus runs mutual TLS with it, and the Hazelcast cluster name is derived from it.
 */
public final class ClusterNode implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5701;
    /** Members one host can hold: the ports a member tries to bind, and those a joining member probes. */
    static final int MEMBERS_PER_HOST = 10;
    /** The member attribute in which vertx-hazelcast keeps a member's Vert.x node id. */
    static final String VERTX_NODE_ID = "__vertx.nodeId";

    private final Vertx vertx;
    private final HazelcastClusterManager manager;
    private volatile Consumer<String> memberLeft = id -> { };

    private ClusterNode(Vertx vertx, HazelcastClusterManager manager) {
        this.vertx = vertx;
        this.manager = manager;
        manager.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                // a new worker asks for work by itself
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                // Workers name their Vert.x node id, which the cluster manager keeps as a member attribute.
                String nodeId = event.getMember().getAttribute(VERTX_NODE_ID);
                memberLeft.accept(nodeId != null ? nodeId : event.getMember().getUuid().toString());
            }
        });
    }

    public Vertx vertx() {
        return vertx;
    }

    public String nodeId() {
        return manager.getNodeId();
    }

    /** The address Hazelcast bound, host:port, for messages. */
    public String address() {
        var a = manager.getHazelcastInstance().getCluster().getLocalMember().getAddress();
        return a.getHost() + ":" + a.getPort();
    }

    /**
     * Joins (or founds) the cluster on host, ports port..port+9, looking for the other members on the
     * same ports of {@code members} (this host when empty); blocks until joined.
     */
    public static ClusterNode join(String host, int port, List<String> members, ClusterKey key) {
        if (port < 1 || port > 65535 - MEMBERS_PER_HOST) {
            throw new InputError("--port", "", "expected a port in 1.." + (65535 - MEMBERS_PER_HOST) + ", got " + port);
        }
        String address = localAddress(host);
        List<String> others = members == null || members.isEmpty() ? List.of(address) : members;
        for (String m : others) {
            if (m.isBlank() || m.contains(" ")) {
                throw new InputError("--join", "", "expected addresses of other members separated by commas, got '"
                        + String.join(",", others) + "'");
            }
        }
        HazelcastClusterManager manager = new HazelcastClusterManager(config(address, port, others, key.clusterName()));
        VertxOptions options = new VertxOptions();
        // The event bus's own TCP server: on the same address, any free port, mutual TLS with the cluster key.
        key.secure(options.getEventBusOptions().setHost(address).setPort(0).setClusterPublicHost(address));
        try {
            Vertx vertx = Futures.await(Vertx.builder().with(options).withClusterManager(manager).buildClustered());
            return new ClusterNode(vertx, manager);
        } catch (RuntimeException e) {
            throw new InputError("--host", "", "cannot join a cluster on " + address + " ports " + port + ".."
                    + (port + MEMBERS_PER_HOST - 1) + ": " + String.valueOf(rootMessage(e)).replaceAll("\\s*\\R\\s*", " ")
                    .trim());
        }
    }

    /**
     * The address to bind: one IP address of this machine, checked before Hazelcast starts (which would
     * otherwise log pages of errors for 0.0.0.0 or a foreign address before failing).
     */
    static String localAddress(String host) {
        String h = host == null ? "" : host.trim();
        String expected = "expected one IP address of this machine (default 127.0.0.1), got '" + h + "'";
        if (h.isEmpty() || h.contains(",") || h.contains(" ")) {
            throw new InputError("--host", "", expected);
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(h);
        } catch (UnknownHostException | SecurityException e) {
            throw new InputError("--host", "", expected + ": no such address");
        }
        if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
            throw new InputError("--host", "", expected + ": a cluster binds one address, not every interface");
        }
        try {
            if (NetworkInterface.getByInetAddress(a) == null) {
                throw new InputError("--host", "", expected + ": not an address of this machine");
            }
        } catch (SocketException e) {
            throw new InputError("--host", "", expected + ": " + e.getMessage());
        }
        return a.getHostAddress();
    }

    /**
     * From now on calls {@code left} (in place of the one before) with the Vert.x node id of every
     * member that leaves the cluster.
     */
    public void onMemberLeft(Consumer<String> left) {
        memberLeft = left;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /**
     * The Hazelcast configuration (after the dependencies notes, trap 7), plus the structures Vert.x's
     * own default-cluster.xml declares for its subscription and node maps.
     */
    static Config config(String host, int port, List<String> members, String clusterName) {
        Config config = new Config();
        // Derived from the cluster key: a process without it does not find the cluster by name.
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // Bind the given address only, not every interface.
        config.setProperty("hazelcast.socket.bind.any", "false");
        // A member killed with SIGKILL is noticed in seconds, so its points go to another worker soon.
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        // Members are on the same ports of a known host: no need to wait long for others to answer.
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.tcp.join.port.try.count", Integer.toString(MEMBERS_PER_HOST));
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // A member cut off (stopped, a network split) and back finds the others again in seconds, not the
        // default five minutes: the smaller side merges into the larger on the next of these checks.
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        // Nothing Vert.x keeps in Hazelcast uses Java serialization: refuse every Java-serialized object,
        // so a peer that joined by name cannot make a member deserialize a gadget.
        config.getSerializationConfig().setJavaSerializationFilterConfig(new JavaSerializationFilterConfig()
                .setDefaultsDisabled(false));
        config.getSerializationConfig().getJavaSerializationFilterConfig().getWhitelist()
                .addClasses("org.xbarsim.cluster.NothingIsJavaSerialized");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(true).setPortCount(MEMBERS_PER_HOST);
        network.getInterfaces().setEnabled(true).addInterface(host);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        members.forEach(m -> join.getTcpIpConfig().addMember(m.trim()));
        config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
        return config;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Leaving the cluster is best effort: the others notice a member that is gone anyway.
        }
    }
}
