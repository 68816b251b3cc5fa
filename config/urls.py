from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.wagtail_texts import admin_script_texts

urlpatterns = [
    # before Wagtail's view of the same address: its texts and the cms catalogue's
    path("admin/jsi18n/", admin_script_texts, name="admin-script-texts"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("cms.urls")),
]
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
