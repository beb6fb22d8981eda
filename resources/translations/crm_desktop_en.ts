<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fa">
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>همهٔ انواع</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>کارهای من</source>
        <translation>My work</translation>
    </message>
    <message>
        <source>همهٔ تیم</source>
        <translation>Whole team</translation>
    </message>
    <message>
        <source>دیرکرد</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>امروز</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>این هفته</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>آینده</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>انجام‌شده</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>ثبت فعالیت</source>
        <translation>Log activity</translation>
    </message>
    <message>
        <source>ویرایش فعالیت</source>
        <translation>Edit activity</translation>
    </message>
    <message>
        <source>انجام شد</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>برای</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source> دقیقه</source>
        <translation> min</translation>
    </message>
    <message>
        <source>مثلاً: پیش‌فاکتور خواست</source>
        <translation>e.g. asked for a quote</translation>
    </message>
    <message>
        <source>بدون مسئول</source>
        <translation>No owner</translation>
    </message>
    <message>
        <source>دربارهٔ</source>
        <translation>About</translation>
    </message>
    <message>
        <source>نوع</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>موضوع</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>زمان</source>
        <translation>When</translation>
    </message>
    <message>
        <source>مدت</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>نتیجه</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>شرح</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>مسئول</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>گام بعدی (Alt+N)</source>
        <translation>Next step (Alt+N)</translation>
    </message>
    <message>
        <source>آنچه نوشته‌اید ذخیره نشده است. دور ریخته شود؟</source>
        <translation>What you typed is not saved. Discard it?</translation>
    </message>
    <message>
        <source>دور ریختن</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>ادامهٔ نوشتن</source>
        <translation>Keep writing</translation>
    </message>
    <message>
        <source>برای آنچه در پیش است روز و ساعت را بگویید.</source>
        <translation>Say the day and time of what is planned.</translation>
    </message>
    <message>
        <source>پیگیری</source>
        <translation>Follow up</translation>
    </message>
    <message>
        <source>موعد</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ActivityList</name>
    <message>
        <source>ثبت تماس…</source>
        <translation>Log call…</translation>
    </message>
    <message>
        <source>تماس، جلسه، ایمیل یا یادداشت (Ctrl+L)</source>
        <translation>A call, meeting, email or note (Ctrl+L)</translation>
    </message>
    <message>
        <source>کار جدید…</source>
        <translation>New task…</translation>
    </message>
    <message>
        <source>انجام شد…</source>
        <translation>Done…</translation>
    </message>
    <message>
        <source>انجام شد، با نتیجه و گام بعدی (Ctrl+D)</source>
        <translation>Done, with its outcome and next step (Ctrl+D)</translation>
    </message>
    <message>
        <source>ویرایش…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>خروجی اکسل…</source>
        <translation>Export to Excel…</translation>
    </message>
</context>
<context>
    <name>BirthdayPanel</name>
    <message>
        <source>تولدهای این هفته</source>
        <translation>Birthdays this week</translation>
    </message>
    <message>
        <source>ثبت تبریک</source>
        <translation>Log greeting</translation>
    </message>
    <message>
        <source>تبریک را به شکلی که مخاطب ترجیح می‌دهد ثبت می‌کند (پیش‌فرض: پیامک).</source>
        <translation>Logs the greeting the way the contact prefers to be reached (an SMS by default).</translation>
    </message>
    <message>
        <source>%1 سالگی</source>
        <translation>turns %1</translation>
    </message>
    <message>
        <source>تولدهای این هفته (%1)</source>
        <translation>Birthdays this week (%1)</translation>
    </message>
    <message>
        <source>ثبت تبریک تولد</source>
        <translation>Log birthday greeting</translation>
    </message>
    <message>
        <source>تبریک تولد %1 ثبت شد.</source>
        <translation>Birthday greeting to %1 logged.</translation>
    </message>
</context>
<context>
    <name>BugReportBox</name>
    <message>
        <source>خطای برنامه</source>
        <translation>Application error</translation>
    </message>
    <message>
        <source>خطای پیش‌بینی‌نشده‌ای رخ داد (%1).</source>
        <translation>An unexpected error occurred (%1).</translation>
    </message>
    <message>
        <source>جزئیات برای گزارش به پشتیبانی در این پرونده ثبت شد: %1</source>
        <translation>The details for support were written to this file: %1</translation>
    </message>
    <message>
        <source>پرونده‌ی گزارش خطا نوشته نشد.</source>
        <translation>The error log file could not be written.</translation>
    </message>
    <message>
        <source>بستن</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>کمپین</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>مثلاً: پیامک، اینستاگرام، نمایشگاه</source>
        <translation>e.g. SMS, Instagram, an exhibition</translation>
    </message>
    <message>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>کانال</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>آغاز</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>پایان</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>هزینه</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>ذخیرهٔ کمپین</source>
        <translation>Save campaign</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>سرنخ</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>معامله</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>برده</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>درآمد</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>کمپین</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>کانال</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>آغاز</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>پایان</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>هزینه</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>بازگشت هزینه</source>
        <translation>Return on cost</translation>
    </message>
    <message>
        <source>منبع سرنخ</source>
        <translation>Lead source</translation>
    </message>
    <message>
        <source>کمپین جدید…</source>
        <translation>New campaign…</translation>
    </message>
    <message>
        <source>ویرایش…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>حذف</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>کمپین‌ها</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>منبع‌های سرنخ</source>
        <translation>Lead sources</translation>
    </message>
    <message>
        <source>حذف کمپین</source>
        <translation>Remove campaign</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>دیرکرد</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>بی‌تحرک</source>
        <translation>idle</translation>
    </message>
</context>
<context>
    <name>ClosingDialog</name>
    <message>
        <source>بستن معامله</source>
        <translation>Close the deal</translation>
    </message>
    <message>
        <source>از دست رفتن معامله</source>
        <translation>Deal lost</translation>
    </message>
    <message>
        <source>«%1» به «%2» می‌رود.</source>
        <translation>“%1” moves to “%2”.</translation>
    </message>
    <message>
        <source>«%1» به «%2» می‌رود: چرا؟</source>
        <translation>“%1” moves to “%2”: why?</translation>
    </message>
    <message>
        <source>تاریخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>یک دلیل انتخاب کنید</source>
        <translation>Choose a reason</translation>
    </message>
    <message>
        <source>تومان</source>
        <translation>tomans</translation>
    </message>
    <message>
        <source>ریال</source>
        <translation>rials</translation>
    </message>
    <message>
        <source>مبلغ نهایی (%1)</source>
        <translation>Final amount (%1)</translation>
    </message>
    <message>
        <source>دلیل</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>توضیح</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>ستون‌های پیش‌فرض</source>
        <translation>Default columns</translation>
    </message>
</context>
<context>
    <name>CompaniesPage</name>
    <message>
        <source>شرکت‌ها</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>جستجو در نام شرکت‌ها…</source>
        <translation>Search company names…</translation>
    </message>
    <message>
        <source>شرکت جدید</source>
        <translation>New company</translation>
    </message>
    <message>
        <source>خروجی اکسل…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>شرکتی پیدا نشد</source>
        <translation>No companies found</translation>
    </message>
    <message>
        <source>%1 شرکت</source>
        <translation>%1 companies</translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>بستن</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>مشخصات</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>فعالیت‌ها</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>تاریخچه</source>
        <translation>History</translation>
    </message>
    <message>
        <source>نام شرکت:</source>
        <translation>Company name:</translation>
    </message>
    <message>
        <source>صنعت:</source>
        <translation>Industry:</translation>
    </message>
    <message>
        <source>تلفن:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>ایمیل:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>وب‌سایت:</source>
        <translation>Website:</translation>
    </message>
    <message>
        <source>نشانی:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>شهر:</source>
        <translation>City:</translation>
    </message>
    <message>
        <source>استان:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <source>یادداشت:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>افراد</source>
        <translation>People</translation>
    </message>
    <message>
        <source>فهرست معامله‌های این شرکت به‌زودی اینجا می‌آید.</source>
        <translation>This company&apos;s deals will be listed here soon.</translation>
    </message>
    <message>
        <source>معامله‌ها</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>شرکت جدید</source>
        <translation>New company</translation>
    </message>
    <message>
        <source>معامله‌های باز: %1</source>
        <translation>Open deals: %1</translation>
    </message>
    <message>
        <source>فروش موفق: %1</source>
        <translation>Won: %1</translation>
    </message>
    <message>
        <source>معامله‌های باز: %1 معامله، %2</source>
        <translation>Open deals: %1 deals, %2</translation>
    </message>
    <message>
        <source>فروش موفق: %1 معامله، %2</source>
        <translation>Won: %1 deals, %2</translation>
    </message>
    <message>
        <source>این شرکت حذف شده است.</source>
        <translation>This company has been deleted.</translation>
    </message>
    <message>
        <source>نام شرکت را وارد کنید.</source>
        <translation>Enter the company&apos;s name.</translation>
    </message>
    <message>
        <source>شرکت جدید «%1»</source>
        <translation>New company “%1”</translation>
    </message>
    <message>
        <source>ویرایش شرکت «%1»</source>
        <translation>Edit company “%1”</translation>
    </message>
