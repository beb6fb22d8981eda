from crm_desktop.cli import run

run()
