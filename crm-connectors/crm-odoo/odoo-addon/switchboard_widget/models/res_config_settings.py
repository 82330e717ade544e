from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    switchboard_url = fields.Char(
        string="Switchboard URL",
        config_parameter="switchboard_widget.url",
        help="Where agents' browsers reach Switchboard, e.g. https://switchboard.example.com:8181. "
             "Empty: the panel is not loaded.",
    )
