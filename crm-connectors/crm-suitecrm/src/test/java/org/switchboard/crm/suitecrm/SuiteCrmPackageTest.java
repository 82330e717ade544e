package org.switchboard.crm.suitecrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The SuiteCRM module-loader package, run by PHP as SuiteCRM would run it: its manifest installs the
 * hook it ships, and the hook adds the widget's script to pages of signed-in users only.
 * Runs where a {@code php} command is installed (SuiteCRM 7.14 runs on PHP 8.2).
 */
@EnabledIf("phpInstalled")
class SuiteCrmPackageTest {
    private static final Path PACKAGE = Path.of("src/main/suitecrm-package");
    private static final String HOOK = "files/custom/include/Switchboard/SwitchboardWidget.php";

    static boolean phpInstalled() {
        try {
            return new ProcessBuilder("php", "-v").redirectErrorStream(true).start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void installsTheAfterUiFrameHookFromTheFileItCopies() throws Exception {
        String installed = php("include 'manifest.php';"
                + "$hook = $installdefs['logic_hooks'][0]; $copy = $installdefs['copy'][0];"
                + "echo $hook['module'], '|', $hook['hook'], '|', $hook['file'], '|', $hook['class'], '::', $hook['function'], '|',"
                + " $copy['to'], '|', file_exists(str_replace('<basepath>/', '', $copy['from'])) ? 'shipped' : 'missing', '|',"
                + " preg_match('/' . $manifest['acceptable_sugar_versions']['regex_matches'][0] . '/', '6.5.25');");

        assertThat(installed).isEqualTo("|after_ui_frame|custom/include/Switchboard/SwitchboardWidget.php"
                + "|SwitchboardWidget::inject|custom/include/Switchboard/SwitchboardWidget.php|shipped|1");
    }

    @Test
    void addsTheWidgetScriptForASignedInUser() throws Exception {
        assertThat(page("'https://switchboard.example.org:8181/'", true, ""))
                .isEqualTo("<script src=\"https://switchboard.example.org:8181/switchboard/widget.js\" defer></script>");
    }

    @Test
    void addsNothingOnTheLoginPage() throws Exception {
        assertThat(page("'https://switchboard.example.org:8181'", false, "")).isEmpty();
    }

    @Test
    void addsNothingToDownloadsAndPartialAnswers() throws Exception {
        assertThat(page("'https://switchboard.example.org:8181'", true, "$_REQUEST['to_pdf'] = '1';")).isEmpty();
        assertThat(page("'https://switchboard.example.org:8181'", true, "$_REQUEST['sugar_body_only'] = '1';")).isEmpty();
    }

    @Test
    void addsNothingWithoutAnHttpUrl() throws Exception {
        assertThat(page("''", true, "")).isEmpty();
        assertThat(page("'javascript:alert(1)'", true, "")).isEmpty();
        assertThat(page("'https://evil.example/\"><script>alert(1)</script>'", true, "")).isEmpty();
    }

    private static String page(String url, boolean signedIn, String request) throws Exception {
        return php("define('sugarEntry', true); $_REQUEST = array(); " + request
                + " $sugar_config = array('switchboard' => array('url' => " + url + "));"
                + " $current_user = new stdClass(); $current_user->id = " + (signedIn ? "'1'" : "''") + ";"
                + " include '" + HOOK + "'; (new SwitchboardWidget())->inject('after_ui_frame', null);");
    }

    private static String php(String code) throws Exception {
        Path script = Files.createTempFile("suitecrm-package", ".php");
        try {
            Files.writeString(script, "<?php\n" + code + "\n");
            Process php = new ProcessBuilder("php", "-d", "display_errors=stderr", script.toString())
                    .directory(PACKAGE.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(php.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(php.exitValue()).as("php exit status").isZero();
            return out;
        } finally {
            Files.delete(script);
        }
    }
}
