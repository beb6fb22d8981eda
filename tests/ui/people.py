"""The people of the test database, with what the app should show for them."""

from __future__ import annotations

from dataclasses import dataclass

from crm_desktop.locale import normalize_text


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    company: str = ""
    phone: str = ""
    email: str = ""
    city: str = "تهران"
    job_title: str = ""
    lifecycle: str = "lead"

    @property
    def shown_name(self) -> str:
        """The name as the app stores and shows it (Arabic letters made Persian)."""
        return normalize_text(f"{self.first_name} {self.last_name}")


# Thirty people. Arabic ي/ك appear in some names as typed in old Excel files; phones
# are 0912... or 0935... or a Tehran landline, never with "0912" inside the rest.
PEOPLE: tuple[Person, ...] = (
    Person(
        "علي",
        "محمدی",
        "فولاد سپاهان",
        "09125550001",
        "ali.m@sepahan.ir",
        "اصفهان",
        "مدیر خرید",
        "customer",
    ),
    Person(
        "علی",
        "رضایی",
        "پخش البرز",
        "09355550002",
        "ali.rezaei@alborz.com",
        "کرج",
        "کارشناس فروش",
        "prospect",
    ),
    Person("عليرضا", "کريمي", "", "09125550003", "", "تهران", "", "lead"),
    Person(
        "مریم",
        "علیزاده",
        "صنایع غذایی نوین",
        "02188776655",
        "maryam@novin.co",
        "تهران",
        "مدیر مالی",
        "customer",
    ),
    Person(
        "سارا",
        "احمدی",
        "فولاد سپاهان",
        "09355550005",
        "sara@sepahan.ir",
        "اصفهان",
        "حسابدار",
        "inactive",
    ),
    Person("رضا", "حسینی", "فولاد سپاهان", "09125550006", "", "اصفهان", "مهندس فروش"),
    Person("زهرا", "موسوی", "پخش البرز", "09355550007", "zahra@alborz.com", "کرج"),
    Person("حسین", "کاظمی", "", "09125550008", "", "شیراز"),
    Person("فاطمه", "جعفری", "صنایع غذایی نوین", "09355550009", "", "تهران"),
    Person("محمد", "صادقی", "فولاد سپاهان", "", "m.sadeghi@sepahan.ir", "اصفهان"),
    Person("نرگس", "طاهری", "", "09355550011", "", "مشهد"),
    Person("امیر", "نوری", "پخش البرز", "09125550012", "", "کرج"),
    Person("لیلا", "قاسمی", "", "09355550013", "", "تبریز"),
    Person("مهدی", "اکبری", "", "09125550014", "", "تهران"),
    Person("نازنین", "رحیمی", "", "09355550015", "", "شیراز"),
    Person("کامران", "یوسفی", "صنایع غذایی نوین", "02144556677", "", "تهران"),
    Person("پریسا", "شریفی", "", "09355550017", "", "مشهد"),
    Person("بهرام", "فرهادی", "", "09125550018", "", "تهران"),
    Person("شیما", "باقری", "", "09355550019", "", "تبریز"),
    Person("داود", "عباسی", "", "09125550020", "", "اهواز"),
    Person("نسرین", "مرادی", "", "09355550021", "", "تهران"),
    Person("سعید", "کریمی", "", "09125550022", "", "رشت"),
    Person("هانیه", "نجفی", "", "09355550023", "", "تهران"),
    Person("یاسر", "سلیمانی", "", "09125550024", "", "قم"),
    Person("الهام", "حیدری", "", "09355550025", "", "تهران"),
    Person("جواد", "ملکی", "", "09125550026", "", "یزد"),
    Person("مینا", "زمانی", "", "09355550027", "", "کرمان"),
    Person("پیمان", "ابراهیمی", "", "09125550028", "", "تهران"),
    Person("رویا", "امینی", "", "09355550029", "", "ساری"),
    Person("کيوان", "رستمی", "", "09125550030", "", "تهران"),
)
