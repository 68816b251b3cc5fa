"""Wagtail admin texts that Wagtail's own Lithuanian catalogue leaves untranslated and that
staff meet in the page editor, the explorer and the review workflow.

Their Lithuanian translations are in the cms catalogue (cms/locale/lt/LC_MESSAGES/django.po).
Django looks a text up in the catalogues of the apps listed first in INSTALLED_APPS before the
later ones', and cms comes before Wagtail's apps, so these translations are the ones shown.
Listing the texts here keeps `makemessages` from dropping them from the cms catalogue.

The admin's scripts take their texts from a JavaScript catalogue, which Wagtail's view builds
from its own `djangojs` catalogue alone; `admin_script_texts` adds the cms one
(cms/locale/lt/LC_MESSAGES/djangojs.po) and is served at the same address.
"""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_noop, ngettext_lazy
from django.views.i18n import JavaScriptCatalog
from wagtail.admin.localization import get_localized_response

WAGTAIL_TEXTS = (
    gettext_noop('Submit to %(workflow_name)s'),
    gettext_noop('Resubmit to %(task_name)s'),
    gettext_noop('Restart workflow '),
    gettext_noop('Cancel workflow '),
    gettext_noop('Schedule to publish'),
    gettext_noop('Scheduling…'),
    gettext_noop('Set publishing schedule'),
    gettext_noop('Save schedule'),
    gettext_noop('Choose when this page should go live and/or expire'),
    gettext_noop('This publishing schedule will only take effect after you select the '
                 '"Schedule to publish" option'),
    gettext_noop('Anyone with editing permissions can create schedules'),
    gettext_noop('But only those with publishing permissions can make them effective.'),
    gettext_noop('Status: '),
    gettext_noop('In Moderation'),
    gettext_noop('View details'),
    gettext_noop('Go-live:'),
    gettext_noop('Expiry:'),
    gettext_noop('Edit schedule'),
    gettext_noop('Invalid schedule'),
    gettext_noop('Once scheduled:'),
    gettext_noop('No publishing schedule set'),
    gettext_noop('Set schedule'),
    gettext_noop('To be created by %(user)s'),
    gettext_noop('Locking: '),
    gettext_noop('Anyone can edit this %(model_name)s – lock it to prevent others from editing'),
    gettext_noop('Anyone can edit this %(model_name)s'),
    gettext_noop('Page visibility: '),
    gettext_noop('Visible to all'),
    gettext_noop('Once live anyone can view'),
    gettext_noop('Not visible to the public'),
    gettext_noop('Choose who can view the live version of this page'),
    gettext_noop('Change privacy'),
    gettext_noop('Locale: '),
    gettext_noop('No other translations'),
    gettext_noop('Switch locales'),
    gettext_noop('Available in %(translations_total)s locales'),
    gettext_noop('First published'),
    gettext_noop('Toggle status'),
    gettext_noop('Toggle preview'),
    gettext_noop('Toggle comments'),
    gettext_noop('Toggle checks'),
    gettext_noop('Checks'),
    gettext_noop('Preview in new tab'),
    gettext_noop('Preview mode'),
    gettext_noop('Refresh'),
    gettext_noop('Preview is out of date'),
    gettext_noop('There are validation errors, click save to highlight them.'),
    gettext_noop('Saving will overwrite a newer version.'),
    gettext_noop('In progress'),
    gettext_noop('Approved'),
    gettext_noop('Needs changes'),
    gettext_noop('Cancelled'),
    gettext_noop('Rejected'),
    gettext_noop('Skipped'),
    gettext_noop('Not started'),
    gettext_noop('Request changes'),
    gettext_noop('Approved by %(approved_by)s'),
    gettext_noop('Changes requested by %(requested_by)s'),
    gettext_noop('Changes requested'),
    gettext_noop('Cancelled by %(cancelled_by)s'),
    gettext_noop('Workflow history'),
    gettext_noop('Workflow progress'),
    gettext_noop('Workflow started'),
    gettext_noop('Workflow completed'),
    gettext_noop('Requested by'),
    gettext_noop('Started at'),
    gettext_noop('Workflow'),
    gettext_noop("This page hasn't been submitted for moderation yet"),
    gettext_noop('with comment:'),
    gettext_noop('Locked by you'),
    gettext_noop('Locked by another user'),
    gettext_noop('Locked by workflow'),
    gettext_noop('Locked by schedule'),
    gettext_noop('Only reviewers can edit and approve the %(model_name)s'),
    gettext_noop('This %(model_name)s is currently awaiting moderation.'),
    gettext_noop('Only reviewers for this task can edit the %(model_name)s.'),
    gettext_noop('Currently locked and will go live on the scheduled date'),
    gettext_noop("%(model_name)s '%(object)s' has been submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' created and submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' updated and published."),
    gettext_noop("%(model_name)s '%(object)s' created and published."),
    gettext_noop("%(model_name)s '%(object)s' has been scheduled for publishing."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been restarted."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been cancelled."),
    gettext_noop('Visit the live page'),
    gettext_noop('Visible to all. Visit the live page'),
    gettext_noop('Private. Visit the live page'),
    gettext_noop('Select all pages in listing'),
    gettext_noop('Search the whole site'),
    gettext_noop('Show filters'),
    gettext_noop('Filter by'),
    gettext_noop('Page title'),
    gettext_noop('Close dialog'),
    gettext_noop('Edit account avatar'),
    gettext_noop('Search all pages…'),
    gettext_noop('Sidebar'),
    gettext_noop('Toggle section'),
    gettext_noop('Actions'),
    gettext_noop('Date updated'),
    gettext_noop('Delete selected pages'),
    gettext_noop('Edited by'),
    gettext_noop('Has child pages'),
    gettext_noop('Move selected pages'),
    gettext_noop('None'),
    gettext_noop('Owner'),
    gettext_noop('Page type'),
    gettext_noop('Publish selected pages'),
    gettext_noop('Search…'),
    gettext_noop('Side panel width'),
    gettext_noop('Side panels'),
    gettext_noop('Toggle breadcrumbs'),
    gettext_noop('Toggle side panel'),
    gettext_noop('Unpublish selected pages'),
    gettext_noop('Actions (footer)'),
    gettext_noop('Autosave is paused'),
    gettext_noop('Content metrics'),
    gettext_noop('Correct the validation errors to resume preview (saving will highlight errors)'),
    gettext_noop('Issues found'),
    gettext_noop('Loading'),
    gettext_noop('Minimap'),
    gettext_noop('Preview in desktop size'),
    gettext_noop('Preview in mobile size'),
    gettext_noop('Preview in tablet size'),
    gettext_noop('Readability'),
    gettext_noop('Reading time'),
    gettext_noop('Saved'),
    gettext_noop('Show issue'),
    gettext_noop('This data explained'),
    gettext_noop('Words'),
    gettext_noop('JavaScript is required to use Wagtail, but it is currently disabled.<br /> '
                 'Here are the <a href="https://www.enable-javascript.com/" target="_blank" '
                 'rel="noreferrer">instructions how to enable JavaScript in your web '
                 'browser</a>.'),
    gettext_noop('Select'),
    gettext_noop('Wagtail %(current_version)s editor guide'),
    gettext_noop('Access level'),
    gettext_noop('Add a workflow'),
    gettext_noop('Add selected documents to collection'),
    gettext_noop('Add tags to the selected documents'),
    gettext_noop('Add tags to the selected images'),
    gettext_noop('Assign role'),
    gettext_noop('Assign role to selected users'),
    gettext_noop('Change the active state for selected users'),
    gettext_noop('Delete selected documents'),
    gettext_noop('Delete selected images'),
    gettext_noop('Editor Guide'),
    gettext_noop('Grid layout'),
    gettext_noop('If you just want to add pages to an existing site, create them as children of '
                 'the homepage instead.'),
    gettext_noop('Last login'),
    gettext_noop('List layout'),
    gettext_noop('Page types usage'),
    gettext_noop('Set active state'),
    gettext_noop('Shortcuts'),
    gettext_noop('The root level is where you can add new sites to your Wagtail installation. '
                 'Pages created here will not be accessible at any URL until they are associated '
                 'with a site.'),
    gettext_noop('Used by'),
    gettext_noop('Workflow tasks'),
    gettext_noop('Workflows'),
    gettext_noop('Pages created here will not be accessible at any URL. To add pages to an '
                 'existing site, create them as children of the homepage.'),
    gettext_noop('New workflow task'),
    gettext_noop('Used on'),
)

# the counts of the dashboard's summary, in every plural form
WAGTAIL_COUNTS = (
    ngettext_lazy('%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
                  '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>', 0),
    ngettext_lazy('%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
                  '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>', 0),
    ngettext_lazy('%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
                  '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>', 0),
)


# the later package's translations are the ones served
SCRIPT_TEXTS = JavaScriptCatalog.as_view(packages=["wagtail.admin", "cms"])


def admin_script_texts(request: HttpRequest) -> HttpResponse:
    """The admin scripts' texts, in the user's admin language, as Wagtail's own view."""
    return get_localized_response(SCRIPT_TEXTS, request)
