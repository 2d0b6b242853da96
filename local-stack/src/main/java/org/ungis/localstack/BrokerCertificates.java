package org.ungis.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ungis.schemas.access.BrokerTls;

/**
 * The TLS material of a local broker, made with the JDK's {@code keytool} as {@code
 * deploy/kafka/create-certificates} makes production's with openssl: a private certificate
 * authority, the broker's key pair signed by it for {@code localhost} (and 127.0.0.1), the broker's
 * PKCS12 keystore, the clients' PKCS12 truststore (the authority alone) and a random password for
 * each, in the layout {@link BrokerTls} reads. Made once per directory: an existing one is kept.
 */
final class BrokerCertificates {

  private static final String CA_STORE = "ca.p12";
  private static final String CA_CERTIFICATE = "ca.crt";
  private static final String BROKER_REQUEST = "broker.csr";
  private static final String BROKER_CERTIFICATE = "broker.crt";
  private static final String VALIDITY_DAYS = "365";

  private BrokerCertificates() {}

  /**
   * Creates the material in {@code directory} unless it is already there (its last file, the
   * truststore's password, written); what an interrupted run left is made again.
   */
  static void ensure(Path directory, String host) {
    if (Files.exists(directory.resolve(BrokerTls.TRUSTSTORE_PASSWORD))) {
      return;
    }
    try {
      Files.createDirectories(directory);
      for (String file :
          List.of(
              CA_STORE,
              CA_CERTIFICATE,
              BROKER_REQUEST,
              BROKER_CERTIFICATE,
              BrokerTls.KEYSTORE,
              BrokerTls.KEYSTORE_PASSWORD,
              BrokerTls.TRUSTSTORE)) {
        Files.deleteIfExists(directory.resolve(file));
      }
      String caPassword = randomPassword();
      String keystorePassword = randomPassword();
      String truststorePassword = randomPassword();
      Path ca = directory.resolve(CA_STORE);
      Path keystore = directory.resolve(BrokerTls.KEYSTORE);
      keytool(
          directory,
          "-genkeypair",
          "-alias",
          "ca",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=UNGIS local broker CA",
          "-ext",
          "bc:c",
          "-validity",
          VALIDITY_DAYS,
          "-keystore",
          ca.toString(),
          "-storetype",
          BrokerTls.STORE_TYPE,
          "-storepass",
          caPassword);
      keytool(
          directory,
          "-exportcert",
          "-rfc",
          "-alias",
          "ca",
          "-keystore",
          ca.toString(),
          "-storepass",
          caPassword,
          "-file",
          directory.resolve(CA_CERTIFICATE).toString());
      keytool(
          directory,
          "-genkeypair",
          "-alias",
          "broker",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=" + host,
          "-validity",
          VALIDITY_DAYS,
          "-keystore",
          keystore.toString(),
          "-storetype",
          BrokerTls.STORE_TYPE,
          "-storepass",
          keystorePassword);
      keytool(
          directory,
          "-certreq",
          "-alias",
          "broker",
          "-keystore",
          keystore.toString(),
          "-storepass",
          keystorePassword,
          "-file",
          directory.resolve(BROKER_REQUEST).toString());
      keytool(
          directory,
          "-gencert",
          "-rfc",
          "-alias",
          "ca",
          "-keystore",
          ca.toString(),
          "-storepass",
          caPassword,
          "-validity",
          VALIDITY_DAYS,
          "-ext",
          "san=dns:" + host + ",dns:localhost,ip:127.0.0.1",
          "-ext",
          "eku=serverAuth,clientAuth",
          "-infile",
          directory.resolve(BROKER_REQUEST).toString(),
          "-outfile",
          directory.resolve(BROKER_CERTIFICATE).toString());
      // The chain: the authority first, so that keytool accepts the signed certificate's reply.
      keytool(
          directory,
          "-importcert",
          "-noprompt",
          "-alias",
          "ca",
          "-file",
          directory.resolve(CA_CERTIFICATE).toString(),
          "-keystore",
          keystore.toString(),
          "-storepass",
          keystorePassword);
      keytool(
          directory,
          "-importcert",
          "-alias",
          "broker",
          "-file",
          directory.resolve(BROKER_CERTIFICATE).toString(),
          "-keystore",
          keystore.toString(),
          "-storepass",
          keystorePassword);
      keytool(
          directory,
          "-importcert",
          "-noprompt",
          "-alias",
          "ca",
          "-file",
          directory.resolve(CA_CERTIFICATE).toString(),
          "-keystore",
          directory.resolve(BrokerTls.TRUSTSTORE).toString(),
          "-storetype",
          BrokerTls.STORE_TYPE,
          "-storepass",
          truststorePassword);
      write(directory.resolve(BrokerTls.KEYSTORE_PASSWORD), keystorePassword);
      write(directory.resolve(BrokerTls.TRUSTSTORE_PASSWORD), truststorePassword);
      // The authority signs nothing else: its key goes.
      Files.delete(ca);
      Files.delete(directory.resolve(BROKER_REQUEST));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void write(Path file, String password) throws IOException {
    Files.writeString(file, password, StandardCharsets.UTF_8);
  }

  private static void keytool(Path directory, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Path output = directory.resolve("keytool.out");
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool " + args[0] + " did not finish");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running keytool " + args[0], e);
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "keytool " + args[0] + " failed (" + process.exitValue() + "): " + printed);
    }
  }
}
