"""Admin forms the plugin's project uses in place of Wagtail's."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's login form with its password field labelled in the staff's language (Wagtail
    leaves that label to the field's name, which no catalogue translates)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
