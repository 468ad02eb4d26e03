"""Editors edit only their institution's pages; that institution's approvers approve them
(moderation workflow); scheduled publishing and expiry; revisions compare and revert."""

from __future__ import annotations

import datetime

from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from accounts.models import OfficeMembership, Role
from accounts.tests.factories import create_user, grant
from content.editorial import APPROVERS_GROUP, EDITORS_GROUP, do_set_up_editorial
from content.models import InformationPage, InstitutionPage, NewsIndexPage, NewsPage
from content.tests.factories import create_homes, create_page
from geo.models import Institution
from geo.tests.factories import create_area, create_facility


def news_form(institution: InstitutionPage, **fields) -> dict:
    data = {
        "title": "សេចក្តីប្រកាស",
        "slug": "announcement",
        "introduction": "",
        "date": "2026-03-01",
        "institution": institution.pk,
        "body": rich_text("<p>អត្ថបទ។</p>"),
        "areas": [],
        "topics": [],
    }
    data.update(fields)
    return nested_form_data(data)


class EditorialTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes = create_homes()
        do_set_up_editorial(list(cls.homes.values()))
        cls.index = create_page(cls.homes["km"], InformationPage, title="ក្រសួង", slug="ministries")
        cls.news_index = create_page(cls.homes["km"], NewsIndexPage, title="ព័ត៌មាន", slug="news")
        area = create_area("12", "Phnom Penh", "ភ្នំពេញ")
        cls.pages = {}
        cls.users = {}
        for code in ("mptc", "moi"):
            institution = Institution.objects.create(code=code, name_km=code, name_en=code)
            office = create_facility(
                area, "ministry", code=f"ministry-{code}", institution=institution
            )
            cls.pages[code] = create_page(
                cls.index, InstitutionPage, title=f"ក្រសួង {code}", slug=code, institution=institution
            )
            cls.users[f"{code}-editor"] = editor = create_user(f"{code}-editor")
            cls.users[f"{code}-approver"] = approver = create_user(f"{code}-approver")
            grant(editor, office, Role.EDITOR)
            grant(approver, office, Role.APPROVER)
        cls.moi_news = create_page(
            cls.news_index,
            NewsPage,
            title="ព័ត៌មានមហាផ្ទៃ",
            slug="moi-news",
            institution=cls.pages["moi"],
            body="<p>x</p>",
        )

    def assert_refused(self, response):
        """Wagtail answers a refusal with the dashboard and "Sorry, you do not have
        permission to access this area."."""
        self.assertEqual((response.status_code, response["Location"]), (302, "/cms/"))

    def sign_in(self, name):
        self.client.force_login(self.users[name])

    def test_officer_roles_put_people_in_the_editorial_groups(self):
        editor = self.users["mptc-editor"]
        self.assertEqual([g.name for g in editor.groups.all()], [EDITORS_GROUP])
        approver = self.users["mptc-approver"]
        self.assertEqual(
            sorted(g.name for g in approver.groups.all()), [APPROVERS_GROUP, EDITORS_GROUP]
        )
        for membership in OfficeMembership.objects.filter(user=approver):
            membership.ended_at = timezone.now()
            membership.save(update_fields=["ended_at"])
        self.assertFalse(approver.groups.exists())

    def test_an_editor_edits_their_institutions_page_but_not_anothers(self):
        self.sign_in("mptc-editor")
        edit = "/cms/pages/{}/edit/"
        response = self.client.get(edit.format(self.pages["mptc"].pk))
        self.assertEqual(response.status_code, 200, response.get("Location"))
        self.assert_refused(self.client.get(edit.format(self.pages["moi"].pk)))
        self.assert_refused(self.client.get(edit.format(self.moi_news.pk)))
        self.assert_refused(self.client.get(edit.format(self.homes["km"].pk)))
        self.assert_refused(self.client.post(f"/cms/pages/{self.pages['moi'].pk}/delete/"))
        self.assertTrue(Page.objects.filter(pk=self.pages["moi"].pk).exists())

    def test_an_editor_writes_news_only_for_their_institution(self):
        self.sign_in("mptc-editor")
        url = f"/cms/pages/add/content/newspage/{self.news_index.pk}/"
        response = self.client.post(url, news_form(self.pages["moi"]))
        self.assertEqual(response.status_code, 200)  # the form again, with the error
        self.assertFalse(NewsPage.objects.filter(slug="announcement").exists())
        response = self.client.post(url, news_form(self.pages["mptc"]))
        self.assertEqual(response.status_code, 302)
        news = NewsPage.objects.get(slug="announcement")
        self.assertFalse(news.live)  # editors save drafts; they cannot publish
        response = self.client.post(
            url, news_form(self.pages["mptc"], slug="b", **{"action-publish": "1"})
        )
        self.assertFalse(NewsPage.objects.get(slug="b").live)

    def test_only_the_institutions_approver_approves_its_news(self):
        self.sign_in("mptc-editor")
        url = f"/cms/pages/add/content/newspage/{self.news_index.pk}/"
        self.client.post(url, news_form(self.pages["mptc"], **{"action-submit": "1"}))
        news = NewsPage.objects.get(slug="announcement")
        state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(news.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        task_state = state.current_task_state
        task = task_state.task.specific
        other = self.users["moi-approver"]
        own = self.users["mptc-approver"]
        self.assertEqual(task.get_actions(news, other), [])
        self.assertFalse(task.get_task_states_user_can_moderate(other).exists())
        self.assertEqual(
            [s.pk for s in task.get_task_states_user_can_moderate(own)], [task_state.pk]
        )

        self.sign_in("moi-approver")
        action = f"/cms/pages/workflow/action/{news.pk}/approve/{task_state.pk}/"
        self.client.post(action)
        news.refresh_from_db()
        self.assertFalse(news.live)

        self.sign_in("mptc-approver")
        self.client.post(action)
        news.refresh_from_db()
        self.assertTrue(news.live)
        self.assertEqual(TaskState.objects.get(pk=task_state.pk).status, TaskState.STATUS_APPROVED)


class SchedulingTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        homes = create_homes()
        cls.news_index = create_page(homes["km"], NewsIndexPage, title="ព័ត៌មាន", slug="news")

    def test_a_page_goes_live_and_expires_at_the_times_set(self):
        news = NewsPage(
            title="ពេលវេលា",
            slug="timed",
            body="<p>x</p>",
            live=False,
            go_live_at=timezone.now() + datetime.timedelta(hours=2),
            expire_at=timezone.now() + datetime.timedelta(days=2),
        )
        self.news_index.add_child(instance=news)
        news.save_revision().publish()
        news.refresh_from_db()
        self.assertFalse(news.live)
        self.assertEqual(self.client.get("/km/news/timed/").status_code, 404)
        with freeze_time(timezone.now() + datetime.timedelta(hours=3)):
            call_command("publish_scheduled")
        news.refresh_from_db()
        self.assertTrue(news.live)
        self.assertEqual(self.client.get("/km/news/timed/").status_code, 200)
        with freeze_time(timezone.now() + datetime.timedelta(days=3)):
            call_command("publish_scheduled")
        news.refresh_from_db()
        self.assertFalse(news.live)
        self.assertTrue(news.expired)


class RevisionsTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        homes = create_homes()
        cls.page = create_page(homes["km"], InformationPage, title="ដំបូង", slug="about")
        cls.admin = create_user("admin", is_superuser=True, is_staff=True)

    def test_revisions_are_compared_and_reverted(self):
        first = self.page.save_revision()
        first.publish()
        self.page.title = "ទីពីរ"
        second = self.page.save_revision()
        second.publish()
        self.client.force_login(self.admin)
        compare = f"/cms/pages/{self.page.pk}/revisions/compare/{first.pk}...{second.pk}/"
        response = self.client.get(compare)
        self.assertContains(response, "ទីពីរ")
        revert = f"/cms/pages/{self.page.pk}/revisions/{first.pk}/revert/"
        self.assertContains(self.client.get(revert), "ដំបូង")
