<?php
/*
 * Switchboard widget for SuiteCRM 7.10+ (and the legacy views of SuiteCRM 8): a module-loader package
 * that puts Switchboard's agent panel (/switchboard/widget.js: presence, screen pops, click-to-call)
 * on every SuiteCRM page. Install it in Admin -> Module Loader, then set
 *     $sugar_config['switchboard']['url'] = 'https://switchboard.example.org:8181';
 * in config_override.php.
 */
$manifest = array(
    'name' => 'Switchboard widget',
    'description' => 'Shows the Switchboard agent panel (presence, screen pops, click-to-call) on every SuiteCRM page.',
    'version' => '0.1.0',
    'author' => 'The Switchboard project',
    'type' => 'module',
    'is_uninstallable' => true,
    'published_date' => '2026-11-22',
    // SuiteCRM 7.10 to 7.14 and SuiteCRM 8's legacy part report sugar_version 6.5.x
    'acceptable_sugar_versions' => array('regex_matches' => array('^6\\.5\\.')),
    'acceptable_sugar_flavors' => array('CE'),
);

$installdefs = array(
    'id' => 'switchboard_widget',
    'copy' => array(
        array(
            'from' => '<basepath>/files/custom/include/Switchboard/SwitchboardWidget.php',
            'to' => 'custom/include/Switchboard/SwitchboardWidget.php',
        ),
    ),
    'logic_hooks' => array(
        array(
            'module' => '',
            'hook' => 'after_ui_frame',
            'order' => 100,
            'description' => 'Switchboard widget',
            'file' => 'custom/include/Switchboard/SwitchboardWidget.php',
            'class' => 'SwitchboardWidget',
            'function' => 'inject',
        ),
    ),
);
