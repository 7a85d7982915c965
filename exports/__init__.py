"""What is made after the pages, from the built site, by either builder (`python -m exports`):
short-link pages (shortlinks.py), PDFs (pdf_exports.py: which PDFs, written; pdf_documents.py: built pages to documents, rendered) and the offline zip (offline.py).
It imports the content and the site map (kennisbank), never the renderers (macros)."""
