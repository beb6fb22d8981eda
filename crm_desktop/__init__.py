"""crm_desktop: an offline-first desktop CRM for small Persian-speaking sales teams."""

__version__ = "0.1.0"
