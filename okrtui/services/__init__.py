"""What the app and the command line both do, with no Textual in it: the demo, remembered names,
exports and the personal settings. Each service speaks to a `Store`, never to its files.
"""
