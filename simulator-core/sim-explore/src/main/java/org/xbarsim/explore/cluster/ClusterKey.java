package org.xbarsim.explore.cluster;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.InputError;

/**
 * The cluster's secret: a private key and its self-signed certificate in one file, readable by its
 * owner only (mode 0600), that every member of a sweep cluster holds. {@code worker} and
 * {@code sweep --cluster} create it on first use and read it afterwards; copy it to the members on
 * other machines.
 *
 * <p>What it secures: the event bus, over which points and results travel, runs mutual TLS with this
 * key as every member's identity and this certificate as the only one trusted, so a process without
 * the file can neither connect to a member nor be connected to (it can take no point, answer none,
 * send a worker nothing). Hazelcast (membership, the event bus's routing tables) cannot authenticate
 * its members in its open-source edition; the cluster's Hazelcast name is derived from the key, so
 * a process without it does not even find the cluster by name.
 */
public final class ClusterKey {
    /** A key file is a few KiB; anything larger is not one. */
    static final long MAX_BYTES = 64 << 10;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final String HEADER = "# xbarsim cluster key: every member of a sweep cluster holds this file, "
            + "readable by its owner only (chmod 600). Keep it secret.\n";

    private final String keyPem;
    private final String certificatePem;
    private final String clusterName;

    private ClusterKey(String keyPem, String certificatePem, byte[] keyDer) {
        this.keyPem = keyPem;
        this.certificatePem = certificatePem;
        this.clusterName = "xbarsim-" + HexFormat.of().formatHex(sha256("xbarsim cluster name\0", keyDer), 0, 12);
    }

    /** {@code $XBARSIM_CLUSTER_KEY}, else {@code ~/.config/xbarsim/cluster.key}. */
    public static Path defaultFile() {
        String env = System.getenv("XBARSIM_CLUSTER_KEY");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".config", "xbarsim", "cluster.key");
    }

    /**
     * Reads the key file, creating it (and its directory, mode 0700) when there is none.
     *
     * @param option the option that named it, for messages ("--key")
     * @throws InputError if it is readable by others, not a key file, or cannot be written
     */
    public static ClusterKey createOrRead(Path file, String option) {
        if (!Files.exists(file)) {
            create(file, option);
        }
        return read(file);
    }

    /** Reads an existing key file (see {@link #createOrRead}). */
    public static ClusterKey read(Path file) {
        String source = file.toString();
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new InputError(source, "", "expected a cluster key readable by its owner only (mode 600), got "
                        + "mode " + PosixFilePermissions.toString(mode) + "; chmod 600 " + file);
            }
            String owner = Files.getOwner(file).getName();
            if (!owner.equals(System.getProperty("user.name"))) {
                throw new InputError(source, "", "expected a cluster key owned by " + System.getProperty("user.name")
                        + ", got one owned by " + owner);
            }
        } catch (UnsupportedOperationException notPosix) {
            // No POSIX permissions here: the file system's own access control applies.
        } catch (NoSuchFileException e) {
            throw new InputError(source, "", "expected a cluster key, found no such file");
        } catch (IOException e) {
            throw new InputError(source, "", "cannot read: " + e.getMessage());
        }
        String text;
        try {
            text = BoundedFiles.readString(file, MAX_BYTES, "a cluster key", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new InputError(source, "", "expected a cluster key (written by xbarsim worker or sweep --cluster), "
                    + "got a file that is not one: " + e.getMessage());
        }
        return parse(text, source);
    }

    static ClusterKey parse(String text, String source) {
        String key = null;
        String certificate = null;
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("PRIVATE KEY") && key == null) {
                key = m.group();
            } else if (m.group(1).equals("CERTIFICATE") && certificate == null) {
                certificate = m.group();
            }
        }
        if (key == null || certificate == null) {
            throw new InputError(source, "", "expected a cluster key (a PRIVATE KEY and a CERTIFICATE), got a file "
                    + "without " + (key == null ? "the key" : "the certificate"));
        }
        byte[] der;
        try {
            der = der(key);
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate.getBytes(StandardCharsets.US_ASCII)));
            PrivateKey privateKey = KeyFactory.getInstance(cert.getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            // The key must be the certificate's: sign a word and verify it with the certificate.
            Signature sign = Signature.getInstance(cert.getSigAlgName());
            sign.initSign(privateKey);
            sign.update(source.getBytes(StandardCharsets.UTF_8));
            byte[] signature = sign.sign();
            sign.initVerify(cert);
            sign.update(source.getBytes(StandardCharsets.UTF_8));
            if (!sign.verify(signature)) {
                throw new InputError(source, "", "expected a cluster key whose certificate is its own, got a key and "
                        + "a certificate that do not match");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InputError(source, "", "expected a cluster key, got a damaged one: " + e.getMessage());
        }
        return new ClusterKey(key, certificate, der);
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    /**
     * Writes a new key file: a fresh private key and self-signed certificate, written to a private file
     * beside the target and linked into place, so two members starting at once end with one key (the
     * second link fails, and both read the winner's).
     */
    private static void create(Path file, String option) {
        SelfSignedCertificate generated = SelfSignedCertificate.create("xbarsim-cluster");
        Path tmp = null;
        try {
            String text = HEADER + Files.readString(Path.of(generated.privateKeyPath())).strip() + "\n"
                    + Files.readString(Path.of(generated.certificatePath())).strip() + "\n";
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            tmp = Files.createTempFile(dir, ".cluster-key", ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException raced) {
            // Another member created it meanwhile: theirs is the cluster's.
        } catch (IOException | UnsupportedOperationException e) {
            throw new InputError(option, "", "cannot create the cluster key " + file + ": " + e.getMessage());
        } finally {
            generated.delete();
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // A private temporary file; nothing else refers to it.
                }
            }
        }
    }

    /** The Hazelcast cluster name: derived from the private key, so only holders know it. */
    public String clusterName() {
        return clusterName;
    }

    /**
     * Mutual TLS on the event bus: this key and certificate as the member's identity, the certificate as
     * the only one trusted, client certificates required. Vert.x verifies no host name on the event bus,
     * and needs none: the peer's certificate is the cluster's or the handshake fails. The event bus
     * trusts every server certificate by default ({@code EventBusOptions.DEFAULT_TRUST_ALL}): without
     * turning that off, a member would connect to (and deliver messages to) a peer without the key.
     */
    public EventBusOptions secure(EventBusOptions options) {
        return options.setSsl(true).setTrustAll(false)
                .setKeyCertOptions(new PemKeyCertOptions().setKeyValue(Buffer.buffer(keyPem))
                        .setCertValue(Buffer.buffer(certificatePem)))
                .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(certificatePem)))
                .setClientAuth(ClientAuth.REQUIRED);
    }

    private static byte[] sha256(String purpose, byte[] data) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(purpose.getBytes(StandardCharsets.UTF_8));
            return d.digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
