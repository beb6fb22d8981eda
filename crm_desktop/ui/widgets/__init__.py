"""What every workspace shares: the context and change hub, commands and background
work, the paged list, record windows, the history view, and the input widgets.
"""
