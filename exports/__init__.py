"""Exports of the built site: the PDF handbooks and handouts (see pdf.py and hook.py)."""
