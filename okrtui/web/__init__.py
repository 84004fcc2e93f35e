"""okrtui in a browser: `okrtui serve`, built on textual-serve, one app process per tab.

No Textual here: the server only starts app processes and passes bytes to and from them.
"""
