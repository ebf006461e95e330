"""Test helper: the text of a PDF as pdftotext (poppler) reads it."""

import re
import subprocess


def pdf_text(pdf: bytes) -> str:
    """Layout-preserving text of every page, whitespace runs collapsed."""
    result = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    )
    return re.sub(r"[ \t]+", " ", result.stdout.decode("utf-8"))


def pdf_pages(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    return int(re.search(rb"Pages:\s+(\d+)", info.stdout)[1])
