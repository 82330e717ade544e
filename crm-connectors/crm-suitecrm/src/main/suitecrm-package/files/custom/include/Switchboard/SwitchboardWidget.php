<?php
if (!defined('sugarEntry') || !sugarEntry) {
    die('Not A Valid Entry Point');
}

/**
 * Application logic hook (after_ui_frame): adds Switchboard's widget script to every page SuiteCRM
 * draws for a signed-in user. The widget signs the agent in to Switchboard itself.
 *
 * Configuration, in config_override.php:
 *     $sugar_config['switchboard']['url'] = 'https://switchboard.example.org:8181';
 * Without a valid http(s) URL the hook adds nothing.
 */
class SwitchboardWidget
{
    public function inject($event = null, $arguments = null)
    {
        global $sugar_config, $current_user;

        if (empty($current_user) || empty($current_user->id)) {
            return; // the login page
        }
        if (!empty($_REQUEST['to_pdf']) || !empty($_REQUEST['sugar_body_only'])) {
            return; // downloads and partial answers are not pages
        }
        $url = isset($sugar_config['switchboard']['url']) ? trim((string) $sugar_config['switchboard']['url']) : '';
        $url = rtrim($url, '/');
        if (!preg_match('#^https?://[^\s"\'<>]+$#i', $url)) {
            return;
        }
        echo '<script src="' . htmlspecialchars($url . '/switchboard/widget.js', ENT_QUOTES, 'UTF-8')
            . '" defer></script>';
    }
}
