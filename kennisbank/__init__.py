"""The content and the site's shape, with no builder in sight: the validated data (``model``), the
site map (``sitemap``: every path, address, anchor and export name) and the glossary's Markdown
extension. MkDocs' macros, Zensical's macros, the post-build step and the tests all import it."""
