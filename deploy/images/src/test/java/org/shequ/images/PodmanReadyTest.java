package org.shequ.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shequ.local.Commands;

/**
 * {@code podman-ready} on a machine without podman, with an {@code apt-get} that talks on both streams as Debian's
 * does (debconf's "delaying package configuration" included): the caller still reads exactly the path of
 * {@code containers.conf}, and a failed install is reported in the script's own words.
 */
class PodmanReadyTest {

    private static final Path SCRIPT = Path.of(System.getProperty("shequ.home", "../.."))
            .resolve("deploy/images/podman-ready").toAbsolutePath().normalize();
    private static final String CHATTY_APT = """
            #!/bin/bash
            echo "Reading package lists..."
            echo "debconf: delaying package configuration, since apt-utils is not installed" >&2
            echo "W: an apt warning on stdout"
            echo "E: and one on stderr" >&2
            """;

    @TempDir
    Path bin;

    @Test
    void theCallerGetsTheContainersConfWhateverTheInstallerPrints() throws IOException {
        fakeApt(CHATTY_APT + """
                if [ "$1" = install ]; then
                  printf '#!/bin/sh\\necho fake\\n' > "%1$s/podman"; printf '#!/bin/sh\\n' > "%1$s/runc"
                  chmod +x "%1$s/podman" "%1$s/runc"
                fi
                """.formatted(bin));
        Path conf = Commands.existingFile(List.of("/bin/bash", SCRIPT.toString()), Map.of("PATH", bin.toString()),
                Duration.ofSeconds(30));
        assertEquals(SCRIPT.resolveSibling("containers.conf"), conf);
        assertTrue(Files.isExecutable(bin.resolve("podman")), "podman was installed through apt-get");
    }

    @Test
    void aFailingInstallIsReportedInTheInstallersWordsNotReadAsAPath() throws IOException {
        fakeApt(CHATTY_APT + """
                [ "$1" = install ] && { echo "E: Unable to locate package podman" >&2; exit 100; }
                exit 0
                """);
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Commands.existingFile(
                List.of("/bin/bash", SCRIPT.toString()), Map.of("PATH", bin.toString()), Duration.ofSeconds(30)));
        assertTrue(failure.getMessage().contains("Unable to locate package podman"), failure.getMessage());
    }

    @Test
    void anInstallThatLeavesPodmanMissingFailsWithTheScriptsOwnMessage() throws IOException {
        fakeApt(CHATTY_APT);
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Commands.existingFile(
                List.of("/bin/bash", SCRIPT.toString()), Map.of("PATH", bin.toString()), Duration.ofSeconds(30)));
        assertTrue(failure.getMessage().contains("podman and runc are still missing"), failure.getMessage());
    }

    @Test
    void aScriptThatPrintsMoreThanAPathIsRefusedByTheCaller() throws IOException {
        Path chatty = bin.resolve("chatty");
        Files.writeString(chatty, "#!/bin/bash\necho 'debconf: delaying package configuration'\necho " + SCRIPT
                + "\n");
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Commands.existingFile(
                List.of("/bin/bash", chatty.toString()), Map.of(), Duration.ofSeconds(30)));
        assertTrue(failure.getMessage().contains("where the path of an existing file was expected"),
                failure.getMessage());
    }

    /** A PATH with only the tools the script needs besides the installer: no podman and no runc (sudo only runs what it is given). */
    private void fakeApt(String script) throws IOException {
        for (String tool : List.of("dirname", "id", "env", "chmod")) {
            Files.createSymbolicLink(bin.resolve(tool), locate(tool));
        }
        Path sudo = bin.resolve("sudo");
        Files.writeString(sudo, "#!/bin/bash\nexec \"$@\"\n");
        Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path apt = bin.resolve("apt-get");
        Files.writeString(apt, script);
        Files.setPosixFilePermissions(apt, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path locate(String tool) {
        return List.of("/usr/bin", "/bin").stream().map(dir -> Path.of(dir, tool)).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IllegalStateException(tool + " not found"));
    }
}