</context>
<context>
    <name>ContactActions</name>
    <message>
        <source>خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (%1).</source>
        <translation>An unexpected error occurred and was written to the application log (%1).</translation>
    </message>
    <message>
        <source>تخصیص به مسئول</source>
        <translation>Assign to owner</translation>
    </message>
    <message>
        <source>افزودن برچسب</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <source>حذف برچسب</source>
        <translation>Remove tag</translation>
    </message>
    <message>
        <source>تغییر وضعیت</source>
        <translation>Change lifecycle</translation>
    </message>
    <message>
        <source>بدون مسئول</source>
        <translation>No owner</translation>
    </message>
    <message>
        <source>انتقال به سطل زباله</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <source>ارسال پیام از قالب…</source>
        <translation>Send a message from a template…</translation>
    </message>
    <message>
        <source>برچسب جدید…</source>
        <translation>New tag…</translation>
    </message>
    <message>
        <source>تغییر مسئول %1 مخاطب</source>
        <translation>Change owner of %1 contacts</translation>
    </message>
    <message>
        <source>%1 مخاطب بدون مسئول شد.</source>
        <translation>Contacts left without an owner: %1.</translation>
    </message>
    <message>
        <source>مسئول %1 مخاطب «%2» شد.</source>
        <translation>Owner of %1 contacts set to “%2”.</translation>
    </message>
    <message>
        <source>تغییر وضعیت %1 مخاطب</source>
        <translation>Change lifecycle of %1 contacts</translation>
    </message>
    <message>
        <source>وضعیت %1 مخاطب «%2» شد.</source>
        <translation>Lifecycle of %1 contacts set to “%2”.</translation>
    </message>
    <message>
        <source>افزودن برچسب «%1» به %2 مخاطب</source>
        <translation>Add tag “%1” to %2 contacts</translation>
    </message>
    <message>
        <source>برچسب «%1» به %2 مخاطب افزوده شد.</source>
        <translation>Tag “%1” added to %2 contacts.</translation>
    </message>
    <message>
        <source>حذف برچسب «%1» از %2 مخاطب</source>
        <translation>Remove tag “%1” from %2 contacts</translation>
    </message>
    <message>
        <source>برچسب «%1» از %2 مخاطب برداشته شد.</source>
        <translation>Tag “%1” removed from %2 contacts.</translation>
    </message>
    <message>
        <source>انتقال %1 مخاطب به سطل زباله</source>
        <translation>Move %1 contacts to the trash</translation>
    </message>
    <message>
        <source>%1 مخاطب به سطل زباله رفت.</source>
        <translation>Moved to the trash: %1 contacts.</translation>
    </message>
    <message>
        <source>برچسب جدید</source>
        <translation>New tag</translation>
    </message>
    <message>
        <source>نام برچسب:</source>
        <translation>Tag name:</translation>
    </message>
    <message>
        <source>افزودن</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>مخاطبان</source>
        <translation>Contacts</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>فعالیت‌ها</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>درخواست‌ها</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>تاریخچه</source>
        <translation>History</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>گام بعدی ندارد: کاری برایش برنامه‌ریزی نشده است (Ctrl+L).</source>
        <translation>No next step: nothing is planned for this lead (Ctrl+L).</translation>
    </message>
    <message>
        <source>%1 روز است کاری برایش انجام نشده است.</source>
        <translation>Nothing done about it for %1 days.</translation>
    </message>
    <message>
        <source>امتیاز پس از ذخیره از روی قاعده‌ها حساب می‌شود.</source>
        <translation>The score is worked out from the rules once the contact is saved.</translation>
    </message>
    <message>
        <source>هنوز هیچ قاعده‌ای امتیازی نداده است.</source>
        <translation>No rule has given any points yet.</translation>
    </message>
    <message>
        <source>ساخت معامله</source>
        <translation>New deal</translation>
    </message>
    <message>
        <source>این مخاطب در سطل زباله است.</source>
        <translation>This contact is in the trash.</translation>
    </message>
    <message>
        <source>مخاطب جدید</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>مخاطب: %1</source>
        <translation>Contact: %1</translation>
    </message>
    <message>
        <source>این شماره برای %1 ثبت شده است.</source>
        <translation>This number is already recorded for %1.</translation>
    </message>
    <message>
        <source>این ایمیل برای %1 ثبت شده است.</source>
        <translation>This email is already recorded for %1.</translation>
    </message>
    <message>
        <source>(و %2 مخاطب دیگر)</source>
        <translation>(and %2 more contacts)</translation>
    </message>
    <message>
        <source>مخاطب جدید «%1»</source>
        <translation>New contact “%1”</translation>
    </message>
    <message>
        <source>ویرایش مخاطب «%1»</source>
        <translation>Edit contact “%1”</translation>
    </message>
    <message>
        <source>کار دیگری (مثلاً ورود داده) در حال انجام است؛ ذخیره پس از آن انجام می‌شود…</source>
        <translation>Other work (an import, say) is under way; the save follows as soon as it ends…</translation>
    </message>
    <message>
        <source>ذخیره نشد: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>ContactEditorView</name>
    <message>
        <source>نام یا نام خانوادگی را وارد کنید.</source>
        <translation>Enter a first or last name.</translation>
    </message>
    <message>
        <source>برچسب‌ها را با ویرگول جدا کنید</source>
        <translation>Separate tags with commas</translation>
    </message>
    <message>
        <source>سابقهٔ فعالیت‌ها</source>
        <translation>Activity history</translation>
    </message>
    <message>
        <source>تماس‌ها، جلسه‌ها و یادداشت‌ها اینجا نشان داده می‌شوند.</source>
        <translation>Calls, meetings and notes are shown here.</translation>
    </message>
    <message>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>ذخیره (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>بستن</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ارسال پیام…</source>
        <translation>Send message…</translation>
    </message>
    <message>
        <source>ساخت معامله</source>
        <translation>New deal</translation>
    </message>
    <message>
        <source>معامله‌ای برای این مخاطب در نخستین مرحلهٔ خط فروش؛ سرنخ، مشتری بالقوه می‌شود.</source>
        <translation>A deal for this contact in the pipeline&apos;s first stage; a lead becomes a prospect.</translation>
    </message>
    <message>
        <source>نام:</source>
        <translation>First name:</translation>
    </message>
    <message>
        <source>نام خانوادگی:</source>
        <translation>Last name:</translation>
    </message>
    <message>
        <source>شرکت:</source>
        <translation>Company:</translation>
    </message>
    <message>
        <source>سمت:</source>
        <translation>Job title:</translation>
    </message>
    <message>
        <source>تلفن‌ها:</source>
        <translation>Phones:</translation>
    </message>
    <message>
        <source>ایمیل‌ها:</source>
        <translation>Emails:</translation>
    </message>
    <message>
        <source>نشانی:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>شهر:</source>
        <translation>City:</translation>
    </message>
    <message>
        <source>استان:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <source>تاریخ تولد:</source>
        <translation>Birth date:</translation>
    </message>
    <message>
        <source>راه ارتباطی ترجیحی:</source>
        <translation>Preferred channel:</translation>
    </message>
    <message>
        <source>وضعیت:</source>
        <translation>Lifecycle:</translation>
    </message>
    <message>
        <source>امتیاز سرنخ:</source>
        <translation>Lead score:</translation>
    </message>
    <message>
        <source>منبع سرنخ:</source>
        <translation>Lead source:</translation>
    </message>
    <message>
        <source>کمپین:</source>
        <translation>Campaign:</translation>
    </message>
    <message>
        <source>مسئول:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>برچسب‌ها:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>یادداشت:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>مشخصات</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>ContactFilterPanel</name>
    <message>
        <source>مسئول</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>برچسب</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>شهر</source>
        <translation>City</translation>
    </message>
    <message>
        <source>استان</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>وضعیت</source>
        <translation>Lifecycle</translation>
    </message>
    <message>
        <source>منبع سرنخ</source>
        <translation>Lead source</translation>
    </message>
    <message>
        <source>کمپین</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>بدون فعالیت در</source>
        <translation>No activity in the</translation>
    </message>
    <message>
        <source> روز گذشته</source>
        <translation> past days</translation>
    </message>
    <message>
        <source>بدون گام بعدی</source>
        <translation>No next step</translation>
    </message>
    <message>
        <source>سرنخ‌ها و مشتریان بالقوه‌ای که هیچ کاری برایشان برنامه‌ریزی نشده است</source>
        <translation>Leads and prospects with nothing planned for them</translation>
    </message>
    <message>
        <source>پاک کردن فیلترها</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>ذخیره به‌عنوان فهرست…</source>
        <translation>Save as filter…</translation>
    </message>
    <message>
        <source>ذخیرهٔ فهرست</source>
        <translation>Save filter</translation>
    </message>
    <message>
        <source>نام این فهرست:</source>
        <translation>Name of this filter:</translation>
    </message>
    <message>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ContactsController</name>
    <message>
        <source>ذخیرهٔ فهرست «%1»</source>
        <translation>Save list “%1”</translation>
    </message>
    <message>
        <source>مخاطبان</source>
        <translation>Contacts</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>جستجو در نام، شرکت، تلفن، ایمیل…</source>
        <translation>Search name, company, phone, email…</translation>
    </message>
    <message>
        <source>فیلترها</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>مخاطبان</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>مخاطب جدید</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>خروجی اکسل…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>فهرست همان‌طور که دیده می‌شود در یک فایل اکسل</source>
        <translation>The list as shown, in an Excel file</translation>
    </message>
    <message>
        <source>مخاطبی پیدا نشد</source>
        <translation>No contacts found</translation>
    </message>
    <message>
        <source>%1 از %2 مخاطب</source>
        <translation>%1 of %2 contacts</translation>
    </message>
    <message>
        <source>%1 مخاطب</source>
        <translation>%1 contacts</translation>
    </message>
    <message>
        <source>%1 انتخاب‌شده</source>
        <translation>%1 selected</translation>
    </message>
</context>
<context>
    <name>DealFilterBar</name>
    <message>
        <source>جستجو در عنوان، مخاطب و شرکت</source>
        <translation>Search titles, contacts and companies</translation>
    </message>
    <message>
        <source>معامله‌های من</source>
        <translation>My deals</translation>
    </message>
    <message>
        <source>همهٔ کارشناسان</source>
        <translation>All reps</translation>
    </message>
    <message>
        <source>همهٔ منبع‌ها</source>
        <translation>All sources</translation>
    </message>
    <message>
        <source>همهٔ کمپین‌ها</source>
        <translation>All campaigns</translation>
    </message>
    <message>
        <source>هر زمان</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>بستن در این ماه</source>
        <translation>Closing this month</translation>
    </message>
    <message>
        <source>بستن در این فصل</source>
        <translation>Closing this quarter</translation>
    </message>
</context>
<context>
    <name>DealListView</name>
    <message>
        <source>خروجی اکسل…</source>
        <translation>Export to Excel…</translation>
    </message>
</context>
<context>
    <name>DealPage</name>
    <message>
        <source>مشخصات</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>اقلام</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>مرحله</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>از</source>
        <translation>From</translation>
    </message>
    <message>
        <source>تا</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>روز</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>مراحل</source>
        <translation>Stages</translation>
    </message>
    <message>
        <source>فعالیت‌ها</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>تاریخچه</source>
        <translation>History</translation>
    </message>
    <message>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>بستن</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>از مرحله</source>
        <translation>the stage&apos;s</translation>
    </message>
    <message>
        <source>عنوان:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>مبلغ:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <source>احتمال:</source>
        <translation>Probability:</translation>
    </message>
    <message>
        <source>تاریخ پیش‌بینی بستن:</source>
        <translation>Expected close:</translation>
    </message>
    <message>
        <source>مسئول:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>اولویت:</source>
        <translation>Priority:</translation>
    </message>
    <message>
        <source>منبع سرنخ:</source>
        <translation>Lead source:</translation>
    </message>
    <message>
        <source>کمپین:</source>
        <translation>Campaign:</translation>
    </message>
    <message>
        <source>مخاطب:</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <source>شرکت:</source>
        <translation>Company:</translation>
    </message>
    <message>
        <source>یادداشت:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>کالا</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>تعداد</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>قیمت واحد</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>تخفیف</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>جمع</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>قیمت واحد (خالی: قیمت کالا)</source>
        <translation>Unit price (empty: the product’s)</translation>
    </message>
    <message>
        <source>کد تخفیف</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>افزودن</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>حذف ردیف</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>جمع اقلام، مبلغ معامله شود</source>
        <translation>Use the lines&apos; total as the amount</translation>
    </message>
    <message>
        <source>مرحله: %1 — احتمال %2٪</source>
        <translation>Stage: %1 — probability %2%</translation>
    </message>
    <message>
        <source>برنده در %1</source>
        <translation>won on %1</translation>
    </message>
    <message>
        <source>از دست رفته: %1</source>
        <translation>lost: %1</translation>
    </message>
    <message>
        <source>اکنون</source>
        <translation>now</translation>
    </message>
    <message>
        <source>مبلغ باید عددی درست به ریال یا تومان باشد.</source>
        <translation>The amount must be a whole number of rials or tomans.</translation>
    </message>
    <message>
        <source>ویرایش معامله</source>
        <translation>Edit deal</translation>
    </message>
    <message>
        <source>افزودن کالا</source>
        <translation>Add product</translation>
    </message>
    <message>
        <source>حذف کالا</source>
        <translation>Remove product</translation>
    </message>
    <message>
        <source>مبلغ از اقلام</source>
        <translation>Amount from the lines</translation>
    </message>
</context>
<context>
    <name>DryRunPage</name>
    <message>
        <source>آزمایش پیش از ورود</source>
        <translation>Trial run</translation>
    </message>
    <message>
        <source>فایل یک بار بدون ذخیره آزموده شد؛ این است آنچه ورود داده‌ها انجام خواهد داد.</source>
        <translation>The file was tried once without saving anything; this is what the import will do.</translation>
    </message>
    <message>
        <source>ورود داده‌ها</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>ردیف</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>ساخته می‌شود</source>
        <translation>Will be created</translation>
    </message>
    <message>
        <source>تکمیل می‌شود</source>
        <translation>Will be completed</translation>
    </message>
    <message>
        <source>تکراری</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>وارد نمی‌شود</source>
        <translation>Will be skipped</translation>
    </message>
    <message>
        <source>خطا</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>هشدار</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>ردیفی که با رکوردی موجود یا ردیفی بالاتر یکی است:</source>
        <translation>A row that matches an existing record or a row above it:</translation>
    </message>
    <message>
        <source>در حال آزمایش، بی آنکه چیزی ذخیره شود…</source>
        <translation>Trying the import without saving anything…</translation>
    </message>
    <message>
        <source>ورود این فایل چیزی را تغییر نمی‌دهد.</source>
        <translation>Importing this file would change nothing.</translation>
    </message>
    <message>
        <source>هنوز چیزی ذخیره نشده است. خطاها و هشدارها را در جدول پایین ببینید.</source>
        <translation>Nothing has been saved yet. See the errors and warnings in the table below.</translation>
    </message>
    <message>
        <source>هنوز چیزی ذخیره نشده است. مشکلی پیدا نشد.</source>
        <translation>Nothing has been saved yet. No problems were found.</translation>
    </message>
</context>
<context>
    <name>DuplicateBar</name>
    <message>
        <source>باز کردن آن مخاطب</source>
        <translation>Open that contact</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>شرکت</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>تلفن‌ها</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>ایمیل‌ها</source>
        <translation>Emails</translation>
    </message>
    <message>
        <source>تاریخ ایجاد</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>تلفن یکسان</source>
        <translation>Same phone</translation>
    </message>
    <message>
        <source>ایمیل یکسان</source>
        <translation>Same email</translation>
    </message>
    <message>
        <source>نام مشابه در یک شرکت</source>
        <translation>Similar name in one company</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>در حال جستجو…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>جستجوی تکراری‌ها انجام نشد: %1</source>
        <translation>Could not search for duplicates: %1</translation>
    </message>
    <message>
        <source>%1 گروه احتمالاً تکراری</source>
        <translation>%1 groups of likely duplicates</translation>
    </message>
    <message>
        <source>مخاطب تکراری پیدا نشد</source>
        <translation>No duplicate contacts found</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>مخاطبان تکراری</source>
        <translation>Duplicate contacts</translation>
    </message>
    <message>
        <source>جستجوی دوباره</source>
        <translation>Search again</translation>
    </message>
    <message>
        <source>ادغام…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>این‌ها تکراری نیستند</source>
        <translation>These are not duplicates</translation>
    </message>
    <message>
        <source>قدیمی‌ترین مخاطب هر گروه (اولین ردیف) برای ماندن پیشنهاد می‌شود.</source>
        <translation>The oldest contact of each group (the first row) is suggested to be kept.</translation>
    </message>
</context>
<context>
    <name>EditWindow</name>
    <message>
        <source>تغییرات ذخیره نشده</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>ذخیره شود؟</source>
        <translation>Save?</translation>
    </message>
    <message>
        <source>تغییرات این پنجره هنوز ذخیره نشده‌اند.</source>
        <translation>The changes in this window have not been saved.</translation>
    </message>
    <message>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>بستن بدون ذخیره</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>تغییر انجام نشد</source>
        <translation>Not changed</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>انتخاب فایل</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>فایل اکسل، OpenDocument یا CSV را انتخاب کنید، یا آن را روی همین صفحه بکشید و رها کنید.</source>
        <translation>Choose an Excel, OpenDocument or CSV file, or drag it onto this page.</translation>
    </message>
    <message>
        <source>نشانی فایل</source>
        <translation>File path</translation>
    </message>
    <message>
        <source>انتخاب فایل…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>فایل را اینجا رها کنید
%1</source>
        <translation>Drop the file here
%1</translation>
    </message>
    <message>
        <source>انتخاب فایل برای ورود داده</source>
        <translation>Choose a file to import</translation>
    </message>
    <message>
        <source>صفحه‌گسترده‌ها (%1)</source>
        <translation>Spreadsheets (%1)</translation>
    </message>
    <message>
        <source>در حال خواندن %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>«%1»: %2 برگه.</source>
        <translation>“%1”: %2 sheet(s).</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>به برنامه خوش آمدید</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>پیش از شروع، بگویید چه کسی با این رایانه کار می‌کند.</source>
        <translation>Before you start, say who uses this computer.</translation>
    </message>
    <message>
        <source>شخص جدید…</source>
        <translation>New person…</translation>
    </message>
    <message>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>مدیر فروش است</source>
        <translation>Is the sales manager</translation>
    </message>
    <message>
        <source>مثلاً دفتر فروش تهران</source>
        <translation>e.g. Tehran sales office</translation>
    </message>
    <message>
        <source>شروع کار</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>خروج</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>کاربر این رایانه:</source>
        <translation>User of this computer:</translation>
    </message>
    <message>
        <source>نام شخص جدید:</source>
        <translation>New person&apos;s name:</translation>
    </message>
    <message>
        <source>نام دفتر:</source>
        <translation>Office name:</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <source>ماه</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>معامله‌ها</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>مبلغ</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>وزنی</source>
        <translation>Weighted</translation>
    </message>
</context>
<context>
    <name>GlobalSearchDialog</name>
    <message>
        <source>جستجوی همه‌جا</source>
        <translation>Search everywhere</translation>
    </message>
    <message>
        <source>نام، شرکت، تلفن، ایمیل یا عنوان معامله…</source>
        <translation>Name, company, phone, email or deal title…</translation>
    </message>
    <message>
        <source>جستجو انجام نشد: %1</source>
        <translation>The search failed: %1</translation>
    </message>
    <message>
        <source>مخاطبان</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>شرکت‌ها</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>معامله‌ها</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>چیزی پیدا نشد.</source>
        <translation>Nothing found.</translation>
    </message>
    <message>
        <source>%1 نفر</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <source>%1 ریال</source>
        <translation>%1 rials</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>زمان</source>
        <translation>When</translation>
    </message>
    <message>
        <source>کاربر</source>
        <translation>User</translation>
    </message>
    <message>
        <source>کار</source>
        <translation>What</translation>
    </message>
    <message>
        <source>شرح</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>پیش از آن</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>پس از آن</source>
        <translation>After</translation>
    </message>
    <message>
        <source>همه</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>فعالیت‌ها</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>جابه‌جایی‌ها</source>
        <translation>Stage moves</translation>
    </message>
    <message>
        <source>خریدها</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>تغییرها</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>تغییرهای این رکورد پس از ذخیره اینجا نشان داده می‌شوند.</source>
        <translation>Changes to this record show here once it is saved.</translation>
    </message>
    <message>
        <source>تاریخچه خوانده نشد: {0}</source>
        <translation>The history could not be read: {0}</translation>
    </message>
    <message>
        <source>هنوز چیزی ثبت نشده است.</source>
        <translation>Nothing recorded yet.</translation>
    </message>
    <message>
        <source>برای انجام</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>خرید</source>
        <translation>Purchase</translation>
    </message>
    <message>
        <source>{0} تغییر</source>
        <translation>{0} changes</translation>
    </message>
    <message>
        <source>ناشناس</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message>
        <source>زمان</source>
        <translation>When</translation>
    </message>
    <message>
        <source>فایل</source>
        <translation>File</translation>
    </message>
    <message>
        <source>برگه</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>نوع</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>ردیف</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>جدید</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>تکمیل‌شده</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>تکراری</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>واردنشده</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>وضعیت</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>سابقهٔ ورود اطلاعات</source>
        <translation>Import history</translation>
    </message>
    <message>
        <source>هر ورود داده را می‌توانید حتی روزها بعد برگردانید؛ رکوردهایی که از آن پس تغییر کرده‌اند دست نمی‌خورند و نامشان گفته می‌شود.</source>
        <translation>Any import can be undone, even days later; records changed since are left alone and named.</translation>
    </message>
    <message>
        <source>هنوز داده‌ای از فایل وارد نشده است.</source>
        <translation>Nothing has been imported from a file yet.</translation>
    </message>
    <message>
        <source>بستن</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>واگرد این ورود</source>
        <translation>Undo this import</translation>
    </message>
    <message>
        <source>انجام دوبارهٔ این ورود</source>
        <translation>Redo this import</translation>
    </message>
    <message>
        <source>در حال برگرداندن %1…</source>
        <translation>Undoing %1…</translation>
    </message>
    <message>
        <source>در حال انجام دوبارهٔ %1…</source>
        <translation>Redoing %1…</translation>
    </message>
</context>
<context>
    <name>ImportHistoryModel</name>
    <message>
        <source>بدون تغییر</source>
        <translation>No changes</translation>
    </message>
    <message>
        <source>برگردانده شد</source>
        <translation>Undone</translation>
    </message>
    <message>
        <source>انجام شده</source>
        <translation>Imported</translation>
    </message>
</context>
<context>
    <name>ImportLabels</name>
    <message>
        <source>نام</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>نام خانوادگی</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>شرکت</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>سمت</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>موبایل</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>تلفن</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>ایمیل</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>نشانی</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>شهر</source>
        <translation>City</translation>
    </message>
    <message>
        <source>استان</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>تاریخ تولد</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>منبع سرنخ</source>
        <translation>Lead source</translation>
    </message>
    <message>
        <source>برچسب‌ها</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>یادداشت‌ها</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>مسئول</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>کمپین</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>وضعیت</source>
        <translation>Lifecycle</translation>
    </message>
    <message>
        <source>شرکت است (بله/خیر)</source>
        <translation>Is a company (yes/no)</translation>
    </message>
    <message>
        <source>کشور</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>نام شرکت</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>صنعت</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>وب‌سایت</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>عنوان معامله</source>
        <translation>Deal title</translation>
    </message>
    <message>
        <source>مشتری (شخص)</source>
        <translation>Customer (person)</translation>
    </message>
    <message>
        <source>مرحله</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>مبلغ (ریال)</source>
        <translation>Amount (rials)</translation>
    </message>
    <message>
        <source>مبلغ (تومان)</source>
        <translation>Amount (tomans)</translation>
    </message>
    <message>
        <source>تاریخ پیش‌بینی بستن</source>
        <translation>Expected close date</translation>
    </message>
    <message>
        <source>موبایل مشتری</source>
        <translation>Customer&apos;s mobile</translation>
    </message>
    <message>
        <source>ایمیل مشتری</source>
        <translation>Customer&apos;s email</translation>
    </message>
    <message>
        <source>— وارد نشود —</source>
        <translation>— Do not import —</translation>
    </message>
    <message>
        <source>نگه‌داری در یادداشت‌ها</source>
        <translation>Keep in notes</translation>
    </message>
    <message>
        <source>مخاطبان</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>شرکت‌ها</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>معامله‌ها</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>تکمیل رکورد موجود (پیشنهادی)</source>
        <translation>Complete the existing record (recommended)</translation>
    </message>
    <message>
        <source>فیلدهای خالیِ رکوردِ موجود از فایل پر می‌شوند؛ مقداری که از قبل هست و با فایل فرق دارد عوض نمی‌شود و هشدار می‌گیرد.</source>
        <translation>Empty fields of the existing record are filled from the file; a value it already has that differs from the file is kept, with a warning.</translation>
    </message>
    <message>
        <source>نادیده گرفتن ردیف تکراری</source>
        <translation>Skip the duplicate row</translation>
    </message>
    <message>
        <source>ردیفی که با رکوردی موجود یکی است کنار گذاشته می‌شود و چیزی عوض نمی‌شود.</source>
        <translation>A row that matches an existing record is left out and nothing changes.</translation>
    </message>
    <message>
        <source>ساختن رکورد جدید</source>
        <translation>Create a new record</translation>
    </message>
    <message>
        <source>هر ردیف رکورد جدیدی می‌سازد، حتی اگر تکراری باشد (بعداً باید ادغامشان کنید).</source>
        <translation>Every row creates a new record, even a duplicate (merge them later).</translation>
    </message>
    <message>
        <source>خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (%1).</source>
        <translation>An unexpected error occurred and was written to the application log (%1).</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>ورود داده‌ها</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>تا پایان کار چیزی ذخیره نمی‌شود؛ اگر ورود را لغو کنید، داده‌ها همان می‌مانند که بودند.</source>
        <translation>Nothing is saved until the end; if you cancel the import, the data stays as it was.</translation>
    </message>
    <message>
        <source>در حال ورود داده از %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>در حال لغو…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>هیچ داده‌ای ذخیره نشد.</source>
        <translation>Nothing was saved.</translation>
    </message>
</context>
<context>
    <name>ImportSteps</name>
    <message>
        <source>ورود داده از %1</source>
        <translation>Import of %1</translation>
    </message>
    <message>
        <source>واگرد ورود داده از %1</source>
        <translation>Undo of the import of %1</translation>
    </message>
    <message>
        <source>انجام دوبارهٔ ورود داده از %1</source>
        <translation>Redo of the import of %1</translation>
    </message>
</context>
<context>
    <name>ImportTables</name>
    <message>
        <source>ردیف</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>ستون</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>نوع</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>شرح</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>ایراد</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>وارد نمی‌شود: %1</source>
        <translation>Skipped: %1</translation>
    </message>
</context>
<context>
    <name>ImportUndo</name>
    <message>
        <source>و %1 مورد دیگر</source>
        <translation>and %1 more</translation>
    </message>
    <message>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 مخاطب</source>
        <translation>contacts: %1</translation>
    </message>
    <message>
        <source>%1 شرکت</source>
        <translation>companies: %1</translation>
    </message>
    <message>
        <source>%1 معامله</source>
        <translation>deals: %1</translation>
    </message>
    <message>
        <source>واگرد ورود داده</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <source>ورود داده از %1 برگردانده شود؟</source>
        <translation>Undo the import from %1?</translation>
    </message>
    <message>
        <source>برداشته می‌شود (این ورود ساخته بود): %1</source>
        <translation>Removed (this import created them): %1</translation>
    </message>
    <message>
        <source>به حالت پیش از ورود برمی‌گردد: %1</source>
        <translation>Put back as before the import: %1</translation>
    </message>
    <message>
        <source>چیزی که پس از ورود تغییر کرده است دست نمی‌خورد.</source>
        <translation>Anything changed since the import is left alone.</translation>
    </message>
    <message>
        <source>برگرداندن</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>ورود داده از %1 برگردانده شد.</source>
        <translation>The import from %1 was undone.</translation>
    </message>
    <message>
        <source>ورود داده از %1 دوباره انجام شد.</source>
        <translation>The import from %1 was redone.</translation>
    </message>
    <message>
        <source>ورود داده برگردانده شد.</source>
        <translation>The import was undone.</translation>
    </message>
    <message>
        <source>ورود داده دوباره انجام شد.</source>
        <translation>The import was redone.</translation>
    </message>
    <message>
        <source>برداشته شد: %1</source>
        <translation>Removed: %1</translation>
    </message>
    <message>
        <source>دوباره آمد: %1</source>
        <translation>Back again: %1</translation>
    </message>
    <message>
        <source>به حالت پیش از ورود برگشت: %1</source>
        <translation>Put back as before the import: %1</translation>
    </message>
    <message>
        <source>دوباره تکمیل شد: %1</source>
        <translation>Filled in again: %1</translation>
    </message>
    <message>
        <source>چیزی برای تغییر نمانده بود.</source>
        <translation>There was nothing left to change.</translation>
    </message>
    <message>
        <source>این‌ها پس از ورود تغییر کرده بودند و دست نخوردند: %1</source>
        <translation>These had changed since the import and were left alone: %1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>برگهٔ «%1»: %2 ردیف و %3 ستون؛ سرستون‌ها در ردیف %4.</source>
        <translation>Sheet “%1”: %2 rows and %3 columns; headers in row %4.</translation>
    </message>
    <message>
        <source>ورود اطلاعات از اکسل</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>قبلی</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>بعدی</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>بستن</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>لغو ورود</source>
        <translation>Cancel import</translation>
    </message>
</context>
<context>
    <name>JalaliDateEdit</name>
    <message>
        <source>پاک کردن تاریخ</source>
        <translation>Clear date</translation>
    </message>
</context>
<context>
    <name>ListExport</name>
    <message>
        <source>ذخیره به صورت فایل اکسل</source>
        <translation>Save as an Excel file</translation>
    </message>
    <message>
        <source>کارپوشهٔ اکسل (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>در حال نوشتن %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <source>خروجی اکسل</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>خروجی اکسل لغو شد؛ فایلی نوشته نشد.</source>
        <translation>Export cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>%1 ردیف در «%2» نوشته شد.</source>
        <translation>%1 rows written to “%2”.</translation>
    </message>
    <message>
        <source>خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (%1).</source>
        <translation>An unexpected error occurred and was written to the application log (%1).</translation>
    </message>
    <message>
        <source>%1 مقدار از گنجایش یک خانهٔ اکسل بلندتر بود و در چند ستون پشت سر هم نوشته شد؛ چیزی از آن‌ها کنار گذاشته نشد. جزئیات:</source>
        <translation>%1 values were longer than an Excel cell holds and went on in the next columns; nothing of them was left out. Details:</translation>
    </message>
    <message>
        <source>باز کردن فایل</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>باز کردن پوشه</source>
        <translation>Open the folder</translation>
    </message>
</context>
<context>
    <name>LongWork</name>
    <message>
        <source>لغو</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>در حال لغو…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>LostReasonsEditor</name>
    <message>
        <source>افزودن دلیل</source>
        <translation>Add reason</translation>
    </message>
    <message>
        <source>حذف دلیل</source>
        <translation>Remove reason</translation>
    </message>
    <message>
        <source>نام دلیل</source>
        <translation>Reason name</translation>
    </message>
    <message>
        <source>دلیل جدید</source>
        <translation>New reason</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;پرونده</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>خروج</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>ورود اطلاعات از اکسل…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>سابقهٔ ورود اطلاعات…</source>
        <translation>Import history…</translation>
    </message>
    <message>
        <source>خروجی اکسل</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>مخاطبان (با فیلتر فعلی)…</source>
        <translation>Contacts (as filtered)…</translation>
    </message>
    <message>
        <source>شرکت‌ها…</source>
        <translation>Companies…</translation>
    </message>
    <message>
        <source>معامله‌ها…</source>
        <translation>Deals…</translation>
    </message>
    <message>
        <source>فعالیت‌ها…</source>
        <translation>Activities…</translation>
    </message>
    <message>
        <source>&amp;ویرایش</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>مخاطب جدید</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>واگرد</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>انجام دوباره</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>جستجو</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>جستجوی همه‌جا…</source>
        <translation>Search everywhere…</translation>
    </message>
    <message>
        <source>&amp;برو به</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;راهنما</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>دربارهٔ برنامه</source>
        <translation>About</translation>
    </message>
    <message>
        <source>بدون همگام‌سازی</source>
        <translation>No sync</translation>
    </message>
    <message>
        <source>در حال انجام کار…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>مدیریت ارتباط با مشتری، نسخهٔ %1</source>
        <translation>CRM, version %1</translation>
    </message>
    <message>
        <source>برای دفترهای فروش کوچک، با یا بدون اینترنت.</source>
        <translation>For small sales offices, online or offline.</translation>
    </message>
    <message>
        <source>کاربر: انتخاب نشده</source>
        <translation>User: not chosen</translation>
    </message>
    <message>
        <source>کاربر: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <source>پایگاه داده: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>%1 مخاطب</source>
        <translation>%1 contacts</translation>
    </message>
    <message>
        <source>مدیریت ارتباط با مشتری — %1</source>
        <translation>CRM — %1</translation>
    </message>
    <message>
        <source>داشبورد</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>مخاطبان</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>شرکت‌ها</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>قیف فروش</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>فعالیت‌ها</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>کمپین‌ها</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>درخواست‌های خدمات</source>
        <translation>Service requests</translation>
    </message>
    <message>
        <source>گزارش‌ها</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>تنظیمات</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>تکراری‌ها</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>سطل زباله</source>
        <translation>Trash</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>ستون‌ها</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>بگویید هر ستون فایل در کدام فیلد وارد شود. پیش‌نمایش پایین صفحه ردیف‌ها را همان‌طور که ذخیره می‌شوند نشان می‌دهد.</source>
        <translation>Say which field each column of the file goes to. The preview below shows the rows as they will be stored.</translation>
    </message>
    <message>
        <source>ستون در فایل</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>نمونه مقدارها</source>
        <translation>Sample values</translation>
    </message>
    <message>
        <source>وارد شود به عنوان</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>این نگاشت برای فایل‌هایی با همین ستون‌ها به خاطر سپرده شود</source>
        <translation>Remember this mapping for files with these columns</translation>
    </message>
    <message>
        <source>پیش‌نمایش ردیف‌های اول:</source>
        <translation>Preview of the first rows:</translation>
    </message>
    <message>
        <source>این برگه شامل:</source>
        <translation>This sheet holds:</translation>
    </message>
    <message>
        <source>ردیف عنوان ستون‌ها پیدا نشد؛ ردیف نخست هم داده است. بگویید هر ستون چیست.</source>
        <translation>No header row was found; the first row is data too. Say what each column holds.</translation>
    </message>
    <message>
        <source>نگاشتی که دفعهٔ پیش برای همین ستون‌ها ذخیره کردید به کار رفت.</source>
        <translation>The mapping you saved last time for these columns is used.</translation>
    </message>
    <message>
        <source>ستون‌ها از روی سرستون‌ها و مقدارهایشان شناخته شدند؛ هر کدام را می‌توانید تغییر دهید.</source>
        <translation>Columns were recognised from their headers and values; you can change any of them.</translation>
    </message>
    <message>
        <source>«%1»</source>
        <translation>&apos;%1&apos;</translation>
    </message>
    <message>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <source>این ستون‌ها مقدار دارند ولی به هیچ فیلدی نمی‌روند و وارد نمی‌شوند: %1</source>
        <translation>These columns have values but go to no field, so they are not imported: %1</translation>
    </message>
    <message>
        <source>(بی‌سرستون) ستون %1</source>
        <translation>(no header) column %1</translation>
    </message>
    <message>
        <source>— انتخاب نشده —</source>
        <translation>— not chosen —</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>برای ادغام دست‌کم دو مخاطب موجود لازم است.</source>
        <translation>Merging needs at least two existing contacts.</translation>
    </message>
    <message>
        <source>برای هر فیلد مقداری را که می‌ماند انتخاب کنید. مخاطب ماندگار شناسه و سابقه‌اش را نگه می‌دارد و بقیه در آن ادغام می‌شوند.</source>
        <translation>Choose the value to keep for each field. The surviving contact keeps its id and history; the others are merged into it.</translation>
    </message>
    <message>
        <source>مخاطب ماندگار</source>
        <translation>Surviving contact</translation>
    </message>
    <message>
        <source>همه کنار هم</source>
        <translation>All of them together</translation>
    </message>
    <message>
        <source>یادداشت‌های متفاوت همه نگه داشته می‌شوند</source>
        <translation>Differing notes are all kept</translation>
    </message>
    <message>
        <source>ندارد</source>
        <translation>None</translation>
    </message>
    <message>
        <source>تلفن‌ها: %1</source>
        <translation>Phones: %1</translation>
    </message>
    <message>
        <source>ایمیل‌ها: %1</source>
        <translation>Emails: %1</translation>
    </message>
    <message>
        <source>برچسب‌ها: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>معامله‌ها، فعالیت‌ها، خریدها و درخواست‌های خدمات %1 مخاطب دیگر به «%2» منتقل می‌شوند و آن مخاطبان کنار گذاشته می‌شوند (با واگرد برمی‌گردند).</source>
        <translation>Deals, activities, purchases and service requests of the %1 other contacts move to “%2”, and those contacts are set aside (Undo brings them back).</translation>
    </message>
    <message>
        <source>ادغام %1 مخاطب</source>
        <translation>Merge %1 contacts</translation>
    </message>
    <message>
        <source>%1 مخاطب در «%2» ادغام شد.</source>
        <translation>%1 contacts merged into “%2”.</translation>
    </message>
    <message>
        <source>ادغام مخاطبان</source>
        <translation>Merge contacts</translation>
    </message>
</context>
<context>
    <name>MergeView</name>
    <message>
        <source>ادغام مخاطبان تکراری</source>
        <translation>Merge duplicate contacts</translation>
    </message>
    <message>
        <source>ادغام</source>
        <translation>Merge</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>واگرد</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>برگرداندن همین کار (Ctrl+Z)</source>
        <translation>Take this back (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>PipelinePage</name>
    <message>
        <source>کانبان</source>
        <translation>Kanban</translation>
    </message>
    <message>
        <source>فهرست</source>
        <translation>List</translation>
    </message>
    <message>
        <source>پیش‌بینی فروش</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <source>باز: %1، وزنی %2</source>
        <translation>Open: %1, weighted %2</translation>
    </message>
    <message>
        <source>جابه‌جایی معامله</source>
        <translation>Move deal</translation>
    </message>
    <message>
        <source>«%1» به «%2» رفت.</source>
        <translation>“%1” moved to “%2”.</translation>
    </message>
    <message>
        <source>جابه‌جایی انجام نشد</source>
        <translation>The deal was not moved</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>این بخش در نسخه‌ای آینده از برنامه اضافه می‌شود.</source>
        <translation>This section comes in a later version of the application.</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>خطا</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>هشدار</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>ReminderBar</name>
    <message>
        <source>انجام شد…</source>
        <translation>Done…</translation>
    </message>
    <message>
        <source>۱۰ دقیقهٔ دیگر</source>
        <translation>In 10 minutes</translation>
    </message>
    <message>
        <source>بستن</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>یادآوری: «%1»</source>
        <translation>Reminder: “%1”</translation>
    </message>
    <message>
        <source>(%1 یادآوری دیگر)</source>
        <translation>(%1 more)</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>درخواستی بی مخاطب؟ موضوع را بنویسید؛ برای مخاطب، از پنجرهٔ او</source>
        <translation>A request from nobody in particular? Type its subject; for a contact, use their window</translation>
    </message>
</context>
<context>
    <name>RequestsView</name>
    <message>
        <source>درخواست جدید: موضوع را بنویسید و Enter</source>
        <translation>New request: type its subject and press Enter</translation>
    </message>
    <message>
        <source>فقط باز</source>
        <translation>Open only</translation>
    </message>
    <message>
        <source>موضوع</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>مخاطب</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>اولویت</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ثبت</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>نخستین پاسخ پس از</source>
        <translation>First response after</translation>
    </message>
    <message>
        <source>حل پس از</source>
        <translation>Resolved after</translation>
    </message>
    <message>
        <source>پاسخ داده شد</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>حل شد</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>بسته شد</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>باز کردن دوباره</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>باز</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>در دست کار</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>حل‌شده</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>بسته</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>%1 دقیقه</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 ساعت</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 روز</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>ثبت درخواست</source>
        <translation>Open request</translation>
    </message>
    <message>
        <source>تغییر وضعیت درخواست</source>
        <translation>Change a request&apos;s status</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>ورود داده انجام شد</source>
        <translation>Import done</translation>
    </message>
    <message>
        <source>ردیف</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>ساخته شد</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>تکمیل شد</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>تکراری</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>وارد نشد</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>خطا</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>هشدار</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>ذخیرهٔ ردیف‌های مشکل‌دار در فایل اکسل…</source>
        <translation>Save the problem rows as an Excel file…</translation>
    </message>
    <message>
        <source>واگرد این ورود</source>
        <translation>Undo this import</translation>
    </message>
    <message>
        <source>داده‌های %1 وارد شد. با «واگرد» در منوی ویرایش یا دکمهٔ زیر برمی‌گردد.</source>
        <translation>%1 was imported. Edit &gt; Undo or the button below takes it back.</translation>
    </message>
    <message>
        <source>همهٔ ردیف‌های %1 از قبل بودند؛ چیزی تغییر نکرد.</source>
        <translation>Every row of %1 was already there; nothing changed.</translation>
    </message>
    <message>
        <source>انجام دوبارهٔ این ورود</source>
        <translation>Redo this import</translation>
    </message>
    <message>
        <source>%1 - ردیف‌های مشکل‌دار.xlsx</source>
        <translation>%1 - problem rows.xlsx</translation>
    </message>
    <message>
        <source>ذخیرهٔ ردیف‌های مشکل‌دار</source>
        <translation>Save the problem rows</translation>
    </message>
    <message>
        <source>کارپوشهٔ اکسل (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>در حال ذخیرهٔ %1…</source>
        <translation>Saving %1…</translation>
    </message>
    <message>
        <source>%1 ردیف مشکل‌دار در %2 ذخیره شد.</source>
        <translation>%1 problem rows saved to %2.</translation>
    </message>
</context>
<context>
    <name>SegmentActions</name>
    <message>
        <source>تغییر نام…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>حذف فهرست</source>
        <translation>Delete saved filter</translation>
    </message>
    <message>
        <source>تغییر نام فهرست ذخیره‌شده</source>
        <translation>Rename saved filter</translation>
    </message>
    <message>
        <source>نام جدید:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <source>تغییر نام فهرست «%1»</source>
        <translation>Rename saved filter “%1”</translation>
    </message>
    <message>
        <source>حذف فهرست «%1»</source>
        <translation>Delete saved filter “%1”</translation>
    </message>
    <message>
        <source>فهرست «%1» حذف شد.</source>
        <translation>Saved filter “%1” deleted.</translation>
    </message>
    <message>
        <source>خطا</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>SendMessageDialog</name>
    <message>
        <source>ارسال پیام</source>
        <translation>Send message</translation>
    </message>
    <message>
        <source>باز کردن در برنامهٔ ایمیل</source>
        <translation>Open in the email program</translation>
    </message>
    <message>
        <source>کپی متن</source>
        <translation>Copy text</translation>
    </message>
    <message>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>قالب</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>برای</source>
        <translation>To</translation>
    </message>
    <message>
        <source>موضوع</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>متن</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>%1 مخاطب</source>
        <translation>%1 contacts</translation>
    </message>
    <message>
        <source>پیش از فرستادن پر کنید: %1</source>
        <translation>Fill in before sending: %1</translation>
    </message>
    <message>
        <source>پیام برای %1 مخاطب در فعالیت‌ها ثبت شد.</source>
        <translation>The message to %1 contacts is logged in their activities.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>تنظیمات</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>مثلاً دفتر فروش تهران</source>
        <translation>e.g. Tehran sales office</translation>
    </message>
    <message>
        <source>روزهای تعطیل در تقویم‌ها رنگی می‌شوند و در شمارش روزهای کاری به حساب نمی‌آیند.</source>
        <translation>Days off are coloured in every calendar and left out when working days are counted.</translation>
    </message>
    <message>
        <source>شماره تلفنی که در فایلی که وارد می‌کنید بی کد کشور آمده است، شمارهٔ این کشور خوانده می‌شود (مگر ستون کشورِ همان ردیف کشور دیگری بگوید).</source>
        <translation>A phone number without its country code in a file you import is read as a number of this country (unless the row&apos;s country column names another).</translation>
    </message>
    <message>
        <source>دفتر</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>نام دفتر:</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <source>روزهای تعطیل:</source>
        <translation>Days off:</translation>
    </message>
    <message>
        <source>کشور:</source>
        <translation>Country:</translation>
    </message>
    <message>
        <source>واحد پول:</source>
        <translation>Money unit:</translation>
    </message>
    <message>
        <source>سرنخ‌های جدید:</source>
        <translation>New leads:</translation>
    </message>
    <message>
        <source>قالب‌های پیام</source>
        <translation>Message templates</translation>
    </message>
    <message>
        <source>خط‌های فروش و مرحله‌ها</source>
        <translation>Pipelines and stages</translation>
    </message>
    <message>
        <source>مسئول را خودمان انتخاب می‌کنیم</source>
        <translation>We choose the owner ourselves</translation>
    </message>
    <message>
        <source>به نوبت میان کارشناسان فروش</source>
        <translation>In turn among the sales reps</translation>
    </message>
    <message>
        <source>این رایانه</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>کاربر این رایانه:</source>
        <translation>User of this computer:</translation>
    </message>
    <message>
        <source>دلیل‌های از دست رفتن معامله:</source>
        <translation>Reasons a deal is lost for:</translation>
    </message>
    <message>
        <source>ریال</source>
        <translation>rials</translation>
    </message>
    <message>
        <source>تومان</source>
        <translation>tomans</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>انتخاب برگه</source>
        <translation>Choose a sheet</translation>
    </message>
    <message>
        <source>این فایل چند برگه دارد؛ برگه‌ای را که باید وارد شود انتخاب کنید.</source>
        <translation>This file has several sheets; choose the one to import.</translation>
    </message>
    <message>
        <source>در حال خواندن برگهٔ «%1»…</source>
        <translation>Reading sheet “%1”…</translation>
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
        <translation>weighted %1 (%2)</translation>
    </message>
</context>
<context>
    <name>StagesEditor</name>
    <message>
        <source>خط فروش جدید…</source>
        <translation>New pipeline…</translation>
    </message>
    <message>
        <source>مرحله</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>احتمال (درصد)</source>
        <translation>Probability (%)</translation>
    </message>
    <message>
        <source>نتیجه</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>معامله‌ها</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>افزودن مرحله</source>
        <translation>Add stage</translation>
    </message>
    <message>
        <source>بالا</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>پایین</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>حذف مرحله</source>
        <translation>Remove stage</translation>
    </message>
    <message>
        <source>باز</source>
        <translation>open</translation>
    </message>
    <message>
        <source>برنده</source>
        <translation>won</translation>
    </message>
    <message>
        <source>از دست رفته</source>
        <translation>lost</translation>
    </message>
    <message>
        <source>نام مرحله</source>
        <translation>Stage name</translation>
    </message>
    <message>
        <source>احتمال مرحله</source>
        <translation>Stage probability</translation>
    </message>
    <message>
        <source>نتیجهٔ مرحله</source>
        <translation>Stage outcome</translation>
    </message>
    <message>
        <source>مرحلهٔ جدید</source>
        <translation>New stage</translation>
    </message>
    <message>
        <source>ترتیب مرحله‌ها</source>
        <translation>Stage order</translation>
    </message>
    <message>
        <source>معامله‌های «%1» به کدام مرحله بروند؟</source>
        <translation>Which stage do the deals of “%1” go to?</translation>
    </message>
    <message>
        <source>خط فروش جدید</source>
        <translation>New pipeline</translation>
    </message>
    <message>
        <source>نام خط فروش:</source>
        <translation>Pipeline name:</translation>
    </message>
</context>
<context>
    <name>StartupChecks</name>
    <message>
        <source>پایگاه داده باز نشد</source>
        <translation>The database could not be opened</translation>
    </message>
    <message>
        <source>پایگاه داده</source>
        <translation>Database</translation>
    </message>
</context>
<context>
    <name>TemplatesEditor</name>
    <message>
        <source>ایمیل</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>پیامک</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>نامه</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>جای‌نگه‌دارها: {نام}، {نام_خانوادگی}، {نام_کامل}، {شرکت}، {شرکت_ما}، {کارشناس}، {تاریخ}، {تاریخ_تولد}</source>
        <translation>Placeholders: {first_name}, {last_name}, {full_name}, {company}, {our_company}, {rep}, {today}, {birth_date} (or their Persian names)</translation>
    </message>
    <message>
        <source>قالب جدید</source>
        <translation>New template</translation>
    </message>
    <message>
        <source>ذخیرهٔ قالب</source>
        <translation>Save template</translation>
    </message>
    <message>
        <source>حذف قالب</source>
        <translation>Remove template</translation>
    </message>
    <message>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>نوع</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>موضوع</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>متن</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>ذخیرهٔ قالب پیام</source>
        <translation>Save message template</translation>
    </message>
    <message>
        <source>حذف قالب پیام</source>
        <translation>Remove message template</translation>
    </message>
</context>
<context>
    <name>TrashModel</name>
    <message>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>شرکت</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>تلفن</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>ایمیل</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>زمان حذف</source>
        <translation>Deleted at</translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <source>بازگردانی %1 مخاطب</source>
        <translation>Restore %1 contacts</translation>
    </message>
    <message>
        <source>%1 مخاطب بازگردانده شد.</source>
        <translation>%1 contacts restored.</translation>
    </message>
    <message>
        <source>سطل زباله</source>
        <translation>Trash</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>سطل زباله</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>بازگردانی</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>%1 مخاطب در سطل زباله</source>
        <translation>%1 contacts in the trash</translation>
    </message>
    <message>
        <source>سطل زباله خالی است</source>
        <translation>The trash is empty</translation>
    </message>
    <message>
        <source>%1 انتخاب‌شده</source>
        <translation>%1 selected</translation>
    </message>
</context>
<context>
    <name>ValidatedLineEdit</name>
    <message>
        <source>کپی</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>تماس</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>ارسال ایمیل</source>
        <translation>Send email</translation>
    </message>
    <message>
        <source>باز کردن در مرورگر</source>
        <translation>Open in browser</translation>
    </message>
    <message>
        <source>کپی یا باز کردن</source>
        <translation>Copy or open</translation>
    </message>
    <message>
        <source>بالاتر</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>پایین‌تر</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>حذف</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>ValueListEdit</name>
    <message>
        <source>افزودن تلفن</source>
        <translation>Add phone</translation>
    </message>
    <message>
        <source>افزودن ایمیل</source>
        <translation>Add email</translation>
    </message>
</context>
<context>
    <name>ValueNames</name>
    <message>
        <source>سرنخ</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>مشتری بالقوه</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <source>مشتری</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>غیرفعال</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>تلفن</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>پیامک</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>ایمیل</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>واتساپ</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>تلگرام</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>اینستاگرام</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <source>حضوری</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>پست</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>کم</source>
        <translation>low</translation>
    </message>
    <message>
        <source>عادی</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>زیاد</source>
        <translation>high</translation>
    </message>
    <message>
        <source>فوری</source>
        <translation>urgent</translation>
    </message>
    <message>
        <source>فروش</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>سرنخ جدید</source>
        <translation>New lead</translation>
    </message>
    <message>
        <source>تماس اولیه</source>
        <translation>First contact</translation>
    </message>
    <message>
        <source>نیازسنجی</source>
        <translation>Needs analysis</translation>
    </message>
    <message>
        <source>ارسال پیش‌فاکتور</source>
        <translation>Quote sent</translation>
    </message>
    <message>
        <source>مذاکره</source>
        <translation>Negotiation</translation>
    </message>
    <message>
        <source>برنده</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>از دست رفته</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>قیمت بالا</source>
        <translation>Price too high</translation>
    </message>
    <message>
        <source>انتخاب رقیب</source>
        <translation>Chose a competitor</translation>
    </message>
    <message>
        <source>نبود بودجه</source>
        <translation>No budget</translation>
    </message>
    <message>
        <source>عدم پاسخ‌گویی مشتری</source>
        <translation>Customer stopped answering</translation>
    </message>
    <message>
        <source>نیاز مشتری برطرف شد</source>
        <translation>Need went away</translation>
    </message>
    <message>
        <source>زمان نامناسب خرید</source>
        <translation>Wrong time to buy</translation>
    </message>
    <message>
        <source>سایر</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>جستجوی اینترنتی</source>
        <translation>Web search</translation>
    </message>
    <message>
        <source>تبلیغات اینترنتی</source>
        <translation>Online ads</translation>
    </message>
    <message>
        <source>شبکه‌های اجتماعی</source>
        <translation>Social media</translation>
    </message>
    <message>
        <source>معرفی مشتریان</source>
        <translation>Customer referral</translation>
    </message>
    <message>
        <source>مراجعهٔ حضوری</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>نمایشگاه و رویداد</source>
        <translation>Trade show or event</translation>
    </message>
    <message>
        <source>تماس تلفنی</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>وب‌سایت</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>جلسه</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>یادداشت</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>کار</source>
        <translation>Task</translation>
    </message>
</context>
</TS>
