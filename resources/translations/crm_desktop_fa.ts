<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="fa">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>همهٔ انواع</source>
            <translation>همهٔ انواع</translation>
        </message>
        <message>
            <source>کارهای من</source>
            <translation>کارهای من</translation>
        </message>
        <message>
            <source>همهٔ تیم</source>
            <translation>همهٔ تیم</translation>
        </message>
        <message>
            <source>دیرکرد</source>
            <translation>دیرکرد</translation>
        </message>
        <message>
            <source>امروز</source>
            <translation>امروز</translation>
        </message>
        <message>
            <source>این هفته</source>
            <translation>این هفته</translation>
        </message>
        <message>
            <source>آینده</source>
            <translation>آینده</translation>
        </message>
        <message>
            <source>انجام‌شده</source>
            <translation>انجام‌شده</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <source>ثبت فعالیت</source>
            <translation>ثبت فعالیت</translation>
        </message>
        <message>
            <source>ویرایش فعالیت</source>
            <translation>ویرایش فعالیت</translation>
        </message>
        <message>
            <source>انجام شد</source>
            <translation>انجام شد</translation>
        </message>
        <message>
            <source>برای</source>
            <translation>برای</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source> دقیقه</source>
            <translation> دقیقه</translation>
        </message>
        <message>
            <source>مثلاً: پیش‌فاکتور خواست</source>
            <translation>مثلاً: پیش‌فاکتور خواست</translation>
        </message>
        <message>
            <source>بدون مسئول</source>
            <translation>بدون مسئول</translation>
        </message>
        <message>
            <source>دربارهٔ</source>
            <translation>دربارهٔ</translation>
        </message>
        <message>
            <source>نوع</source>
            <translation>نوع</translation>
        </message>
        <message>
            <source>موضوع</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <source>زمان</source>
            <translation>زمان</translation>
        </message>
        <message>
            <source>مدت</source>
            <translation>مدت</translation>
        </message>
        <message>
            <source>نتیجه</source>
            <translation>نتیجه</translation>
        </message>
        <message>
            <source>شرح</source>
            <translation>شرح</translation>
        </message>
        <message>
            <source>مسئول</source>
            <translation>مسئول</translation>
        </message>
        <message>
            <source>گام بعدی (Alt+N)</source>
            <translation>گام بعدی (Alt+N)</translation>
        </message>
        <message>
            <source>آنچه نوشته‌اید ذخیره نشده است. دور ریخته شود؟</source>
            <translation>آنچه نوشته‌اید ذخیره نشده است. دور ریخته شود؟</translation>
        </message>
        <message>
            <source>دور ریختن</source>
            <translation>دور ریختن</translation>
        </message>
        <message>
            <source>ادامهٔ نوشتن</source>
            <translation>ادامهٔ نوشتن</translation>
        </message>
        <message>
            <source>برای آنچه در پیش است روز و ساعت را بگویید.</source>
            <translation>برای آنچه در پیش است روز و ساعت را بگویید.</translation>
        </message>
        <message>
            <source>پیگیری</source>
            <translation>پیگیری</translation>
        </message>
        <message>
            <source>موعد</source>
            <translation>موعد</translation>
        </message>
        <message>
            <source>ذخیره</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <source>انصراف</source>
            <translation>انصراف</translation>
        </message>
    </context>
    <context>
        <name>ActivityList</name>
        <message>
            <source>ثبت تماس…</source>
            <translation>ثبت تماس…</translation>
        </message>
        <message>
            <source>تماس، جلسه، ایمیل یا یادداشت (Ctrl+L)</source>
            <translation>تماس، جلسه، ایمیل یا یادداشت (Ctrl+L)</translation>
        </message>
        <message>
            <source>کار جدید…</source>
            <translation>کار جدید…</translation>
        </message>
        <message>
            <source>انجام شد…</source>
            <translation>انجام شد…</translation>
        </message>
        <message>
            <source>انجام شد، با نتیجه و گام بعدی (Ctrl+D)</source>
            <translation>انجام شد، با نتیجه و گام بعدی (Ctrl+D)</translation>
        </message>
        <message>
            <source>ویرایش…</source>
            <translation>ویرایش…</translation>
        </message>
        <message>
            <source>خروجی اکسل…</source>
            <translation>خروجی اکسل…</translation>
        </message>
    </context>
    <context>
        <name>BirthdayPanel</name>
        <message>
            <source>تولدهای این هفته</source>
            <translation>تولدهای این هفته</translation>
        </message>
        <message>
            <source>ثبت تبریک</source>
            <translation>ثبت تبریک</translation>
        </message>
        <message>
            <source>تبریک را به شکلی که مخاطب ترجیح می‌دهد ثبت می‌کند (پیش‌فرض: پیامک).</source>
            <translation>تبریک را به شکلی که مخاطب ترجیح می‌دهد ثبت می‌کند (پیش‌فرض: پیامک).</translation>
        </message>
        <message>
            <source>%1 سالگی</source>
            <translation>%1 سالگی</translation>
        </message>
        <message>
            <source>تولدهای این هفته (%1)</source>
            <translation>تولدهای این هفته (%1)</translation>
        </message>
        <message>
            <source>ثبت تبریک تولد</source>
            <translation>ثبت تبریک تولد</translation>
        </message>
        <message>
            <source>تبریک تولد %1 ثبت شد.</source>
            <translation>تبریک تولد %1 ثبت شد.</translation>
        </message>
    </context>
    <context>
        <name>BugReportBox</name>
        <message>
            <source>خطای برنامه</source>
            <translation>خطای برنامه</translation>
        </message>
        <message>
            <source>خطای پیش‌بینی‌نشده‌ای رخ داد (%1).</source>
            <translation>خطای پیش‌بینی‌نشده‌ای رخ داد (%1).</translation>
        </message>
        <message>
            <source>جزئیات برای گزارش به پشتیبانی در این پرونده ثبت شد: %1</source>
            <translation>جزئیات برای گزارش به پشتیبانی در این پرونده ثبت شد: %1</translation>
        </message>
        <message>
            <source>پرونده‌ی گزارش خطا نوشته نشد.</source>
            <translation>پرونده‌ی گزارش خطا نوشته نشد.</translation>
        </message>
        <message>
            <source>بستن</source>
            <translation>بستن</translation>
        </message>
    </context>
    <context>
        <name>CampaignDialog</name>
        <message>
            <source>کمپین</source>
            <translation>کمپین</translation>
        </message>
        <message>
            <source>مثلاً: پیامک، اینستاگرام، نمایشگاه</source>
            <translation>مثلاً: پیامک، اینستاگرام، نمایشگاه</translation>
        </message>
        <message>
            <source>نام</source>
            <translation>نام</translation>
        </message>
        <message>
            <source>کانال</source>
            <translation>کانال</translation>
        </message>
        <message>
            <source>آغاز</source>
            <translation>آغاز</translation>
        </message>
        <message>
            <source>پایان</source>
            <translation>پایان</translation>
        </message>
        <message>
            <source>هزینه</source>
            <translation>هزینه</translation>
        </message>
        <message>
            <source>ذخیره</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <source>انصراف</source>
            <translation>انصراف</translation>
        </message>
        <message>
            <source>ذخیرهٔ کمپین</source>
            <translation>ذخیرهٔ کمپین</translation>
        </message>
    </context>
    <context>
        <name>CampaignsPage</name>
        <message>
            <source>سرنخ</source>
            <translation>سرنخ</translation>
        </message>
        <message>
            <source>معامله</source>
            <translation>معامله</translation>
        </message>
        <message>
            <source>برده</source>
            <translation>برده</translation>
        </message>
        <message>
            <source>درآمد</source>
            <translation>درآمد</translation>
        </message>
        <message>
            <source>کمپین</source>
            <translation>کمپین</translation>
        </message>
        <message>
            <source>کانال</source>
            <translation>کانال</translation>
        </message>
        <message>
            <source>آغاز</source>
            <translation>آغاز</translation>
        </message>
        <message>
            <source>پایان</source>
            <translation>پایان</translation>
        </message>
        <message>
            <source>هزینه</source>
            <translation>هزینه</translation>
        </message>
        <message>
            <source>بازگشت هزینه</source>
            <translation>بازگشت هزینه</translation>
        </message>
        <message>
            <source>منبع سرنخ</source>
            <translation>منبع سرنخ</translation>
        </message>
        <message>
            <source>کمپین جدید…</source>
            <translation>کمپین جدید…</translation>
        </message>
        <message>
            <source>ویرایش…</source>
            <translation>ویرایش…</translation>
        </message>
        <message>
            <source>حذف</source>
            <translation>حذف</translation>
        </message>
        <message>
            <source>کمپین‌ها</source>
            <translation>کمپین‌ها</translation>
        </message>
        <message>
            <source>منبع‌های سرنخ</source>
            <translation>منبع‌های سرنخ</translation>
        </message>
        <message>
            <source>حذف کمپین</source>
            <translation>حذف کمپین</translation>
        </message>
    </context>
    <context>
        <name>CardDelegate</name>
        <message>
            <source>دیرکرد</source>
            <translation>دیرکرد</translation>
        </message>
        <message>
            <source>بی‌تحرک</source>
            <translation>بی‌تحرک</translation>
        </message>
    </context>
    <context>
        <name>ClosingDialog</name>
        <message>
            <source>بستن معامله</source>
            <translation>بستن معامله</translation>
        </message>
        <message>
            <source>از دست رفتن معامله</source>
            <translation>از دست رفتن معامله</translation>
        </message>
        <message>
            <source>«%1» به «%2» می‌رود.</source>
            <translation>«%1» به «%2» می‌رود.</translation>
        </message>
        <message>
            <source>«%1» به «%2» می‌رود: چرا؟</source>
            <translation>«%1» به «%2» می‌رود: چرا؟</translation>
        </message>
        <message>
            <source>تاریخ</source>
            <translation>تاریخ</translation>
        </message>
        <message>
            <source>یک دلیل انتخاب کنید</source>
            <translation>یک دلیل انتخاب کنید</translation>
        </message>
        <message>
            <source>تومان</source>
            <translation>تومان</translation>
        </message>
        <message>
            <source>ریال</source>
            <translation>ریال</translation>
        </message>
        <message>
            <source>مبلغ نهایی (%1)</source>
            <translation>مبلغ نهایی (%1)</translation>
        </message>
        <message>
            <source>دلیل</source>
            <translation>دلیل</translation>
        </message>
        <message>
            <source>توضیح</source>
            <translation>توضیح</translation>
        </message>
    </context>
    <context>
        <name>ColumnChooser</name>
        <message>
            <source>ستون‌های پیش‌فرض</source>
            <translation>ستون‌های پیش‌فرض</translation>
        </message>
    </context>
    <context>
        <name>CompaniesPage</name>
        <message>
            <source>شرکت‌ها</source>
            <translation>شرکت‌ها</translation>
        </message>
        <message>
            <source>جستجو در نام شرکت‌ها…</source>
            <translation>جستجو در نام شرکت‌ها…</translation>
        </message>
        <message>
            <source>شرکت جدید</source>
            <translation>شرکت جدید</translation>
        </message>
        <message>
            <source>خروجی اکسل…</source>
            <translation>خروجی اکسل…</translation>
        </message>
        <message>
            <source>شرکتی پیدا نشد</source>
            <translation>شرکتی پیدا نشد</translation>
        </message>
        <message>
            <source>%1 شرکت</source>
            <translation>%1 شرکت</translation>
        </message>
    </context>
    <context>
        <name>CompanyPage</name>
        <message>
            <source>ذخیره</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <source>بستن</source>
            <translation>بستن</translation>
        </message>
        <message>
            <source>مشخصات</source>
            <translation>مشخصات</translation>
        </message>
        <message>
            <source>فعالیت‌ها</source>
            <translation>فعالیت‌ها</translation>
        </message>
        <message>
            <source>تاریخچه</source>
            <translation>تاریخچه</translation>
        </message>
        <message>
            <source>نام شرکت:</source>
            <translation>نام شرکت:</translation>
        </message>
        <message>
            <source>صنعت:</source>
            <translation>صنعت:</translation>
        </message>
        <message>
            <source>تلفن:</source>
            <translation>تلفن:</translation>
        </message>
        <message>
            <source>ایمیل:</source>
            <translation>ایمیل:</translation>
        </message>
        <message>
            <source>وب‌سایت:</source>
            <translation>وب‌سایت:</translation>
        </message>
        <message>
            <source>نشانی:</source>
            <translation>نشانی:</translation>
        </message>
        <message>
            <source>شهر:</source>
            <translation>شهر:</translation>
        </message>
        <message>
            <source>استان:</source>
            <translation>استان:</translation>
        </message>
        <message>
            <source>یادداشت:</source>
            <translation>یادداشت:</translation>
        </message>
        <message>
            <source>افراد</source>
            <translation>افراد</translation>
        </message>
        <message>
            <source>فهرست معامله‌های این شرکت به‌زودی اینجا می‌آید.</source>
            <translation>فهرست معامله‌های این شرکت به‌زودی اینجا می‌آید.</translation>
        </message>
        <message>
            <source>معامله‌ها</source>
            <translation>معامله‌ها</translation>
        </message>
        <message>
            <source>شرکت جدید</source>
            <translation>شرکت جدید</translation>
        </message>
        <message>
            <source>معامله‌های باز: %1</source>
            <translation>معامله‌های باز: %1</translation>
        </message>
        <message>
            <source>فروش موفق: %1</source>
            <translation>فروش موفق: %1</translation>
        </message>
        <message>
            <source>معامله‌های باز: %1 معامله، %2</source>
            <translation>معامله‌های باز: %1 معامله، %2</translation>
        </message>
        <message>
            <source>فروش موفق: %1 معامله، %2</source>
            <translation>فروش موفق: %1 معامله، %2</translation>
        </message>
        <message>
            <source>این شرکت حذف شده است.</source>
            <translation>این شرکت حذف شده است.</translation>
        </message>
        <message>
            <source>نام شرکت را وارد کنید.</source>
            <translation>نام شرکت را وارد کنید.</translation>
        </message>
        <message>
            <source>شرکت جدید «%1»</source>
            <translation>شرکت جدید «%1»</translation>
        </message>
        <message>
            <source>ویرایش شرکت «%1»</source>
            <translation>ویرایش شرکت «%1»</translation>
        </message>
    </context>
    <context>
        <name>ContactActions</name>
        <message>
            <source>خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (%1).</source>
            <translation>خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (%1).</translation>
        </message>
        <message>
            <source>تخصیص به مسئول</source>
            <translation>تخصیص به مسئول</translation>
        </message>
        <message>
            <source>افزودن برچسب</source>
            <translation>افزودن برچسب</translation>
        </message>
        <message>
            <source>حذف برچسب</source>
            <translation>حذف برچسب</translation>
        </message>
        <message>
            <source>تغییر وضعیت</source>
            <translation>تغییر وضعیت</translation>
        </message>
        <message>
            <source>بدون مسئول</source>
            <translation>بدون مسئول</translation>
        </message>
        <message>
            <source>انتقال به سطل زباله</source>
            <translation>انتقال به سطل زباله</translation>
        </message>
        <message>
            <source>ارسال پیام از قالب…</source>
            <translation>ارسال پیام از قالب…</translation>
        </message>
        <message>
            <source>برچسب جدید…</source>
            <translation>برچسب جدید…</translation>
        </message>
        <message>
            <source>تغییر مسئول %1 مخاطب</source>
            <translation>تغییر مسئول %1 مخاطب</translation>
        </message>
        <message>
            <source>%1 مخاطب بدون مسئول شد.</source>
            <translation>%1 مخاطب بدون مسئول شد.</translation>
        </message>
        <message>
            <source>مسئول %1 مخاطب «%2» شد.</source>
            <translation>مسئول %1 مخاطب «%2» شد.</translation>
        </message>
        <message>
            <source>تغییر وضعیت %1 مخاطب</source>
            <translation>تغییر وضعیت %1 مخاطب</translation>
        </message>
        <message>
            <source>وضعیت %1 مخاطب «%2» شد.</source>
            <translation>وضعیت %1 مخاطب «%2» شد.</translation>
        </message>
        <message>
            <source>افزودن برچسب «%1» به %2 مخاطب</source>
            <translation>افزودن برچسب «%1» به %2 مخاطب</translation>
        </message>
        <message>
            <source>برچسب «%1» به %2 مخاطب افزوده شد.</source>
            <translation>برچسب «%1» به %2 مخاطب افزوده شد.</translation>
        </message>
        <message>
            <source>حذف برچسب «%1» از %2 مخاطب</source>
            <translation>حذف برچسب «%1» از %2 مخاطب</translation>
        </message>
        <message>
            <source>برچسب «%1» از %2 مخاطب برداشته شد.</source>
            <translation>برچسب «%1» از %2 مخاطب برداشته شد.</translation>
        </message>
        <message>
            <source>انتقال %1 مخاطب به سطل زباله</source>
            <translation>انتقال %1 مخاطب به سطل زباله</translation>
        </message>
        <message>
            <source>%1 مخاطب به سطل زباله رفت.</source>
            <translation>%1 مخاطب به سطل زباله رفت.</translation>
        </message>
        <message>
            <source>برچسب جدید</source>
            <translation>برچسب جدید</translation>
        </message>
        <message>
            <source>نام برچسب:</source>
            <translation>نام برچسب:</translation>
        </message>
        <message>
            <source>افزودن</source>
            <translation>افزودن</translation>
        </message>
        <message>
            <source>انصراف</source>
            <translation>انصراف</translation>
        </message>
        <message>
            <source>مخاطبان</source>
            <translation>مخاطبان</translation>
        </message>
    </context>
    <context>
        <name>ContactEditor</name>
        <message>
            <source>فعالیت‌ها</source>
            <translation>فعالیت‌ها</translation>
        </message>
        <message>
            <source>درخواست‌ها</source>
            <translation>درخواست‌ها</translation>
        </message>
        <message>
            <source>تاریخچه</source>
            <translation>تاریخچه</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>گام بعدی ندارد: کاری برایش برنامه‌ریزی نشده است (Ctrl+L).</source>
            <translation>گام بعدی ندارد: کاری برایش برنامه‌ریزی نشده است (Ctrl+L).</translation>
        </message>
        <message>
            <source>%1 روز است کاری برایش انجام نشده است.</source>
            <translation>%1 روز است کاری برایش انجام نشده است.</translation>
        </message>
        <message>
            <source>امتیاز پس از ذخیره از روی قاعده‌ها حساب می‌شود.</source>
            <translation>امتیاز پس از ذخیره از روی قاعده‌ها حساب می‌شود.</translation>
        </message>
        <message>
            <source>هنوز هیچ قاعده‌ای امتیازی نداده است.</source>
            <translation>هنوز هیچ قاعده‌ای امتیازی نداده است.</translation>
        </message>
        <message>
            <source>ساخت معامله</source>
            <translation>ساخت معامله</translation>
        </message>
        <message>
            <source>این مخاطب در سطل زباله است.</source>
            <translation>این مخاطب در سطل زباله است.</translation>
        </message>
        <message>
            <source>مخاطب جدید</source>
            <translation>مخاطب جدید</translation>
        </message>
        <message>
            <source>مخاطب: %1</source>
            <translation>مخاطب: %1</translation>
        </message>
        <message>
            <source>این شماره برای %1 ثبت شده است.</source>
            <translation>این شماره برای %1 ثبت شده است.</translation>
        </message>
        <message>
            <source>این ایمیل برای %1 ثبت شده است.</source>
            <translation>این ایمیل برای %1 ثبت شده است.</translation>
        </message>
        <message>
            <source>(و %2 مخاطب دیگر)</source>
            <translation>(و %2 مخاطب دیگر)</translation>
        </message>
        <message>
            <source>مخاطب جدید «%1»</source>
            <translation>مخاطب جدید «%1»</translation>
        </message>
        <message>
            <source>ویرایش مخاطب «%1»</source>
            <translation>ویرایش مخاطب «%1»</translation>
        </message>
        <message>
            <source>کار دیگری (مثلاً ورود داده) در حال انجام است؛ ذخیره پس از آن انجام می‌شود…</source>
            <translation>کار دیگری (مثلاً ورود داده) در حال انجام است؛ ذخیره پس از آن انجام می‌شود…</translation>
        </message>
        <message>
            <source>ذخیره نشد: %1</source>
            <translation>ذخیره نشد: %1</translation>
        </message>
    </context>
    <context>
        <name>ContactEditorView</name>
        <message>
            <source>نام یا نام خانوادگی را وارد کنید.</source>
            <translation>نام یا نام خانوادگی را وارد کنید.</translation>
        </message>
        <message>
            <source>برچسب‌ها را با ویرگول جدا کنید</source>
            <translation>برچسب‌ها را با ویرگول جدا کنید</translation>
        </message>
        <message>
            <source>سابقهٔ فعالیت‌ها</source>
            <translation>سابقهٔ فعالیت‌ها</translation>
        </message>
        <message>
            <source>تماس‌ها، جلسه‌ها و یادداشت‌ها اینجا نشان داده می‌شوند.</source>
            <translation>تماس‌ها، جلسه‌ها و یادداشت‌ها اینجا نشان داده می‌شوند.</translation>
        </message>
        <message>
            <source>ذخیره</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <source>ذخیره (Ctrl+S)</source>
            <translation>ذخیره (Ctrl+S)</translation>
        </message>
        <message>
            <source>بستن</source>
            <translation>بستن</translation>
        </message>
        <message>
            <source>ارسال پیام…</source>
            <translation>ارسال پیام…</translation>
        </message>
        <message>
            <source>ساخت معامله</source>
            <translation>ساخت معامله</translation>
        </message>
        <message>
            <source>معامله‌ای برای این مخاطب در نخستین مرحلهٔ خط فروش؛ سرنخ، مشتری بالقوه می‌شود.</source>
            <translation>معامله‌ای برای این مخاطب در نخستین مرحلهٔ خط فروش؛ سرنخ، مشتری بالقوه می‌شود.</translation>
        </message>
        <message>
            <source>نام:</source>
            <translation>نام:</translation>
        </message>
        <message>
            <source>نام خانوادگی:</source>
            <translation>نام خانوادگی:</translation>
        </message>
        <message>
            <source>شرکت:</source>
            <translation>شرکت:</translation>
        </message>
        <message>
            <source>سمت:</source>
            <translation>سمت:</translation>
        </message>
        <message>
            <source>تلفن‌ها:</source>
            <translation>تلفن‌ها:</translation>
        </message>
        <message>
            <source>ایمیل‌ها:</source>
            <translation>ایمیل‌ها:</translation>
        </message>
        <message>
            <source>نشانی:</source>
            <translation>نشانی:</translation>
        </message>
        <message>
            <source>شهر:</source>
            <translation>شهر:</translation>
        </message>
        <message>
            <source>استان:</source>
            <translation>استان:</translation>
        </message>
        <message>
            <source>تاریخ تولد:</source>
            <translation>تاریخ تولد:</translation>
        </message>
        <message>
            <source>راه ارتباطی ترجیحی:</source>
            <translation>راه ارتباطی ترجیحی:</translation>
        </message>
        <message>
            <source>وضعیت:</source>
            <translation>وضعیت:</translation>
        </message>
        <message>
            <source>امتیاز سرنخ:</source>
            <translation>امتیاز سرنخ:</translation>
        </message>
        <message>
            <source>منبع سرنخ:</source>
            <translation>منبع سرنخ:</translation>
        </message>
        <message>
            <source>کمپین:</source>
            <translation>کمپین:</translation>
        </message>
        <message>
            <source>مسئول:</source>
            <translation>مسئول:</translation>
        </message>
        <message>
            <source>برچسب‌ها:</source>
            <translation>برچسب‌ها:</translation>
        </message>
        <message>
            <source>یادداشت:</source>
            <translation>یادداشت:</translation>
        </message>
        <message>
            <source>مشخصات</source>
            <translation>مشخصات</translation>
        </message>
    </context>
    <context>
        <name>ContactFilterPanel</name>
        <message>
            <source>مسئول</source>
            <translation>مسئول</translation>
        </message>
        <message>
            <source>برچسب</source>
            <translation>برچسب</translation>
        </message>
        <message>
            <source>شهر</source>
            <translation>شهر</translation>
        </message>
        <message>
            <source>استان</source>
            <translation>استان</translation>
        </message>
        <message>
            <source>وضعیت</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <source>منبع سرنخ</source>
            <translation>منبع سرنخ</translation>
        </message>
        <message>
            <source>کمپین</source>
            <translation>کمپین</translation>
        </message>
        <message>
            <source>بدون فعالیت در</source>
            <translation>بدون فعالیت در</translation>
        </message>
        <message>
            <source> روز گذشته</source>
            <translation> روز گذشته</translation>
        </message>
        <message>
            <source>بدون گام بعدی</source>
            <translation>بدون گام بعدی</translation>
        </message>
        <message>
            <source>سرنخ‌ها و مشتریان بالقوه‌ای که هیچ کاری برایشان برنامه‌ریزی نشده است</source>
            <translation>سرنخ‌ها و مشتریان بالقوه‌ای که هیچ کاری برایشان برنامه‌ریزی نشده است</translation>
        </message>
        <message>
            <source>پاک کردن فیلترها</source>
            <translation>پاک کردن فیلترها</translation>
        </message>
        <message>
            <source>ذخیره به‌عنوان فهرست…</source>
            <translation>ذخیره به‌عنوان فهرست…</translation>
        </message>
        <message>
            <source>ذخیرهٔ فهرست</source>
            <translation>ذخیرهٔ فهرست</translation>
        </message>
        <message>
            <source>نام این فهرست:</source>
            <translation>نام این فهرست:</translation>
        </message>
        <message>
            <source>ذخیره</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <source>انصراف</source>
            <translation>انصراف</translation>
        </message>
    </context>
    <context>
        <name>ContactsController</name>
        <message>
            <source>ذخیرهٔ فهرست «%1»</source>
            <translation>ذخیرهٔ فهرست «%1»</translation>
        </message>
        <message>
            <source>مخاطبان</source>
            <translation>مخاطبان</translation>
        </message>
    </context>
    <context>
        <name>ContactsView</name>
        <message>
            <source>جستجو در نام، شرکت، تلفن، ایمیل…</source>
            <translation>جستجو در نام، شرکت، تلفن، ایمیل…</translation>
        </message>
        <message>
            <source>فیلترها</source>
            <translation>فیلترها</translation>
        </message>
        <message>
            <source>مخاطبان</source>
            <translation>مخاطبان</translation>
        </message>
        <message>
            <source>مخاطب جدید</source>
            <translation>مخاطب جدید</translation>
        </message>
        <message>
            <source>خروجی اکسل…</source>
            <translation>خروجی اکسل…</translation>
        </message>
        <message>
            <source>فهرست همان‌طور که دیده می‌شود در یک فایل اکسل</source>
            <translation>فهرست همان‌طور که دیده می‌شود در یک فایل اکسل</translation>
        </message>
        <message>
            <source>مخاطبی پیدا نشد</source>
            <translation>مخاطبی پیدا نشد</translation>
        </message>
        <message>
            <source>%1 از %2 مخاطب</source>
            <translation>%1 از %2 مخاطب</translation>
        </message>
        <message>
            <source>%1 مخاطب</source>
            <translation>%1 مخاطب</translation>
        </message>
        <message>
            <source>%1 انتخاب‌شده</source>
            <translation>%1 انتخاب‌شده</translation>
        </message>
    </context>
    <context>
        <name>DealFilterBar</name>
        <message>
            <source>جستجو در عنوان، مخاطب و شرکت</source>
            <translation>جستجو در عنوان، مخاطب و شرکت</translation>
        </message>
        <message>
            <source>معامله‌های من</source>
            <translation>معامله‌های من</translation>
        </message>
        <message>
            <source>همهٔ کارشناسان</source>
            <translation>همهٔ کارشناسان</translation>
        </message>
        <message>
            <source>همهٔ منبع‌ها</source>
            <translation>همهٔ منبع‌ها</translation>
        </message>
        <message>
            <source>همهٔ کمپین‌ها</source>
            <translation>همهٔ کمپین‌ها</translation>
        </message>
        <message>
            <source>هر زمان</source>
            <translation>هر زمان</translation>
        </message>
        <message>
            <source>بستن در این ماه</source>
            <translation>بستن در این ماه</translation>
        </message>
        <message>
            <source>بستن در این فصل</source>
            <translation>بستن در این فصل</translation>
        </message>
    </context>
    <context>
        <name>DealListView</name>
        <message>
            <source>خروجی اکسل…</source>
            <translation>خروجی اکسل…</translation>
        </message>
    </context>
    <context>
        <name>DealPage</name>
        <message>
            <source>مشخصات</source>
            <translation>مشخصات</translation>
        </message>
        <message>
            <source>اقلام</source>
            <translation>اقلام</translation>
        </message>
        <message>
            <source>مرحله</source>
            <translation>مرحله</translation>
        </message>
        <message>
            <source>از</source>
            <translation>از</translation>
        </message>
        <message>
            <source>تا</source>
            <translation>تا</translation>
        </message>
        <message>
            <source>روز</source>
            <translation>روز</translation>
        </message>
        <message>
            <source>مراحل</source>
            <translation>مراحل</translation>
        </message>
        <message>
            <source>فعالیت‌ها</source>
            <translation>فعالیت‌ها</translation>
        </message>
        <message>
            <source>تاریخچه</source>
            <translation>تاریخچه</translation>
        </message>
        <message>
            <source>ذخیره</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <source>بستن</source>
            <translation>بستن</translation>
        </message>
        <message>
            <source>از مرحله</source>
            <translation>از مرحله</translation>
        </message>
        <message>
            <source>عنوان:</source>
            <translation>عنوان:</translation>
        </message>
        <message>
            <source>مبلغ:</source>
            <translation>مبلغ:</translation>
        </message>
        <message>
            <source>احتمال:</source>
            <translation>احتمال:</translation>
        </message>
        <message>
            <source>تاریخ پیش‌بینی بستن:</source>
            <translation>تاریخ پیش‌بینی بستن:</translation>
        </message>
        <message>
            <source>مسئول:</source>
            <translation>مسئول:</translation>
        </message>
        <message>
            <source>اولویت:</source>
            <translation>اولویت:</translation>
        </message>
        <message>
            <source>منبع سرنخ:</source>
            <translation>منبع سرنخ:</translation>
        </message>
        <message>
            <source>کمپین:</source>
            <translation>کمپین:</translation>
        </message>
        <message>
            <source>مخاطب:</source>
            <translation>مخاطب:</translation>
        </message>
        <message>
            <source>شرکت:</source>
            <translation>شرکت:</translation>
        </message>
        <message>
            <source>یادداشت:</source>
            <translation>یادداشت:</translation>
        </message>
        <message>
            <source>کالا</source>
            <translation>کالا</translation>
        </message>
        <message>
            <source>تعداد</source>
            <translation>تعداد</translation>
        </message>
        <message>
            <source>قیمت واحد</source>
            <translation>قیمت واحد</translation>
        </message>
        <message>
            <source>تخفیف</source>
            <translation>تخفیف</translation>
        </message>
        <message>
            <source>جمع</source>
            <translation>جمع</translation>
        </message>
        <message>
            <source>قیمت واحد (خالی: قیمت کالا)</source>
            <translation>قیمت واحد (خالی: قیمت کالا)</translation>
        </message>
        <message>
            <source>کد تخفیف</source>
            <translation>کد تخفیف</translation>
        </message>
        <message>
            <source>افزودن</source>
            <translation>افزودن</translation>
        </message>
        <message>
            <source>حذف ردیف</source>
            <translation>حذف ردیف</translation>
        </message>
        <message>
            <source>جمع اقلام، مبلغ معامله شود</source>
            <translation>جمع اقلام، مبلغ معامله شود</translation>
        </message>
        <message>
            <source>مرحله: %1 — احتمال %2٪</source>
            <translation>مرحله: %1 — احتمال %2٪</translation>
        </message>
        <message>
            <source>برنده در %1</source>
            <translation>برنده در %1</translation>
        </message>
        <message>
            <source>از دست رفته: %1</source>
            <translation>از دست رفته: %1</translation>
        </message>
        <message>
            <source>اکنون</source>
            <translation>اکنون</translation>
        </message>
        <message>
            <source>مبلغ باید عددی درست به ریال یا تومان باشد.</source>
            <translation>مبلغ باید عددی درست به ریال یا تومان باشد.</translation>
        </message>
        <message>
            <source>ویرایش معامله</source>
            <translation>ویرایش معامله</translation>
        </message>
        <message>
            <source>افزودن کالا</source>
            <translation>افزودن کالا</translation>
        </message>
        <message>
            <source>حذف کالا</source>
            <translation>حذف کالا</translation>
        </message>
        <message>
            <source>مبلغ از اقلام</source>
            <translation>مبلغ از اقلام</translation>
        </message>
    </context>
    <context>
        <name>DryRunPage</name>
        <message>
            <source>آزمایش پیش از ورود</source>
            <translation>آزمایش پیش از ورود</translation>
        </message>
        <message>
            <source>فایل یک بار بدون ذخیره آزموده شد؛ این است آنچه ورود داده‌ها انجام خواهد داد.</source>
            <translation>فایل یک بار بدون ذخیره آزموده شد؛ این است آنچه ورود داده‌ها انجام خواهد داد.</translation>
        </message>
        <message>
            <source>ورود داده‌ها</source>
            <translation>ورود داده‌ها</translation>
        </message>
        <message>
            <source>ردیف</source>
            <translation>ردیف</translation>
        </message>
        <message>
            <source>ساخته می‌شود</source>
            <translation>ساخته می‌شود</translation>
        </message>
        <message>
            <source>تکمیل می‌شود</source>
            <translation>تکمیل می‌شود</translation>
        </message>
        <message>
            <source>تکراری</source>
            <translation>تکراری</translation>
        </message>
        <message>
            <source>وارد نمی‌شود</source>
            <translation>وارد نمی‌شود</translation>
        </message>
        <message>
            <source>خطا</source>
            <translation>خطا</translation>
        </message>
        <message>
            <source>هشدار</source>
            <translation>هشدار</translation>
        </message>
        <message>
            <source>ردیفی که با رکوردی موجود یا ردیفی بالاتر یکی است:</source>
            <translation>ردیفی که با رکوردی موجود یا ردیفی بالاتر یکی است:</translation>
        </message>
        <message>
            <source>در حال آزمایش، بی آنکه چیزی ذخیره شود…</source>
            <translation>در حال آزمایش، بی آنکه چیزی ذخیره شود…</translation>
        </message>
        <message>
            <source>ورود این فایل چیزی را تغییر نمی‌دهد.</source>
            <translation>ورود این فایل چیزی را تغییر نمی‌دهد.</translation>
        </message>
        <message>
            <source>هنوز چیزی ذخیره نشده است. خطاها و هشدارها را در جدول پایین ببینید.</source>
            <translation>هنوز چیزی ذخیره نشده است. خطاها و هشدارها را در جدول پایین ببینید.</translation>
        </message>
        <message>
            <source>هنوز چیزی ذخیره نشده است. مشکلی پیدا نشد.</source>
            <translation>هنوز چیزی ذخیره نشده است. مشکلی پیدا نشد.</translation>
        </message>
    </context>
    <context>
        <name>DuplicateBar</name>
        <message>
            <source>باز کردن آن مخاطب</source>
            <translation>باز کردن آن مخاطب</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesModel</name>
        <message>
            <source>نام و نام خانوادگی</source>
            <translation>نام و نام خانوادگی</translation>
        </message>
        <message>
            <source>شرکت</source>
            <translation>شرکت</translation>
        </message>
        <message>
            <source>تلفن‌ها</source>
            <translation>تلفن‌ها</translation>
        </message>
        <message>
            <source>ایمیل‌ها</source>
            <translation>ایمیل‌ها</translation>
        </message>
        <message>
            <source>تاریخ ایجاد</source>
            <translation>تاریخ ایجاد</translation>
        </message>
        <message>
            <source>تلفن یکسان</source>
            <translation>تلفن یکسان</translation>
        </message>
        <message>
            <source>ایمیل یکسان</source>
            <translation>ایمیل یکسان</translation>
        </message>
        <message>
            <source>نام مشابه در یک شرکت</source>
            <translation>نام مشابه در یک شرکت</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesPage</name>
        <message>
            <source>در حال جستجو…</source>
            <translation>در حال جستجو…</translation>
        </message>
        <message>
            <source>جستجوی تکراری‌ها انجام نشد: %1</source>
            <translation>جستجوی تکراری‌ها انجام نشد: %1</translation>
        </message>
        <message>
            <source>%1 گروه احتمالاً تکراری</source>
            <translation>%1 گروه احتمالاً تکراری</translation>
        </message>
        <message>
            <source>مخاطب تکراری پیدا نشد</source>
            <translation>مخاطب تکراری پیدا نشد</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesView</name>
        <message>
            <source>مخاطبان تکراری</source>
            <translation>مخاطبان تکراری</translation>
        </message>
        <message>
            <source>جستجوی دوباره</source>
            <translation>جستجوی دوباره</translation>
        </message>
        <message>
            <source>ادغام…</source>
            <translation>ادغام…</translation>
        </message>
        <message>
            <source>این‌ها تکراری نیستند</source>
            <translation>این‌ها تکراری نیستند</translation>
        </message>
        <message>
            <source>قدیمی‌ترین مخاطب هر گروه (اولین ردیف) برای ماندن پیشنهاد می‌شود.</source>
            <translation>قدیمی‌ترین مخاطب هر گروه (اولین ردیف) برای ماندن پیشنهاد می‌شود.</translation>
        </message>
    </context>
    <context>
        <name>EditWindow</name>
        <message>
            <source>تغییرات ذخیره نشده</source>
            <translation>تغییرات ذخیره نشده</translation>
        </message>
        <message>
            <source>ذخیره شود؟</source>
            <translation>ذخیره شود؟</translation>
        </message>
        <message>
            <source>تغییرات این پنجره هنوز ذخیره نشده‌اند.</source>
            <translation>تغییرات این پنجره هنوز ذخیره نشده‌اند.</translation>
        </message>
        <message>
            <source>ذخیره</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <source>بستن بدون ذخیره</source>
            <translation>بستن بدون ذخیره</translation>
        </message>
        <message>
            <source>انصراف</source>
            <translation>انصراف</translation>
        </message>
    </context>
    <context>
        <name>Edits</name>
        <message>
            <source>تغییر انجام نشد</source>
            <translation>تغییر انجام نشد</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <source>انتخاب فایل</source>
            <translation>انتخاب فایل</translation>
        </message>
        <message>
            <source>فایل اکسل، OpenDocument یا CSV را انتخاب کنید، یا آن را روی همین صفحه بکشید و رها کنید.</source>
            <translation>فایل اکسل، OpenDocument یا CSV را انتخاب کنید، یا آن را روی همین صفحه بکشید و رها کنید.</translation>
        </message>
        <message>
            <source>نشانی فایل</source>
            <translation>نشانی فایل</translation>
        </message>
        <message>
            <source>انتخاب فایل…</source>
            <translation>انتخاب فایل…</translation>
        </message>
        <message>
            <source>فایل را اینجا رها کنید
