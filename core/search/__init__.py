"""The site's search machinery, shared by every app's search: query parsing (`query`), one full-text
match per search (`matching`), highlighted passages (`highlight`) and editors' picks (`promotions`)."""
