"""The main window's shell: the window, navigation, status notices, first run,
settings, global search, start-up checks, the bug report and selfcheck.
"""