%1</source>
            <translation>فایل را اینجا رها کنید
%1</translation>
        </message>
        <message>
            <source>انتخاب فایل برای ورود داده</source>
            <translation>انتخاب فایل برای ورود داده</translation>
        </message>
        <message>
            <source>صفحه‌گسترده‌ها (%1)</source>
            <translation>صفحه‌گسترده‌ها (%1)</translation>
        </message>
        <message>
            <source>در حال خواندن %1…</source>
            <translation>در حال خواندن %1…</translation>
        </message>
        <message>
            <source>«%1»: %2 برگه.</source>
            <translation>«%1»: %2 برگه.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>به برنامه خوش آمدید</source>
            <translation>به برنامه خوش آمدید</translation>
        </message>
        <message>
            <source>پیش از شروع، بگویید چه کسی با این رایانه کار می‌کند.</source>
            <translation>پیش از شروع، بگویید چه کسی با این رایانه کار می‌کند.</translation>
        </message>
        <message>
            <source>شخص جدید…</source>
            <translation>شخص جدید…</translation>
        </message>
        <message>
            <source>نام و نام خانوادگی</source>
            <translation>نام و نام خانوادگی</translation>
        </message>
        <message>
            <source>مدیر فروش است</source>
            <translation>مدیر فروش است</translation>
        </message>
        <message>
            <source>مثلاً دفتر فروش تهران</source>
            <translation>مثلاً دفتر فروش تهران</translation>
        </message>
        <message>
            <source>شروع کار</source>
            <translation>شروع کار</translation>
        </message>
        <message>
            <source>خروج</source>
            <translation>خروج</translation>
        </message>
        <message>
            <source>کاربر این رایانه:</source>
            <translation>کاربر این رایانه:</translation>
        </message>
        <message>
            <source>نام شخص جدید:</source>
            <translation>نام شخص جدید:</translation>
        </message>
        <message>
            <source>نام دفتر:</source>
            <translation>نام دفتر:</translation>
        </message>
    </context>
    <context>
        <name>ForecastView</name>
        <message>
            <source>ماه</source>
            <translation>ماه</translation>
        </message>
        <message>
            <source>معامله‌ها</source>
            <translation>معامله‌ها</translation>
        </message>
        <message>
            <source>مبلغ</source>
            <translation>مبلغ</translation>
        </message>
        <message>
            <source>وزنی</source>
            <translation>وزنی</translation>
        </message>
    </context>
    <context>
        <name>GlobalSearchDialog</name>
        <message>
            <source>جستجوی همه‌جا</source>
            <translation>جستجوی همه‌جا</translation>
        </message>
        <message>
            <source>نام، شرکت، تلفن، ایمیل یا عنوان معامله…</source>
            <translation>نام، شرکت، تلفن، ایمیل یا عنوان معامله…</translation>
        </message>
        <message>
            <source>جستجو انجام نشد: %1</source>
            <translation>جستجو انجام نشد: %1</translation>
        </message>
        <message>
            <source>مخاطبان</source>
            <translation>مخاطبان</translation>
        </message>
        <message>
            <source>شرکت‌ها</source>
            <translation>شرکت‌ها</translation>
        </message>
        <message>
            <source>معامله‌ها</source>
            <translation>معامله‌ها</translation>
        </message>
        <message>
            <source>چیزی پیدا نشد.</source>
            <translation>چیزی پیدا نشد.</translation>
        </message>
        <message>
            <source>%1 نفر</source>
            <translation>%1 نفر</translation>
        </message>
        <message>
            <source>%1 ریال</source>
            <translation>%1 ریال</translation>
        </message>
    </context>
    <context>
        <name>HistoryView</name>
        <message>
            <source>زمان</source>
            <translation>زمان</translation>
        </message>
        <message>
            <source>کاربر</source>
            <translation>کاربر</translation>
        </message>
        <message>
            <source>کار</source>
            <translation>کار</translation>
        </message>
        <message>
            <source>شرح</source>
            <translation>شرح</translation>
        </message>
        <message>
            <source>پیش از آن</source>
            <translation>پیش از آن</translation>
        </message>
        <message>
            <source>پس از آن</source>
            <translation>پس از آن</translation>
        </message>
        <message>
            <source>همه</source>
            <translation>همه</translation>
        </message>
        <message>
            <source>فعالیت‌ها</source>
            <translation>فعالیت‌ها</translation>
        </message>
        <message>
            <source>جابه‌جایی‌ها</source>
            <translation>جابه‌جایی‌ها</translation>
        </message>
        <message>
            <source>خریدها</source>
            <translation>خریدها</translation>
        </message>
        <message>
            <source>تغییرها</source>
            <translation>تغییرها</translation>
        </message>
        <message>
            <source>تغییرهای این رکورد پس از ذخیره اینجا نشان داده می‌شوند.</source>
            <translation>تغییرهای این رکورد پس از ذخیره اینجا نشان داده می‌شوند.</translation>
        </message>
        <message>
            <source>تاریخچه خوانده نشد: {0}</source>
            <translation>تاریخچه خوانده نشد: {0}</translation>
        </message>
        <message>
            <source>هنوز چیزی ثبت نشده است.</source>
            <translation>هنوز چیزی ثبت نشده است.</translation>
        </message>
        <message>
            <source>برای انجام</source>
            <translation>برای انجام</translation>
        </message>
        <message>
            <source>خرید</source>
            <translation>خرید</translation>
        </message>
        <message>
            <source>{0} تغییر</source>
            <translation>{0} تغییر</translation>
        </message>
        <message>
            <source>ناشناس</source>
            <translation>ناشناس</translation>
        </message>
    </context>
    <context>
        <name>ImportHistory</name>
        <message>
            <source>زمان</source>
            <translation>زمان</translation>
        </message>
        <message>
            <source>فایل</source>
            <translation>فایل</translation>
        </message>
        <message>
            <source>برگه</source>
            <translation>برگه</translation>
        </message>
        <message>
            <source>نوع</source>
            <translation>نوع</translation>
        </message>
        <message>
            <source>ردیف</source>
            <translation>ردیف</translation>
        </message>
        <message>
            <source>جدید</source>
            <translation>جدید</translation>
        </message>
        <message>
            <source>تکمیل‌شده</source>
            <translation>تکمیل‌شده</translation>
        </message>
        <message>
            <source>تکراری</source>
            <translation>تکراری</translation>
        </message>
        <message>
            <source>واردنشده</source>
            <translation>واردنشده</translation>
        </message>
        <message>
            <source>وضعیت</source>
            <translation>وضعیت</translation>
        </message>
    </context>
    <context>
        <name>ImportHistoryDialog</name>
        <message>
            <source>سابقهٔ ورود اطلاعات</source>
            <translation>سابقهٔ ورود اطلاعات</translation>
        </message>
        <message>
            <source>هر ورود داده را می‌توانید حتی روزها بعد برگردانید؛ رکوردهایی که از آن پس تغییر کرده‌اند دست نمی‌خورند و نامشان گفته می‌شود.</source>
            <translation>هر ورود داده را می‌توانید حتی روزها بعد برگردانید؛ رکوردهایی که از آن پس تغییر کرده‌اند دست نمی‌خورند و نامشان گفته می‌شود.</translation>
        </message>
        <message>
            <source>هنوز داده‌ای از فایل وارد نشده است.</source>
            <translation>هنوز داده‌ای از فایل وارد نشده است.</translation>
        </message>
        <message>
            <source>بستن</source>
            <translation>بستن</translation>
        </message>
        <message>
            <source>واگرد این ورود</source>
            <translation>واگرد این ورود</translation>
        </message>
        <message>
            <source>انجام دوبارهٔ این ورود</source>
            <translation>انجام دوبارهٔ این ورود</translation>
        </message>
        <message>
            <source>در حال برگرداندن %1…</source>
            <translation>در حال برگرداندن %1…</translation>
        </message>
        <message>
            <source>در حال انجام دوبارهٔ %1…</source>
            <translation>در حال انجام دوبارهٔ %1…</translation>
        </message>
    </context>
    <context>
        <name>ImportHistoryModel</name>
        <message>
            <source>بدون تغییر</source>
            <translation>بدون تغییر</translation>
        </message>
        <message>
            <source>برگردانده شد</source>
            <translation>برگردانده شد</translation>
        </message>
        <message>
            <source>انجام شده</source>
            <translation>انجام شده</translation>
        </message>
    </context>
    <context>
        <name>ImportLabels</name>
        <message>
            <source>نام</source>
            <translation>نام</translation>
        </message>
        <message>
            <source>نام خانوادگی</source>
            <translation>نام خانوادگی</translation>
        </message>
        <message>
            <source>نام و نام خانوادگی</source>
            <translation>نام و نام خانوادگی</translation>
        </message>
        <message>
            <source>شرکت</source>
            <translation>شرکت</translation>
        </message>
        <message>
            <source>سمت</source>
            <translation>سمت</translation>
        </message>
        <message>
            <source>موبایل</source>
            <translation>موبایل</translation>
        </message>
        <message>
            <source>تلفن</source>
            <translation>تلفن</translation>
        </message>
        <message>
            <source>ایمیل</source>
            <translation>ایمیل</translation>
        </message>
        <message>
            <source>نشانی</source>
            <translation>نشانی</translation>
        </message>
        <message>
            <source>شهر</source>
            <translation>شهر</translation>
        </message>
        <message>
            <source>استان</source>
            <translation>استان</translation>
        </message>
        <message>
            <source>تاریخ تولد</source>
            <translation>تاریخ تولد</translation>
        </message>
        <message>
            <source>منبع سرنخ</source>
            <translation>منبع سرنخ</translation>
        </message>
        <message>
            <source>برچسب‌ها</source>
            <translation>برچسب‌ها</translation>
        </message>
        <message>
            <source>یادداشت‌ها</source>
            <translation>یادداشت‌ها</translation>
        </message>
        <message>
            <source>مسئول</source>
            <translation>مسئول</translation>
        </message>
        <message>
            <source>کمپین</source>
            <translation>کمپین</translation>
        </message>
        <message>
            <source>وضعیت</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <source>شرکت است (بله/خیر)</source>
            <translation>شرکت است (بله/خیر)</translation>
        </message>
        <message>
            <source>کشور</source>
            <translation>کشور</translation>
        </message>
        <message>
            <source>نام شرکت</source>
            <translation>نام شرکت</translation>
        </message>
        <message>
            <source>صنعت</source>
            <translation>صنعت</translation>
        </message>
        <message>
            <source>وب‌سایت</source>
            <translation>وب‌سایت</translation>
        </message>
        <message>
            <source>عنوان معامله</source>
            <translation>عنوان معامله</translation>
        </message>
        <message>
            <source>مشتری (شخص)</source>
            <translation>مشتری (شخص)</translation>
        </message>
        <message>
            <source>مرحله</source>
            <translation>مرحله</translation>
        </message>
        <message>
            <source>مبلغ (ریال)</source>
            <translation>مبلغ (ریال)</translation>
        </message>
        <message>
            <source>مبلغ (تومان)</source>
            <translation>مبلغ (تومان)</translation>
        </message>
        <message>
            <source>تاریخ پیش‌بینی بستن</source>
            <translation>تاریخ پیش‌بینی بستن</translation>
        </message>
        <message>
            <source>موبایل مشتری</source>
            <translation>موبایل مشتری</translation>
        </message>
        <message>
            <source>ایمیل مشتری</source>
            <translation>ایمیل مشتری</translation>
        </message>
        <message>
            <source>— وارد نشود —</source>
            <translation>— وارد نشود —</translation>
        </message>
        <message>
            <source>نگه‌داری در یادداشت‌ها</source>
            <translation>نگه‌داری در یادداشت‌ها</translation>
        </message>
        <message>
            <source>مخاطبان</source>
            <translation>مخاطبان</translation>
        </message>
        <message>
            <source>شرکت‌ها</source>
            <translation>شرکت‌ها</translation>
        </message>
        <message>
            <source>معامله‌ها</source>
            <translation>معامله‌ها</translation>
        </message>
        <message>
            <source>تکمیل رکورد موجود (پیشنهادی)</source>
            <translation>تکمیل رکورد موجود (پیشنهادی)</translation>
        </message>
        <message>
            <source>فیلدهای خالیِ رکوردِ موجود از فایل پر می‌شوند؛ مقداری که از قبل هست و با فایل فرق دارد عوض نمی‌شود و هشدار می‌گیرد.</source>
            <translation>فیلدهای خالیِ رکوردِ موجود از فایل پر می‌شوند؛ مقداری که از قبل هست و با فایل فرق دارد عوض نمی‌شود و هشدار می‌گیرد.</translation>
        </message>
        <message>
            <source>نادیده گرفتن ردیف تکراری</source>
            <translation>نادیده گرفتن ردیف تکراری</translation>
        </message>
        <message>
            <source>ردیفی که با رکوردی موجود یکی است کنار گذاشته می‌شود و چیزی عوض نمی‌شود.</source>
            <translation>ردیفی که با رکوردی موجود یکی است کنار گذاشته می‌شود و چیزی عوض نمی‌شود.</translation>
        </message>
        <message>
            <source>ساختن رکورد جدید</source>
            <translation>ساختن رکورد جدید</translation>
        </message>
        <message>
            <source>هر ردیف رکورد جدیدی می‌سازد، حتی اگر تکراری باشد (بعداً باید ادغامشان کنید).</source>
            <translation>هر ردیف رکورد جدیدی می‌سازد، حتی اگر تکراری باشد (بعداً باید ادغامشان کنید).</translation>
        </message>
        <message>
            <source>خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (%1).</source>
            <translation>خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (%1).</translation>
        </message>
    </context>
    <context>
        <name>ImportPage</name>
        <message>
            <source>ورود داده‌ها</source>
            <translation>ورود داده‌ها</translation>
        </message>
        <message>
            <source>تا پایان کار چیزی ذخیره نمی‌شود؛ اگر ورود را لغو کنید، داده‌ها همان می‌مانند که بودند.</source>
            <translation>تا پایان کار چیزی ذخیره نمی‌شود؛ اگر ورود را لغو کنید، داده‌ها همان می‌مانند که بودند.</translation>
        </message>
        <message>
            <source>در حال ورود داده از %1…</source>
            <translation>در حال ورود داده از %1…</translation>
        </message>
        <message>
            <source>در حال لغو…</source>
            <translation>در حال لغو…</translation>
        </message>
        <message>
            <source>هیچ داده‌ای ذخیره نشد.</source>
            <translation>هیچ داده‌ای ذخیره نشد.</translation>
        </message>
    </context>
    <context>
        <name>ImportSteps</name>
        <message>
            <source>ورود داده از %1</source>
            <translation>ورود داده از %1</translation>
        </message>
        <message>
            <source>واگرد ورود داده از %1</source>
            <translation>واگرد ورود داده از %1</translation>
        </message>
        <message>
            <source>انجام دوبارهٔ ورود داده از %1</source>
            <translation>انجام دوبارهٔ ورود داده از %1</translation>
        </message>
    </context>
    <context>
        <name>ImportTables</name>
        <message>
            <source>ردیف</source>
            <translation>ردیف</translation>
        </message>
        <message>
            <source>ستون</source>
            <translation>ستون</translation>
        </message>
        <message>
            <source>نوع</source>
            <translation>نوع</translation>
        </message>
        <message>
            <source>شرح</source>
            <translation>شرح</translation>
        </message>
        <message>
            <source>ایراد</source>
            <translation>ایراد</translation>
        </message>
        <message>
            <source>وارد نمی‌شود: %1</source>
            <translation>وارد نمی‌شود: %1</translation>
        </message>
    </context>
    <context>
        <name>ImportUndo</name>
        <message>
            <source>و %1 مورد دیگر</source>
            <translation>و %1 مورد دیگر</translation>
        </message>
        <message>
            <source>، </source>
            <translation>، </translation>
        </message>
        <message>
            <source>%1 مخاطب</source>
            <translation>%1 مخاطب</translation>
        </message>
        <message>
            <source>%1 شرکت</source>
            <translation>%1 شرکت</translation>
        </message>
        <message>
            <source>%1 معامله</source>
            <translation>%1 معامله</translation>
        </message>
        <message>
            <source>واگرد ورود داده</source>
            <translation>واگرد ورود داده</translation>
        </message>
        <message>
            <source>ورود داده از %1 برگردانده شود؟</source>
            <translation>ورود داده از %1 برگردانده شود؟</translation>
        </message>
        <message>
            <source>برداشته می‌شود (این ورود ساخته بود): %1</source>
            <translation>برداشته می‌شود (این ورود ساخته بود): %1</translation>
        </message>
        <message>
            <source>به حالت پیش از ورود برمی‌گردد: %1</source>
            <translation>به حالت پیش از ورود برمی‌گردد: %1</translation>
        </message>
        <message>
            <source>چیزی که پس از ورود تغییر کرده است دست نمی‌خورد.</source>
            <translation>چیزی که پس از ورود تغییر کرده است دست نمی‌خورد.</translation>
        </message>
        <message>
            <source>برگرداندن</source>
            <translation>برگرداندن</translation>
        </message>
        <message>
            <source>انصراف</source>
            <translation>انصراف</translation>
        </message>
        <message>
            <source>ورود داده از %1 برگردانده شد.</source>
            <translation>ورود داده از %1 برگردانده شد.</translation>
        </message>
        <message>
            <source>ورود داده از %1 دوباره انجام شد.</source>
            <translation>ورود داده از %1 دوباره انجام شد.</translation>
        </message>
        <message>
            <source>ورود داده برگردانده شد.</source>
            <translation>ورود داده برگردانده شد.</translation>
        </message>
        <message>
            <source>ورود داده دوباره انجام شد.</source>
            <translation>ورود داده دوباره انجام شد.</translation>
        </message>
        <message>
            <source>برداشته شد: %1</source>
            <translation>برداشته شد: %1</translation>
        </message>
        <message>
            <source>دوباره آمد: %1</source>
            <translation>دوباره آمد: %1</translation>
        </message>
        <message>
            <source>به حالت پیش از ورود برگشت: %1</source>
            <translation>به حالت پیش از ورود برگشت: %1</translation>
        </message>
        <message>
            <source>دوباره تکمیل شد: %1</source>
            <translation>دوباره تکمیل شد: %1</translation>
        </message>
        <message>
            <source>چیزی برای تغییر نمانده بود.</source>
            <translation>چیزی برای تغییر نمانده بود.</translation>
        </message>
        <message>
            <source>این‌ها پس از ورود تغییر کرده بودند و دست نخوردند: %1</source>
            <translation>این‌ها پس از ورود تغییر کرده بودند و دست نخوردند: %1</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>برگهٔ «%1»: %2 ردیف و %3 ستون؛ سرستون‌ها در ردیف %4.</source>
            <translation>برگهٔ «%1»: %2 ردیف و %3 ستون؛ سرستون‌ها در ردیف %4.</translation>
        </message>
        <message>
            <source>ورود اطلاعات از اکسل</source>
            <translation>ورود اطلاعات از اکسل</translation>
        </message>
        <message>
            <source>قبلی</source>
            <translation>قبلی</translation>
        </message>
        <message>
            <source>بعدی</source>
            <translation>بعدی</translation>
        </message>
        <message>
            <source>بستن</source>
            <translation>بستن</translation>
        </message>
        <message>
            <source>انصراف</source>
            <translation>انصراف</translation>
        </message>
        <message>
            <source>لغو ورود</source>
            <translation>لغو ورود</translation>
        </message>
    </context>
    <context>
        <name>JalaliDateEdit</name>
        <message>
            <source>پاک کردن تاریخ</source>
            <translation>پاک کردن تاریخ</translation>
        </message>
    </context>
    <context>
        <name>ListExport</name>
        <message>
            <source>ذخیره به صورت فایل اکسل</source>
            <translation>ذخیره به صورت فایل اکسل</translation>
        </message>
        <message>
            <source>کارپوشهٔ اکسل (*.xlsx)</source>
            <translation>کارپوشهٔ اکسل (*.xlsx)</translation>
        </message>
        <message>
            <source>در حال نوشتن %1…</source>
            <translation>در حال نوشتن %1…</translation>
        </message>
        <message>
            <source>خروجی اکسل</source>
            <translation>خروجی اکسل</translation>
        </message>
        <message>
            <source>خروجی اکسل لغو شد؛ فایلی نوشته نشد.</source>
            <translation>خروجی اکسل لغو شد؛ فایلی نوشته نشد.</translation>
        </message>
        <message>
            <source>%1 ردیف در «%2» نوشته شد.</source>
            <translation>%1 ردیف در «%2» نوشته شد.</translation>
        </message>
        <message>
            <source>خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (%1).</source>
            <translation>خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (%1).</translation>
        </message>
        <message>
            <source>%1 مقدار از گنجایش یک خانهٔ اکسل بلندتر بود و در چند ستون پشت سر هم نوشته شد؛ چیزی از آن‌ها کنار گذاشته نشد. جزئیات:</source>
            <translation>%1 مقدار از گنجایش یک خانهٔ اکسل بلندتر بود و در چند ستون پشت سر هم نوشته شد؛ چیزی از آن‌ها کنار گذاشته نشد. جزئیات:</translation>
        </message>
        <message>
            <source>باز کردن فایل</source>
            <translation>باز کردن فایل</translation>
        </message>
        <message>
            <source>باز کردن پوشه</source>
            <translation>باز کردن پوشه</translation>
        </message>
    </context>
    <context>
        <name>LongWork</name>
        <message>
            <source>لغو</source>
            <translation>لغو</translation>
        </message>
        <message>
            <source>در حال لغو…</source>
            <translation>در حال لغو…</translation>
        </message>
    </context>
    <context>
        <name>LostReasonsEditor</name>
        <message>
            <source>افزودن دلیل</source>
            <translation>افزودن دلیل</translation>
        </message>
        <message>
            <source>حذف دلیل</source>
            <translation>حذف دلیل</translation>
        </message>
        <message>
            <source>نام دلیل</source>
            <translation>نام دلیل</translation>
        </message>
        <message>
            <source>دلیل جدید</source>
            <translation>دلیل جدید</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;پرونده</source>
            <translation>&amp;پرونده</translation>
        </message>
        <message>
            <source>خروج</source>
            <translation>خروج</translation>
        </message>
        <message>
            <source>ورود اطلاعات از اکسل…</source>
            <translation>ورود اطلاعات از اکسل…</translation>
        </message>
        <message>
            <source>سابقهٔ ورود اطلاعات…</source>
            <translation>سابقهٔ ورود اطلاعات…</translation>
        </message>
        <message>
            <source>خروجی اکسل</source>
            <translation>خروجی اکسل</translation>
        </message>
        <message>
            <source>مخاطبان (با فیلتر فعلی)…</source>
            <translation>مخاطبان (با فیلتر فعلی)…</translation>
        </message>
        <message>
            <source>شرکت‌ها…</source>
            <translation>شرکت‌ها…</translation>
        </message>
        <message>
            <source>معامله‌ها…</source>
            <translation>معامله‌ها…</translation>
        </message>
        <message>
            <source>فعالیت‌ها…</source>
            <translation>فعالیت‌ها…</translation>
        </message>
        <message>
            <source>&amp;ویرایش</source>
            <translation>&amp;ویرایش</translation>
        </message>
        <message>
            <source>مخاطب جدید</source>
            <translation>مخاطب جدید</translation>
        </message>
        <message>
            <source>واگرد</source>
            <translation>واگرد</translation>
        </message>
        <message>
            <source>انجام دوباره</source>
            <translation>انجام دوباره</translation>
        </message>
        <message>
            <source>جستجو</source>
            <translation>جستجو</translation>
        </message>
        <message>
            <source>جستجوی همه‌جا…</source>
            <translation>جستجوی همه‌جا…</translation>
        </message>
        <message>
            <source>&amp;برو به</source>
            <translation>&amp;برو به</translation>
        </message>
        <message>
            <source>&amp;راهنما</source>
            <translation>&amp;راهنما</translation>
        </message>
        <message>
            <source>دربارهٔ برنامه</source>
            <translation>دربارهٔ برنامه</translation>
        </message>
        <message>
            <source>بدون همگام‌سازی</source>
            <translation>بدون همگام‌سازی</translation>
        </message>
        <message>
            <source>در حال انجام کار…</source>
            <translation>در حال انجام کار…</translation>
        </message>
        <message>
            <source>مدیریت ارتباط با مشتری، نسخهٔ %1</source>
            <translation>مدیریت ارتباط با مشتری، نسخهٔ %1</translation>
        </message>
        <message>
            <source>برای دفترهای فروش کوچک، با یا بدون اینترنت.</source>
            <translation>برای دفترهای فروش کوچک، با یا بدون اینترنت.</translation>
        </message>
        <message>
            <source>کاربر: انتخاب نشده</source>
            <translation>کاربر: انتخاب نشده</translation>
        </message>
        <message>
            <source>کاربر: %1</source>
            <translation>کاربر: %1</translation>
        </message>
        <message>
            <source>پایگاه داده: %1</source>
            <translation>پایگاه داده: %1</translation>
        </message>
        <message>
            <source>%1 مخاطب</source>
            <translation>%1 مخاطب</translation>
        </message>
        <message>
            <source>مدیریت ارتباط با مشتری — %1</source>
            <translation>مدیریت ارتباط با مشتری — %1</translation>
        </message>
        <message>
            <source>داشبورد</source>
            <translation>داشبورد</translation>
        </message>
        <message>
            <source>مخاطبان</source>
            <translation>مخاطبان</translation>
        </message>
        <message>
            <source>شرکت‌ها</source>
            <translation>شرکت‌ها</translation>
        </message>
        <message>
            <source>قیف فروش</source>
            <translation>قیف فروش</translation>
        </message>
        <message>
            <source>فعالیت‌ها</source>
            <translation>فعالیت‌ها</translation>
        </message>
        <message>
            <source>کمپین‌ها</source>
            <translation>کمپین‌ها</translation>
        </message>
        <message>
            <source>درخواست‌های خدمات</source>
            <translation>درخواست‌های خدمات</translation>
        </message>
        <message>
            <source>گزارش‌ها</source>
            <translation>گزارش‌ها</translation>
        </message>
        <message>
            <source>تنظیمات</source>
            <translation>تنظیمات</translation>
        </message>
        <message>
            <source>تکراری‌ها</source>
            <translation>تکراری‌ها</translation>
        </message>
        <message>
            <source>سطل زباله</source>
            <translation>سطل زباله</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <source>ستون‌ها</source>
            <translation>ستون‌ها</translation>
        </message>
        <message>
            <source>بگویید هر ستون فایل در کدام فیلد وارد شود. پیش‌نمایش پایین صفحه ردیف‌ها را همان‌طور که ذخیره می‌شوند نشان می‌دهد.</source>
            <translation>بگویید هر ستون فایل در کدام فیلد وارد شود. پیش‌نمایش پایین صفحه ردیف‌ها را همان‌طور که ذخیره می‌شوند نشان می‌دهد.</translation>
        </message>
        <message>
            <source>ستون در فایل</source>
            <translation>ستون در فایل</translation>
        </message>
        <message>
            <source>نمونه مقدارها</source>
            <translation>نمونه مقدارها</translation>
        </message>
        <message>
            <source>وارد شود به عنوان</source>
            <translation>وارد شود به عنوان</translation>
        </message>
        <message>
            <source>این نگاشت برای فایل‌هایی با همین ستون‌ها به خاطر سپرده شود</source>
            <translation>این نگاشت برای فایل‌هایی با همین ستون‌ها به خاطر سپرده شود</translation>
        </message>
        <message>
            <source>پیش‌نمایش ردیف‌های اول:</source>
            <translation>پیش‌نمایش ردیف‌های اول:</translation>
        </message>
        <message>
            <source>این برگه شامل:</source>
            <translation>این برگه شامل:</translation>
        </message>
        <message>
            <source>ردیف عنوان ستون‌ها پیدا نشد؛ ردیف نخست هم داده است. بگویید هر ستون چیست.</source>
            <translation>ردیف عنوان ستون‌ها پیدا نشد؛ ردیف نخست هم داده است. بگویید هر ستون چیست.</translation>
        </message>
        <message>
            <source>نگاشتی که دفعهٔ پیش برای همین ستون‌ها ذخیره کردید به کار رفت.</source>
            <translation>نگاشتی که دفعهٔ پیش برای همین ستون‌ها ذخیره کردید به کار رفت.</translation>
        </message>
        <message>
            <source>ستون‌ها از روی سرستون‌ها و مقدارهایشان شناخته شدند؛ هر کدام را می‌توانید تغییر دهید.</source>
            <translation>ستون‌ها از روی سرستون‌ها و مقدارهایشان شناخته شدند؛ هر کدام را می‌توانید تغییر دهید.</translation>
        </message>
        <message>
            <source>«%1»</source>
            <translation>«%1»</translation>
        </message>
        <message>
            <source>، </source>
            <translation>، </translation>
        </message>
        <message>
            <source>این ستون‌ها مقدار دارند ولی به هیچ فیلدی نمی‌روند و وارد نمی‌شوند: %1</source>
            <translation>این ستون‌ها مقدار دارند ولی به هیچ فیلدی نمی‌روند و وارد نمی‌شوند: %1</translation>
        </message>
        <message>
            <source>(بی‌سرستون) ستون %1</source>
            <translation>(بی‌سرستون) ستون %1</translation>
        </message>
        <message>
            <source>— انتخاب نشده —</source>
            <translation>— انتخاب نشده —</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>برای ادغام دست‌کم دو مخاطب موجود لازم است.</source>
            <translation>برای ادغام دست‌کم دو مخاطب موجود لازم است.</translation>
        </message>
        <message>
            <source>برای هر فیلد مقداری را که می‌ماند انتخاب کنید. مخاطب ماندگار شناسه و سابقه‌اش را نگه می‌دارد و بقیه در آن ادغام می‌شوند.</source>
            <translation>برای هر فیلد مقداری را که می‌ماند انتخاب کنید. مخاطب ماندگار شناسه و سابقه‌اش را نگه می‌دارد و بقیه در آن ادغام می‌شوند.</translation>
        </message>
        <message>
            <source>مخاطب ماندگار</source>
            <translation>مخاطب ماندگار</translation>
        </message>
        <message>
            <source>همه کنار هم</source>
            <translation>همه کنار هم</translation>
        </message>
        <message>
            <source>یادداشت‌های متفاوت همه نگه داشته می‌شوند</source>
            <translation>یادداشت‌های متفاوت همه نگه داشته می‌شوند</translation>
        </message>
        <message>
            <source>ندارد</source>
            <translation>ندارد</translation>
        </message>
        <message>
            <source>تلفن‌ها: %1</source>
            <translation>تلفن‌ها: %1</translation>
        </message>
        <message>
            <source>ایمیل‌ها: %1</source>
            <translation>ایمیل‌ها: %1</translation>
        </message>
        <message>
            <source>برچسب‌ها: %1</source>
            <translation>برچسب‌ها: %1</translation>
        </message>
        <message>
            <source>معامله‌ها، فعالیت‌ها، خریدها و درخواست‌های خدمات %1 مخاطب دیگر به «%2» منتقل می‌شوند و آن مخاطبان کنار گذاشته می‌شوند (با واگرد برمی‌گردند).</source>
            <translation>معامله‌ها، فعالیت‌ها، خریدها و درخواست‌های خدمات %1 مخاطب دیگر به «%2» منتقل می‌شوند و آن مخاطبان کنار گذاشته می‌شوند (با واگرد برمی‌گردند).</translation>
        </message>
        <message>
            <source>ادغام %1 مخاطب</source>
            <translation>ادغام %1 مخاطب</translation>
        </message>
        <message>
            <source>%1 مخاطب در «%2» ادغام شد.</source>
            <translation>%1 مخاطب در «%2» ادغام شد.</translation>
        </message>
        <message>
            <source>ادغام مخاطبان</source>
            <translation>ادغام مخاطبان</translation>
        </message>
    </context>
    <context>
        <name>MergeView</name>
        <message>
            <source>ادغام مخاطبان تکراری</source>
            <translation>ادغام مخاطبان تکراری</translation>
        </message>
        <message>
            <source>ادغام</source>
            <translation>ادغام</translation>
        </message>
    </context>
    <context>
        <name>NoticeBar</name>
        <message>
            <source>واگرد</source>
            <translation>واگرد</translation>
        </message>
        <message>
            <source>برگرداندن همین کار (Ctrl+Z)</source>
            <translation>برگرداندن همین کار (Ctrl+Z)</translation>
        </message>
    </context>
    <context>
        <name>PipelinePage</name>
        <message>
            <source>کانبان</source>
            <translation>کانبان</translation>
        </message>
        <message>
            <source>فهرست</source>
            <translation>فهرست</translation>
        </message>
        <message>
            <source>پیش‌بینی فروش</source>
            <translation>پیش‌بینی فروش</translation>
        </message>
        <message>
            <source>باز: %1، وزنی %2</source>
            <translation>باز: %1، وزنی %2</translation>
        </message>
        <message>
            <source>جابه‌جایی معامله</source>
            <translation>جابه‌جایی معامله</translation>
        </message>
        <message>
            <source>«%1» به «%2» رفت.</source>
            <translation>«%1» به «%2» رفت.</translation>
        </message>
        <message>
            <source>جابه‌جایی انجام نشد</source>
            <translation>جابه‌جایی انجام نشد</translation>
        </message>
    </context>
    <context>
        <name>PlaceholderPage</name>
        <message>
            <source>این بخش در نسخه‌ای آینده از برنامه اضافه می‌شود.</source>
            <translation>این بخش در نسخه‌ای آینده از برنامه اضافه می‌شود.</translation>
        </message>
    </context>
    <context>
        <name>ProblemsModel</name>
        <message>
            <source>خطا</source>
            <translation>خطا</translation>
        </message>
        <message>
            <source>هشدار</source>
            <translation>هشدار</translation>
        </message>
    </context>
    <context>
        <name>ReminderBar</name>
        <message>
            <source>انجام شد…</source>
            <translation>انجام شد…</translation>
        </message>
        <message>
            <source>۱۰ دقیقهٔ دیگر</source>
            <translation>۱۰ دقیقهٔ دیگر</translation>
        </message>
        <message>
            <source>بستن</source>
            <translation>بستن</translation>
        </message>
        <message>
            <source>یادآوری: «%1»</source>
            <translation>یادآوری: «%1»</translation>
        </message>
        <message>
            <source>(%1 یادآوری دیگر)</source>
            <translation>(%1 یادآوری دیگر)</translation>
        </message>
    </context>
    <context>
        <name>RequestsPage</name>
        <message>
            <source>درخواستی بی مخاطب؟ موضوع را بنویسید؛ برای مخاطب، از پنجرهٔ او</source>
            <translation>درخواستی بی مخاطب؟ موضوع را بنویسید؛ برای مخاطب، از پنجرهٔ او</translation>
        </message>
    </context>
    <context>
        <name>RequestsView</name>
        <message>
            <source>درخواست جدید: موضوع را بنویسید و Enter</source>
            <translation>درخواست جدید: موضوع را بنویسید و Enter</translation>
        </message>
        <message>
            <source>فقط باز</source>
            <translation>فقط باز</translation>
        </message>
        <message>
            <source>موضوع</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <source>مخاطب</source>
            <translation>مخاطب</translation>
        </message>
        <message>
            <source>اولویت</source>
            <translation>اولویت</translation>
        </message>
        <message>
            <source>وضعیت</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <source>ثبت</source>
            <translation>ثبت</translation>
        </message>
        <message>
            <source>نخستین پاسخ پس از</source>
            <translation>نخستین پاسخ پس از</translation>
        </message>
        <message>
            <source>حل پس از</source>
            <translation>حل پس از</translation>
        </message>
        <message>
            <source>پاسخ داده شد</source>
            <translation>پاسخ داده شد</translation>
        </message>
        <message>
            <source>حل شد</source>
            <translation>حل شد</translation>
        </message>
        <message>
            <source>بسته شد</source>
            <translation>بسته شد</translation>
        </message>
        <message>
            <source>باز کردن دوباره</source>
            <translation>باز کردن دوباره</translation>
        </message>
        <message>
            <source>باز</source>
            <translation>باز</translation>
        </message>
        <message>
            <source>در دست کار</source>
            <translation>در دست کار</translation>
        </message>
        <message>
            <source>حل‌شده</source>
            <translation>حل‌شده</translation>
        </message>
        <message>
            <source>بسته</source>
            <translation>بسته</translation>
        </message>
        <message>
            <source>%1 دقیقه</source>
            <translation>%1 دقیقه</translation>
        </message>
        <message>
            <source>%1 ساعت</source>
            <translation>%1 ساعت</translation>
        </message>
        <message>
            <source>%1 روز</source>
            <translation>%1 روز</translation>
        </message>
        <message>
            <source>ثبت درخواست</source>
            <translation>ثبت درخواست</translation>
        </message>
        <message>
            <source>تغییر وضعیت درخواست</source>
            <translation>تغییر وضعیت درخواست</translation>
        </message>
    </context>
    <context>
        <name>ResultPage</name>
        <message>
            <source>ورود داده انجام شد</source>
            <translation>ورود داده انجام شد</translation>
        </message>
        <message>
            <source>ردیف</source>
            <translation>ردیف</translation>
        </message>
        <message>
            <source>ساخته شد</source>
            <translation>ساخته شد</translation>
        </message>
        <message>
            <source>تکمیل شد</source>
            <translation>تکمیل شد</translation>
        </message>
        <message>
            <source>تکراری</source>
            <translation>تکراری</translation>
        </message>
        <message>
            <source>وارد نشد</source>
            <translation>وارد نشد</translation>
        </message>
        <message>
            <source>خطا</source>
            <translation>خطا</translation>
        </message>
        <message>
            <source>هشدار</source>
            <translation>هشدار</translation>
        </message>
        <message>
            <source>ذخیرهٔ ردیف‌های مشکل‌دار در فایل اکسل…</source>
            <translation>ذخیرهٔ ردیف‌های مشکل‌دار در فایل اکسل…</translation>
        </message>
        <message>
            <source>واگرد این ورود</source>
            <translation>واگرد این ورود</translation>
        </message>
        <message>
            <source>داده‌های %1 وارد شد. با «واگرد» در منوی ویرایش یا دکمهٔ زیر برمی‌گردد.</source>
            <translation>داده‌های %1 وارد شد. با «واگرد» در منوی ویرایش یا دکمهٔ زیر برمی‌گردد.</translation>
        </message>
        <message>
            <source>همهٔ ردیف‌های %1 از قبل بودند؛ چیزی تغییر نکرد.</source>
            <translation>همهٔ ردیف‌های %1 از قبل بودند؛ چیزی تغییر نکرد.</translation>
        </message>
        <message>
            <source>انجام دوبارهٔ این ورود</source>
            <translation>انجام دوبارهٔ این ورود</translation>
        </message>
        <message>
            <source>%1 - ردیف‌های مشکل‌دار.xlsx</source>
            <translation>%1 - ردیف‌های مشکل‌دار.xlsx</translation>
        </message>
        <message>
            <source>ذخیرهٔ ردیف‌های مشکل‌دار</source>
            <translation>ذخیرهٔ ردیف‌های مشکل‌دار</translation>
        </message>
        <message>
            <source>کارپوشهٔ اکسل (*.xlsx)</source>
            <translation>کارپوشهٔ اکسل (*.xlsx)</translation>
        </message>
        <message>
            <source>در حال ذخیرهٔ %1…</source>
            <translation>در حال ذخیرهٔ %1…</translation>
        </message>
        <message>
            <source>%1 ردیف مشکل‌دار در %2 ذخیره شد.</source>
            <translation>%1 ردیف مشکل‌دار در %2 ذخیره شد.</translation>
        </message>
    </context>
    <context>
        <name>SegmentActions</name>
        <message>
            <source>تغییر نام…</source>
            <translation>تغییر نام…</translation>
        </message>
        <message>
            <source>حذف فهرست</source>
            <translation>حذف فهرست</translation>
        </message>
        <message>
            <source>تغییر نام فهرست ذخیره‌شده</source>
            <translation>تغییر نام فهرست ذخیره‌شده</translation>
        </message>
        <message>
            <source>نام جدید:</source>
            <translation>نام جدید:</translation>
        </message>
        <message>
            <source>تغییر نام فهرست «%1»</source>
            <translation>تغییر نام فهرست «%1»</translation>
        </message>
        <message>
            <source>حذف فهرست «%1»</source>
            <translation>حذف فهرست «%1»</translation>
        </message>
        <message>
            <source>فهرست «%1» حذف شد.</source>
            <translation>فهرست «%1» حذف شد.</translation>
        </message>
        <message>
            <source>خطا</source>
            <translation>خطا</translation>
        </message>
    </context>
    <context>
        <name>SendMessageDialog</name>
        <message>
            <source>ارسال پیام</source>
            <translation>ارسال پیام</translation>
        </message>
        <message>
            <source>باز کردن در برنامهٔ ایمیل</source>
            <translation>باز کردن در برنامهٔ ایمیل</translation>
        </message>
        <message>
            <source>کپی متن</source>
            <translation>کپی متن</translation>
        </message>
        <message>
            <source>انصراف</source>
            <translation>انصراف</translation>
        </message>
        <message>
            <source>قالب</source>
            <translation>قالب</translation>
        </message>
        <message>
            <source>برای</source>
            <translation>برای</translation>
        </message>
        <message>
            <source>موضوع</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <source>متن</source>
            <translation>متن</translation>
        </message>
        <message>
            <source>%1 مخاطب</source>
            <translation>%1 مخاطب</translation>
        </message>
        <message>
            <source>پیش از فرستادن پر کنید: %1</source>
            <translation>پیش از فرستادن پر کنید: %1</translation>
        </message>
        <message>
            <source>پیام برای %1 مخاطب در فعالیت‌ها ثبت شد.</source>
            <translation>پیام برای %1 مخاطب در فعالیت‌ها ثبت شد.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>تنظیمات</source>
            <translation>تنظیمات</translation>
        </message>
        <message>
            <source>مثلاً دفتر فروش تهران</source>
            <translation>مثلاً دفتر فروش تهران</translation>
        </message>
        <message>
            <source>روزهای تعطیل در تقویم‌ها رنگی می‌شوند و در شمارش روزهای کاری به حساب نمی‌آیند.</source>
            <translation>روزهای تعطیل در تقویم‌ها رنگی می‌شوند و در شمارش روزهای کاری به حساب نمی‌آیند.</translation>
        </message>
        <message>
            <source>شماره تلفنی که در فایلی که وارد می‌کنید بی کد کشور آمده است، شمارهٔ این کشور خوانده می‌شود (مگر ستون کشورِ همان ردیف کشور دیگری بگوید).</source>
            <translation>شماره تلفنی که در فایلی که وارد می‌کنید بی کد کشور آمده است، شمارهٔ این کشور خوانده می‌شود (مگر ستون کشورِ همان ردیف کشور دیگری بگوید).</translation>
        </message>
        <message>
            <source>دفتر</source>
            <translation>دفتر</translation>
        </message>
        <message>
            <source>نام دفتر:</source>
            <translation>نام دفتر:</translation>
        </message>
        <message>
            <source>روزهای تعطیل:</source>
            <translation>روزهای تعطیل:</translation>
        </message>
        <message>
            <source>کشور:</source>
            <translation>کشور:</translation>
        </message>
        <message>
            <source>واحد پول:</source>
            <translation>واحد پول:</translation>
        </message>
        <message>
            <source>سرنخ‌های جدید:</source>
            <translation>سرنخ‌های جدید:</translation>
        </message>
        <message>
            <source>قالب‌های پیام</source>
            <translation>قالب‌های پیام</translation>
        </message>
        <message>
            <source>خط‌های فروش و مرحله‌ها</source>
            <translation>خط‌های فروش و مرحله‌ها</translation>
        </message>
        <message>
            <source>مسئول را خودمان انتخاب می‌کنیم</source>
            <translation>مسئول را خودمان انتخاب می‌کنیم</translation>
        </message>
        <message>
            <source>به نوبت میان کارشناسان فروش</source>
            <translation>به نوبت میان کارشناسان فروش</translation>
        </message>
        <message>
            <source>این رایانه</source>
            <translation>این رایانه</translation>
        </message>
        <message>
            <source>کاربر این رایانه:</source>
            <translation>کاربر این رایانه:</translation>
        </message>
        <message>
            <source>دلیل‌های از دست رفتن معامله:</source>
            <translation>دلیل‌های از دست رفتن معامله:</translation>
        </message>
        <message>
            <source>ریال</source>
            <translation>ریال</translation>
        </message>
        <message>
            <source>تومان</source>
            <translation>تومان</translation>
        </message>
    </context>
    <context>
        <name>SheetPage</name>
        <message>
            <source>انتخاب برگه</source>
            <translation>انتخاب برگه</translation>
        </message>
        <message>
            <source>این فایل چند برگه دارد؛ برگه‌ای را که باید وارد شود انتخاب کنید.</source>
            <translation>این فایل چند برگه دارد؛ برگه‌ای را که باید وارد شود انتخاب کنید.</translation>
        </message>
        <message>
            <source>در حال خواندن برگهٔ «%1»…</source>
            <translation>در حال خواندن برگهٔ «%1»…</translation>
        </message>
    </context>
    <context>
        <name>StageColumnView</name>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>وزنی %1 (%2)</source>
            <translation>وزنی %1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>StagesEditor</name>
        <message>
            <source>خط فروش جدید…</source>
            <translation>خط فروش جدید…</translation>
        </message>
        <message>
            <source>مرحله</source>
            <translation>مرحله</translation>
        </message>
        <message>
            <source>احتمال (درصد)</source>
            <translation>احتمال (درصد)</translation>
        </message>
        <message>
            <source>نتیجه</source>
            <translation>نتیجه</translation>
        </message>
        <message>
            <source>معامله‌ها</source>
            <translation>معامله‌ها</translation>
        </message>
        <message>
            <source>افزودن مرحله</source>
            <translation>افزودن مرحله</translation>
        </message>
        <message>
            <source>بالا</source>
            <translation>بالا</translation>
        </message>
        <message>
            <source>پایین</source>
            <translation>پایین</translation>
        </message>
        <message>
            <source>حذف مرحله</source>
            <translation>حذف مرحله</translation>
        </message>
        <message>
            <source>باز</source>
            <translation>باز</translation>
        </message>
        <message>
            <source>برنده</source>
            <translation>برنده</translation>
        </message>
        <message>
            <source>از دست رفته</source>
            <translation>از دست رفته</translation>
        </message>
        <message>
            <source>نام مرحله</source>
            <translation>نام مرحله</translation>
        </message>
        <message>
            <source>احتمال مرحله</source>
            <translation>احتمال مرحله</translation>
        </message>
        <message>
            <source>نتیجهٔ مرحله</source>
            <translation>نتیجهٔ مرحله</translation>
        </message>
        <message>
            <source>مرحلهٔ جدید</source>
            <translation>مرحلهٔ جدید</translation>
        </message>
        <message>
            <source>ترتیب مرحله‌ها</source>
            <translation>ترتیب مرحله‌ها</translation>
        </message>
        <message>
            <source>معامله‌های «%1» به کدام مرحله بروند؟</source>
            <translation>معامله‌های «%1» به کدام مرحله بروند؟</translation>
        </message>
        <message>
            <source>خط فروش جدید</source>
            <translation>خط فروش جدید</translation>
        </message>
        <message>
            <source>نام خط فروش:</source>
            <translation>نام خط فروش:</translation>
        </message>
    </context>
    <context>
        <name>StartupChecks</name>
        <message>
            <source>پایگاه داده باز نشد</source>
            <translation>پایگاه داده باز نشد</translation>
        </message>
        <message>
            <source>پایگاه داده</source>
            <translation>پایگاه داده</translation>
        </message>
    </context>
    <context>
        <name>TemplatesEditor</name>
        <message>
            <source>ایمیل</source>
            <translation>ایمیل</translation>
        </message>
        <message>
            <source>پیامک</source>
            <translation>پیامک</translation>
        </message>
        <message>
            <source>نامه</source>
            <translation>نامه</translation>
        </message>
        <message>
            <source>جای‌نگه‌دارها: {نام}، {نام_خانوادگی}، {نام_کامل}، {شرکت}، {شرکت_ما}، {کارشناس}، {تاریخ}، {تاریخ_تولد}</source>
            <translation>جای‌نگه‌دارها: {نام}، {نام_خانوادگی}، {نام_کامل}، {شرکت}، {شرکت_ما}، {کارشناس}، {تاریخ}، {تاریخ_تولد}</translation>
        </message>
        <message>
            <source>قالب جدید</source>
            <translation>قالب جدید</translation>
        </message>
        <message>
            <source>ذخیرهٔ قالب</source>
            <translation>ذخیرهٔ قالب</translation>
        </message>
        <message>
            <source>حذف قالب</source>
            <translation>حذف قالب</translation>
        </message>
        <message>
            <source>نام</source>
            <translation>نام</translation>
        </message>
        <message>
            <source>نوع</source>
            <translation>نوع</translation>
        </message>
        <message>
            <source>موضوع</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <source>متن</source>
            <translation>متن</translation>
        </message>
        <message>
            <source>ذخیرهٔ قالب پیام</source>
            <translation>ذخیرهٔ قالب پیام</translation>
        </message>
        <message>
            <source>حذف قالب پیام</source>
            <translation>حذف قالب پیام</translation>
        </message>
    </context>
    <context>
        <name>TrashModel</name>
        <message>
            <source>نام و نام خانوادگی</source>
            <translation>نام و نام خانوادگی</translation>
        </message>
        <message>
            <source>شرکت</source>
            <translation>شرکت</translation>
        </message>
        <message>
            <source>تلفن</source>
            <translation>تلفن</translation>
        </message>
        <message>
            <source>ایمیل</source>
            <translation>ایمیل</translation>
        </message>
        <message>
            <source>زمان حذف</source>
            <translation>زمان حذف</translation>
        </message>
    </context>
    <context>
        <name>TrashPage</name>
        <message>
            <source>بازگردانی %1 مخاطب</source>
            <translation>بازگردانی %1 مخاطب</translation>
        </message>
        <message>
            <source>%1 مخاطب بازگردانده شد.</source>
            <translation>%1 مخاطب بازگردانده شد.</translation>
        </message>
        <message>
            <source>سطل زباله</source>
            <translation>سطل زباله</translation>
        </message>
    </context>
    <context>
        <name>TrashView</name>
        <message>
            <source>سطل زباله</source>
            <translation>سطل زباله</translation>
        </message>
        <message>
            <source>بازگردانی</source>
            <translation>بازگردانی</translation>
        </message>
        <message>
            <source>%1 مخاطب در سطل زباله</source>
            <translation>%1 مخاطب در سطل زباله</translation>
        </message>
        <message>
            <source>سطل زباله خالی است</source>
            <translation>سطل زباله خالی است</translation>
        </message>
        <message>
            <source>%1 انتخاب‌شده</source>
            <translation>%1 انتخاب‌شده</translation>
        </message>
    </context>
    <context>
        <name>ValidatedLineEdit</name>
        <message>
            <source>کپی</source>
            <translation>کپی</translation>
        </message>
        <message>
            <source>تماس</source>
            <translation>تماس</translation>
        </message>
        <message>
            <source>ارسال ایمیل</source>
            <translation>ارسال ایمیل</translation>
        </message>
        <message>
            <source>باز کردن در مرورگر</source>
            <translation>باز کردن در مرورگر</translation>
        </message>
        <message>
            <source>کپی یا باز کردن</source>
            <translation>کپی یا باز کردن</translation>
        </message>
        <message>
            <source>بالاتر</source>
            <translation>بالاتر</translation>
        </message>
        <message>
            <source>پایین‌تر</source>
            <translation>پایین‌تر</translation>
        </message>
        <message>
            <source>حذف</source>
            <translation>حذف</translation>
        </message>
    </context>
    <context>
        <name>ValueListEdit</name>
        <message>
            <source>افزودن تلفن</source>
            <translation>افزودن تلفن</translation>
        </message>
        <message>
            <source>افزودن ایمیل</source>
            <translation>افزودن ایمیل</translation>
        </message>
    </context>
    <context>
        <name>ValueNames</name>
        <message>
            <source>سرنخ</source>
            <translation>سرنخ</translation>
        </message>
        <message>
            <source>مشتری بالقوه</source>
            <translation>مشتری بالقوه</translation>
        </message>
        <message>
            <source>مشتری</source>
            <translation>مشتری</translation>
        </message>
        <message>
            <source>غیرفعال</source>
            <translation>غیرفعال</translation>
        </message>
        <message>
            <source>تلفن</source>
            <translation>تلفن</translation>
        </message>
        <message>
            <source>پیامک</source>
            <translation>پیامک</translation>
        </message>
        <message>
            <source>ایمیل</source>
            <translation>ایمیل</translation>
        </message>
        <message>
            <source>واتساپ</source>
            <translation>واتساپ</translation>
        </message>
        <message>
            <source>تلگرام</source>
            <translation>تلگرام</translation>
        </message>
        <message>
            <source>اینستاگرام</source>
            <translation>اینستاگرام</translation>
        </message>
        <message>
            <source>حضوری</source>
            <translation>حضوری</translation>
        </message>
        <message>
            <source>پست</source>
            <translation>پست</translation>
        </message>
        <message>
            <source>کم</source>
            <translation>کم</translation>
        </message>
        <message>
            <source>عادی</source>
            <translation>عادی</translation>
        </message>
        <message>
            <source>زیاد</source>
            <translation>زیاد</translation>
        </message>
        <message>
            <source>فوری</source>
            <translation>فوری</translation>
        </message>
        <message>
            <source>فروش</source>
            <translation>فروش</translation>
        </message>
        <message>
            <source>سرنخ جدید</source>
            <translation>سرنخ جدید</translation>
        </message>
        <message>
            <source>تماس اولیه</source>
            <translation>تماس اولیه</translation>
        </message>
        <message>
            <source>نیازسنجی</source>
            <translation>نیازسنجی</translation>
        </message>
        <message>
            <source>ارسال پیش‌فاکتور</source>
            <translation>ارسال پیش‌فاکتور</translation>
        </message>
        <message>
            <source>مذاکره</source>
            <translation>مذاکره</translation>
        </message>
        <message>
            <source>برنده</source>
            <translation>برنده</translation>
        </message>
        <message>
            <source>از دست رفته</source>
            <translation>از دست رفته</translation>
        </message>
        <message>
            <source>قیمت بالا</source>
            <translation>قیمت بالا</translation>
        </message>
        <message>
            <source>انتخاب رقیب</source>
            <translation>انتخاب رقیب</translation>
        </message>
        <message>
            <source>نبود بودجه</source>
            <translation>نبود بودجه</translation>
        </message>
        <message>
            <source>عدم پاسخ‌گویی مشتری</source>
            <translation>عدم پاسخ‌گویی مشتری</translation>
        </message>
        <message>
            <source>نیاز مشتری برطرف شد</source>
            <translation>نیاز مشتری برطرف شد</translation>
        </message>
        <message>
            <source>زمان نامناسب خرید</source>
            <translation>زمان نامناسب خرید</translation>
        </message>
        <message>
            <source>سایر</source>
            <translation>سایر</translation>
        </message>
        <message>
            <source>جستجوی اینترنتی</source>
            <translation>جستجوی اینترنتی</translation>
        </message>
        <message>
            <source>تبلیغات اینترنتی</source>
            <translation>تبلیغات اینترنتی</translation>
        </message>
        <message>
            <source>شبکه‌های اجتماعی</source>
            <translation>شبکه‌های اجتماعی</translation>
        </message>
        <message>
            <source>معرفی مشتریان</source>
            <translation>معرفی مشتریان</translation>
        </message>
        <message>
            <source>مراجعهٔ حضوری</source>
            <translation>مراجعهٔ حضوری</translation>
        </message>
        <message>
            <source>نمایشگاه و رویداد</source>
            <translation>نمایشگاه و رویداد</translation>
        </message>
        <message>
            <source>تماس تلفنی</source>
            <translation>تماس تلفنی</translation>
        </message>
        <message>
            <source>وب‌سایت</source>
            <translation>وب‌سایت</translation>
        </message>
        <message>
            <source>جلسه</source>
            <translation>جلسه</translation>
        </message>
        <message>
            <source>یادداشت</source>
            <translation>یادداشت</translation>
        </message>
        <message>
            <source>کار</source>
            <translation>کار</translation>
        </message>
    </context>
</TS>
