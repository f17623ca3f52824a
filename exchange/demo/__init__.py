"""Demo content of the Exchange: the founding dialogue, its cities and their practices.

`content` holds the facts as plain data; `loader` turns them into pages and snippets.
"""
