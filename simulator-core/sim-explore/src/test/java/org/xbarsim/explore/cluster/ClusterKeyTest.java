package org.xbarsim.explore.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.bus.Futures;

class ClusterKeyTest {
    @TempDir
    Path dir;

    @Test
    void aKeyIsCreatedPrivateAndReadBackTheSame() throws IOException {
        Path file = dir.resolve("conf/xbarsim/cluster.key");
        ClusterKey created = ClusterKey.createOrRead(file, "--key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertTrue(created.clusterName().matches("xbarsim-[0-9a-f]{24}"), created.clusterName());
        assertEquals(created.clusterName(), ClusterKey.createOrRead(file, "--key").clusterName());
        assertNotEquals(created.clusterName(), ClusterKey.createOrRead(dir.resolve("other.key"), "--key")
                .clusterName(), "another key, another cluster");
        try (var list = Files.list(file.getParent())) {
            assertEquals(1, list.count(), "no temporary file left beside it");
        }
    }

    @Test
    void twoMembersCreatingAtOnceEndWithOneKey() throws Exception {
        Path file = dir.resolve("cluster.key");
        CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> ClusterKey.createOrRead(file, "--key")
                .clusterName());
        CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> ClusterKey.createOrRead(file, "--key")
                .clusterName());
        assertEquals(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
    }

    @Test
    void aKeyOthersCanReadOrThatIsNotOneIsRefused() throws IOException {
        Path file = dir.resolve("cluster.key");
        ClusterKey.createOrRead(file, "--key");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        InputError open = assertThrows(InputError.class, () -> ClusterKey.read(file));
        assertTrue(open.getMessage().contains("owner only (mode 600)") && open.getMessage().contains("chmod 600"),
                open.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        String text = Files.readString(file);

        Path noKey = Files.writeString(dir.resolve("a.key"), text.replaceAll("(?s)-----BEGIN PRIVATE KEY.*END PRIVATE "
                + "KEY-----", ""));
        Path damaged = Files.writeString(dir.resolve("b.key"), text.replaceFirst("(?m)^(MII.{10})", "$1AAAA"));
        Path other = dir.resolve("c.key");
        ClusterKey.createOrRead(other, "--key");
        String otherText = Files.readString(other);
        Path mismatched = Files.writeString(dir.resolve("d.key"), text.replaceAll("(?s)-----BEGIN CERTIFICATE.*",
                "") + otherText.replaceAll("(?s).*(-----BEGIN CERTIFICATE)", "$1"));
        Path huge = Files.writeString(dir.resolve("e.key"), "x".repeat(1 << 17));
        for (Path bad : java.util.List.of(noKey, damaged, mismatched, huge, dir.resolve("missing.key"))) {
            if (Files.exists(bad)) {
                Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-------"));
            }
            InputError e = assertThrows(InputError.class, () -> ClusterKey.read(bad), bad.toString());
            assertTrue(e.getMessage().startsWith(bad + ": expected a cluster key"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void theEventBusRunsMutualTlsTrustingOnlyTheClustersCertificate() {
        ClusterKey key = ClusterKey.createOrRead(dir.resolve("k"), "--key");
        EventBusOptions options = key.secure(new EventBusOptions());
        assertTrue(options.isSsl());
        assertFalse(options.isTrustAll(), "the event bus trusts every certificate by default");
        assertEquals(ClientAuth.REQUIRED, options.getClientAuth());

        // What the event bus does with these options: its server and client are made from their JSON.
        ClusterKey stranger = ClusterKey.createOrRead(dir.resolve("stranger"), "--key");
        Vertx vertx = Vertx.vertx();
        try {
            NetServer server = vertx.createNetServer(new NetServerOptions(options.toJson()));
            server.connectHandler(s -> s.handler(s::write));
            int port = Futures.await(server.listen(0, "127.0.0.1")).actualPort();
            assertTrue(echoes(vertx, key, port), "a member reaches a member");
            assertFalse(echoes(vertx, stranger, port), "a peer with another key is refused");
            // A member does not connect to a server without the key either (Vert.x would trust it by default).
            NetServer rogue = vertx.createNetServer(new NetServerOptions(stranger.secure(new EventBusOptions())
                    .setClientAuth(ClientAuth.NONE).toJson()));
            rogue.connectHandler(s -> s.handler(s::write));
            int roguePort = Futures.await(rogue.listen(0, "127.0.0.1")).actualPort();
            assertFalse(echoes(vertx, key, roguePort), "a member refuses a server without the key");
        } finally {
            Futures.await(vertx.close());
        }
    }

    /** Whether a client with {@code key} as the event bus makes it gets its bytes back from the server. */
    private static boolean echoes(Vertx vertx, ClusterKey key, int port) {
        NetClient client = vertx.createNetClient(new NetClientOptions(key.secure(new EventBusOptions()).toJson())
                .setHostnameVerificationAlgorithm("").setConnectTimeout(5000));
        CompletableFuture<Boolean> echoed = new CompletableFuture<>();
        client.connect(port, "127.0.0.1").onComplete(ar -> {
            if (ar.failed()) {
                echoed.complete(false);
                return;
            }
            ar.result().handler(b -> echoed.complete(b.toString().equals("ping")));
            ar.result().closeHandler(v -> echoed.complete(false));
            ar.result().write("ping");
        });
        try {
            return echoed.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        } finally {
            client.close();
        }
    }
}
