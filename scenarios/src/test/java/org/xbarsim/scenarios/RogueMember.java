package org.xbarsim.scenarios;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A third JVM on the loopback that does not hold the cluster key, for ClusterTrustIT: the strongest such
 * peer, which has learnt the cluster's Hazelcast name (by listening on a port the members probe) and
 * joins Hazelcast with it, then runs its own event bus with a certificate of its own. For its duration
 * it tries to take points (asks at xbarsim.sweep.next), to answer them (forged answers to every result
 * address it finds in Vert.x's subscription map), to steer a worker (a consumer at xbarsim.sweep.next
 * handing out a point whose workload file is the secret), and to write raw frames to every member's
 * event-bus port; it writes what came of each to a report file.
 *
 * <p>Arguments: cluster name, port, secret .npy path, seconds, report file, and optionally {@code plain}
 * for an event bus without TLS (what a cluster without keys ran).
 */
public final class RogueMember {
    private RogueMember() {
    }

    public static void main(String[] args) throws Exception {
        String clusterName = args[0];
        int port = Integer.parseInt(args[1]);
        String secret = args[2];
        long seconds = Long.parseLong(args[3]);
        Path report = Path.of(args[4]);

        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.tcp.join.port.try.count", "10");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(true).setPortCount(10);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
        HazelcastClusterManager manager = new HazelcastClusterManager(config);

        // A certificate of its own: it has no key file.
        SelfSignedCertificate own = SelfSignedCertificate.create("rogue");
        VertxOptions options = new VertxOptions();
        options.getEventBusOptions().setHost("127.0.0.1").setPort(0).setClusterPublicHost("127.0.0.1");
        if (args.length < 6 || !args[5].equals("plain")) {
            options.getEventBusOptions().setSsl(true)
                    .setKeyCertOptions(new PemKeyCertOptions().setKeyPath(own.privateKeyPath())
                            .setCertPath(own.certificatePath()))
                    .setTrustOptions(new PemTrustOptions().addCertPath(own.certificatePath()));
        }
        Vertx vertx = Vertx.builder().with(options).withClusterManager(manager).buildClustered()
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        HazelcastInstance hz = manager.getHazelcastInstance();
        JsonObject out = new JsonObject().put("joined", true).put("members", hz.getCluster().getMembers().size());
        write(report, out);

        AtomicInteger asksReceived = new AtomicInteger();
        AtomicInteger pointsTaken = new AtomicInteger();
        AtomicInteger answersDelivered = new AtomicInteger();
        AtomicInteger framesWritten = new AtomicInteger();
        Set<String> resultAddresses = new HashSet<>();
        Set<String> askers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        JsonObject malicious = new JsonObject().put("sweep", "rogue").put("index", 0).put("token", "t")
                .put("replyTo", "rogue.answers").put("heartbeatTo", "rogue.beats")
                .put("job", new JsonObject().put("name", "rogue").put("source", "rogue.yaml").put("location", "/tmp/r.yaml")
                        .put("overrides", new JsonArray()).put("seed", 1)
                        .put("scenarioText", "name: rogue\nworkload:\n  impl: synthetic\n  distribution: file\n  file: "
                                + secret + "\n  rows: 4\n  cols: 4\n"));
        vertx.eventBus().consumer("xbarsim.sweep.next", m -> {
            // Its own asks come here too (Vert.x alternates among consumers, its own included): not counted.
            if (!(m.body() instanceof JsonObject ask && "rogue".equals(ask.getString("worker")))) {
                asksReceived.incrementAndGet();
                askers.add(String.valueOf(m.body()));
            }
            m.reply(malicious);
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            try {
                JsonObject reply = (JsonObject) vertx.eventBus().request("xbarsim.sweep.next",
                        new JsonObject().put("node", "rogue").put("worker", "rogue"),
                        new DeliveryOptions().setSendTimeout(1000)).toCompletionStage().toCompletableFuture()
                        .get(5, TimeUnit.SECONDS).body();
                if (reply.containsKey("job") && !"rogue".equals(reply.getString("sweep"))) {
                    pointsTaken.incrementAndGet();
                }
            } catch (Exception e) {
                // refused: what should happen
            }
            for (Object key : hz.getMultiMap("__vertx.subs").keySet()) {
                String address = String.valueOf(key);
                if (address.startsWith("xbarsim.sweep.") && address.endsWith(".result")) {
                    resultAddresses.add(address);
                }
            }
            for (String address : resultAddresses) {
                String sweep = address.substring("xbarsim.sweep.".length(), address.length() - ".result".length());
                for (int i = 0; i < 4; i++) {
                    JsonObject forged = new JsonObject().put("sweep", sweep).put("index", i).put("token", "forged")
                            .put("worker", "rogue").put("summary", new JsonObject().put("forged", true));
                    try {
                        vertx.eventBus().request(address, forged, new DeliveryOptions().setSendTimeout(1000))
                                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
                        answersDelivered.incrementAndGet();
                    } catch (Exception e) {
                        // refused: what should happen
                    }
                }
            }
            for (String node : manager.getNodes()) {
                io.vertx.core.Promise<io.vertx.core.spi.cluster.NodeInfo> info = io.vertx.core.Promise.promise();
                manager.getNodeInfo(node, info);
                try {
                    int p = info.future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).port();
                    framesWritten.addAndGet(rawFrames(p));
                } catch (Exception e) {
                    // no such node any more
                }
            }
            out.put("asksReceived", asksReceived.get()).put("pointsTaken", pointsTaken.get())
                    .put("resultAddressesFound", resultAddresses.size()).put("answersDelivered", answersDelivered.get())
                    .put("rawFramesWritten", framesWritten.get()).put("askers", new JsonArray(List.copyOf(askers)));
            write(report, out);
            Thread.sleep(200);
        }
        out.put("done", true);
        write(report, out);
        own.delete();
        System.exit(0);
    }

    /**
     * A plain TCP frame (a 2 GiB length, then garbage) to a member's event-bus port: 1 if the bytes went
     * out (TCP accepts them; a member must drop the connection without buffering anything).
     */
    private static int rawFrames(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream o = s.getOutputStream();
            o.write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            o.write("garbage".getBytes(StandardCharsets.US_ASCII));
            o.flush();
            return 1;
        } catch (Exception e) {
            return 0;
        }
    }

    private static void write(Path report, JsonObject out) throws java.io.IOException {
        Path tmp = report.resolveSibling(report.getFileName() + ".tmp");
        Files.writeString(tmp, out.encode());
        Files.move(tmp, report, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
