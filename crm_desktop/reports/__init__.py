"""Reports: weekly report data to PDF and XLSX (a later issue)."""
