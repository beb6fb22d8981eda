<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fa">
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
        <source>شرکت جدید «%1»</source>
        <translation>New company “%1”</translation>
    </message>
    <message>
        <source>ویرایش شرکت «%1»</source>
        <translation>Edit company “%1”</translation>
    </message>
</context>
<context>
    <name>CompanyTableModel</name>
    <message>
        <source>نام شرکت</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>صنعت</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>شهر</source>
        <translation>City</translation>
    </message>
    <message>
        <source>تلفن</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>افراد</source>
        <translation>People</translation>
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
        <source>انتقال به سطل بازیافت</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <source>بدون مسئول</source>
        <translation>No owner</translation>
    </message>
    <message>
        <source>برچسب تازه…</source>
        <translation>New tag…</translation>
    </message>
    <message>
        <source>تغییر مسئول %1 مخاطب</source>
        <translation>Change owner of %1 contacts</translation>
    </message>
    <message>
        <source>تغییر وضعیت %1 مخاطب</source>
        <translation>Change lifecycle of %1 contacts</translation>
    </message>
    <message>
        <source>افزودن برچسب «%1» به %2 مخاطب</source>
        <translation>Add tag “%1” to %2 contacts</translation>
    </message>
    <message>
        <source>حذف برچسب «%1» از %2 مخاطب</source>
        <translation>Remove tag “%1” from %2 contacts</translation>
    </message>
    <message>
        <source>حذف %1 مخاطب</source>
        <translation>Delete %1 contacts</translation>
    </message>
    <message>
        <source>برچسب تازه</source>
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
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>—</source>
        <translation>—</translation>
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
        <source>نام یا نام خانوادگی را وارد کنید.</source>
        <translation>Enter a first or last name.</translation>
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
</context>
<context>
    <name>ContactEditorView</name>
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
    <name>ContactTableModel</name>
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
        <source>تلفن همراه</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>ایمیل</source>
        <translation>Email</translation>
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
        <source>مسئول</source>
        <translation>Owner</translation>
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
        <source>امتیاز سرنخ</source>
        <translation>Lead score</translation>
    </message>
    <message>
        <source>برچسب‌ها</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>تاریخ تولد</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>تاریخ ایجاد</source>
        <translation>Created</translation>
    </message>
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
</context>
<context>
    <name>ContactsController</name>
    <message>
        <source>ذخیرهٔ فهرست «%1»</source>
        <translation>Save list “%1”</translation>
    </message>
    <message>
        <source>مخاطبین</source>
        <translation>Contacts</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>مخاطبین</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>جستجو در نام، شرکت، تلفن، ایمیل…</source>
        <translation>Search name, company, phone, email…</translation>
    </message>
    <message>
        <source>فیلترها</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>مخاطب تازه</source>
        <translation>New contact</translation>
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
        <source>شخص تازه…</source>
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
        <source>نام شخص تازه:</source>
        <translation>New person&apos;s name:</translation>
    </message>
    <message>
        <source>نام دفتر:</source>
        <translation>Office name:</translation>
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
        <source>مخاطبین</source>
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
    <name>JalaliDateEdit</name>
    <message>
        <source>پاک کردن تاریخ</source>
        <translation>Clear date</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;پرونده</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>مخاطب تازه</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>خروج</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&amp;ویرایش</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>واگردانی</source>
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
        <source>مخاطبین</source>
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
    <name>MergeDialog</name>
    <message>
        <source>نام</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>نام خانوادگی</source>
        <translation>Last name</translation>
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
        <source>راه ارتباطی ترجیحی</source>
        <translation>Preferred channel</translation>
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
        <source>مسئول</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>امتیاز سرنخ</source>
        <translation>Lead score</translation>
    </message>
    <message>
        <source>یادداشت‌ها</source>
        <translation>Notes</translation>
    </message>
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
    <name>PlaceholderPage</name>
    <message>
        <source>این بخش در نسخه‌ای آینده از برنامه اضافه می‌شود.</source>
        <translation>This section comes in a later version of the application.</translation>
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
        <source>نام تازه:</source>
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
        <source>خطا</source>
        <translation>Error</translation>
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
</TS>
