from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from accounts.models import OfficeMembership, Role
from geo.importing import ImportFileError, check_import_facilities, read_rows
from geo.models import Area, Facility
from geo.tests.factories import create_facility, create_tree

HEADER = "code,type,area,name_km,name_en,phones,latitude,longitude,telegram,hours\n"
GOOD_AND_BAD = (
    HEADER + "ch-171001,commune-hall,171001,សាលាឃុំស្លក្រាម,Sla Kram Commune Hall,"
    '012 345 678,13.3633,103.8564,@slakram_hall,"Mo-Fr 07:30-11:30,14:00-17:00"\n'
    + "hc-bad,health-centre,999999,មណ្ឌលសុខភាព,Bad Health Centre,,,,,\n"
    + "school-1,school,17100101,សាលាបឋមសិក្សាស្លក្រាម,Sla Kram Primary School,"
    "123,103.86,13.36,,Mo-Fr 07:00-17:00\n"
    + "market-1,spaceship,171001,,Sla Kram Market,,,,,Mon 7-5\n"
    + "school-2,school,17100101,សាលាអនុវិទ្យាល័យ,Sla Kram Lower Secondary School,,,,,\n"
)


def upload(text: str, name: str = "facilities.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def import_text(text: str):
    return check_import_facilities(read_rows(io.BytesIO(text.encode()), "facilities.csv"))


@pytest.mark.django_db
class TestImportingFacilities:
    def setup_method(self):
        self.tree = create_tree()

    def test_good_rows_are_imported_and_bad_rows_reported_by_line(self):
        with translation.override("en"):
            report = import_text(GOOD_AND_BAD)
        assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
        assert [error.line for error in report.errors] == [3, 4, 5]
        area_error, school_errors, market_errors = (e.messages for e in report.errors)
        assert area_error == ["area “999999” is not an area code."]
        phone_error = "phones: Enter a Cambodian phone number, like 023 880 880 or 012 345 678."
        assert phone_error in school_errors
        assert any("Latitude 103.860000 is outside Cambodia" in m for m in school_errors)
        assert "name_km is empty." in market_errors
        assert not any(m.startswith("name_km:") for m in market_errors), "said twice"
        assert any(m.startswith("type “spaceship” is unknown") for m in market_errors)
        assert any(m.startswith("hours must look like") for m in market_errors)

        hall = Facility.objects.get(code="ch-171001")
        assert hall.phones == ["+85512345678"]
        assert hall.telegram == "https://t.me/slakram_hall"
        assert hall.area == self.tree.commune
        assert hall.hours.count() == 10
        assert Facility.objects.filter(code="school-2").exists()

    def test_the_reasons_are_in_the_language_of_the_person_importing(self):
        with translation.override("km"):
            report = import_text(GOOD_AND_BAD)
        with translation.override("en"):
            english = import_text(GOOD_AND_BAD)
        # The catalogue may not have every Khmer translation yet; the lookup must not fail.
        assert len(report.errors) == len(english.errors) == 3

    def test_importing_the_same_file_again_changes_nothing(self):
        import_text(GOOD_AND_BAD)
        before = {f.code: f.updated_at for f in Facility.objects.all()}
        again = import_text(GOOD_AND_BAD)
        assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
        assert {f.code: f.updated_at for f in Facility.objects.all()} == before

    def test_a_changed_row_updates_the_facility_with_the_same_code(self):
        import_text(GOOD_AND_BAD)
        changed = GOOD_AND_BAD.replace("Mo-Fr 07:30-11:30,14:00-17:00", "Mo-Sa 07:30-11:30")
        report = import_text(changed)
        assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
        assert Facility.objects.get(code="ch-171001").hours.count() == 6

    def test_the_export_of_the_directory_imports_back_unchanged(self, client):
        import_text(GOOD_AND_BAD)
        exported = b"".join(client.get("/en/facilities/export.csv").streaming_content)
        report = check_import_facilities(read_rows(io.BytesIO(exported), "export.csv"))
        assert (report.created, report.updated, report.unchanged, report.errors) == (0, 0, 2, [])

    def test_a_code_twice_in_one_file_is_reported_on_the_second_line(self):
        text = HEADER + "a-1,school,171001,ក,A,,,,,\n" + "a-1,school,171001,ខ,B,,,,,\n"
        with translation.override("en"):
            report = import_text(text)
        assert report.created == 1
        assert report.errors[0].line == 3
        assert report.errors[0].messages == ["code a-1 is already on line 2."]

    def test_an_excel_workbook_is_read_with_its_row_numbers_and_leading_zeros(self):
        from geo.tests.factories import create_area

        province = create_area("01", "Banteay Meanchey", "បន្ទាយមានជ័យ")
        book = Workbook()
        sheet = book.active
        sheet.append(["code", "type", "area", "name_km", "name_en"])
        sheet.append(["dept-01", "provincial-department", 1, "មន្ទីរ", "Department"])
        sheet.append(["bad", "school", 42, "សាលា", "School"])
        data = io.BytesIO()
        book.save(data)
        data.seek(0)
        report = check_import_facilities(read_rows(data, "facilities.xlsx"))
        assert report.created == 1
        assert Facility.objects.get(code="dept-01").area == province
        assert report.errors[0].line == 3

    @pytest.mark.parametrize(
        ("content", "name"),
        [
            (b"code,name\nx,y\n", "f.csv"),
            ("ខ្មែរ".encode("utf-16"), "f.csv"),
            (b"", "f.csv"),
            (b"PK\x03\x04not really a zip", "f.xlsx"),
            (b"code", "f.txt"),
        ],
    )
    def test_a_file_that_cannot_be_read_is_refused_whole(self, content, name):
        with pytest.raises(ImportFileError):
            read_rows(io.BytesIO(content), name)


@pytest.mark.django_db
class TestTheImportPage:
    def setup_method(self):
        create_tree()
        users = get_user_model()
        self.officer = users.objects.create_user("officer", password="x", is_staff=True)
        self.officer.user_permissions.add(Permission.objects.get(codename="import_facilities"))
        self.clerk = users.objects.create_user("clerk", password="x", is_staff=True)
        self.citizen = users.objects.create_user("citizen", password="x")

    def test_only_staff_with_the_import_permission_may_import(self, client):
        assert client.get("/en/facilities/import/").status_code == 302
        for user in (self.clerk, self.citizen):
            client.force_login(user)
            assert client.get("/en/facilities/import/").status_code == 403
        client.force_login(self.officer)
        assert client.get("/en/facilities/import/").status_code == 200

    def test_a_directory_officer_may_import_and_finds_the_page_from_the_directory(self, client):
        office = create_facility(Area.objects.get(code="171001"))
        client.force_login(self.citizen)
        assert "Import facilities from a file" not in client.get("/en/facilities/").content.decode()
        OfficeMembership.objects.create(
            user=self.citizen, office=office, role=Role.objects.get(code="directory-officer")
        )
        assert "Import facilities from a file" in client.get("/en/facilities/").content.decode()
        assert client.get("/en/facilities/import/").status_code == 200

    def test_another_office_role_does_not_allow_importing(self, client):
        OfficeMembership.objects.create(
            user=self.citizen,
            office=create_facility(Area.objects.get(code="171001")),
            role=Role.objects.get(code="clerk"),
        )
        client.force_login(self.citizen)
        assert client.get("/en/facilities/import/").status_code == 403

    def test_the_officer_sees_what_was_imported_and_each_bad_line(self, client):
        client.force_login(self.officer)
        response = client.post("/en/facilities/import/", {"file": upload(GOOD_AND_BAD)})
        html = response.content.decode()
        assert response.status_code == 200
        assert "2 created, 0 updated, 0 unchanged." in html
        assert "3 rows were not imported." in html
        assert '<th scope="row">3</th>' in html
        assert "area “999999” is not an area code." in html

    def test_a_file_of_the_wrong_kind_is_explained(self, client):
        client.force_login(self.officer)
        response = client.post("/en/facilities/import/", {"file": upload("x", "photo.jpg")})
        assert response.status_code == 400
        assert "Upload a .csv or .xlsx file." in response.content.decode()
        response = client.post("/en/facilities/import/", {"file": upload("x", "fake.xlsx")})
        assert "The content of the file does not match its name." in response.content.decode()
