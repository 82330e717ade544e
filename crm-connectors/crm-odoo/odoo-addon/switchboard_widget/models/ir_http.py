from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """Hands the configured Switchboard URL to the web client of signed-in internal users."""
        info = super().session_info()
        if self.env.user._is_internal():
            url = self.env["ir.config_parameter"].sudo().get_param("switchboard_widget.url") or ""
            info["switchboard_url"] = url.strip().rstrip("/")
        return info
