"""Admin choosers for models that other apps own, so that editors can pick them in blocks.

Facilities (tens of thousands: every commune hall, school, health centre) are chosen in a
searchable modal rather than a select box. The widget is not registered as the default for
every foreign key to Facility (`register_widget = False`): only our blocks use it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet


class FacilityChooserViewSet(ChooserViewSet):
    model = "geo.Facility"
    icon = "site"
    choose_one_text = _("Choose an office")
    choose_another_text = _("Choose another office")
    register_widget = False
    per_page = 30


facility_chooser_viewset = FacilityChooserViewSet("content_facility_chooser")
