{
    "name": "Switchboard",
    "summary": "Switchboard's screen pops, presence and click-to-call inside Odoo",
    "description": """
Loads Switchboard's embeddable panel (<switchboard>/switchboard/widget.js) into Odoo's web client:
the signed-in agent's presence, their screen pops (with the links that open the caller's contact
or ticket here), and click-to-call on phone numbers. Set the Switchboard URL in
Settings → General Settings → Switchboard.
""",
    "version": "17.0.1.0.0",
    "category": "Productivity",
    "license": "LGPL-3",
    "depends": ["web", "base_setup"],
    "data": [
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "switchboard_widget/static/src/js/switchboard_loader.js",
        ],
    },
    "installable": True,
    "application": False,
}
