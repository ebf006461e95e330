"""Serving an uploaded file: the one way every view answers with a stored file.

Uploaded files live under MEDIA_ROOT, which no URL serves; a view resolves the
object through its scope check first and then calls ``serve_file``. The name
the browser sees is chosen by the portal (``bukti-12.pdf``), never the one the
uploader gave, and a file missing from disk (a restore without media, a
manual clean-up) answers 404 instead of a server error.
"""

from __future__ import annotations

import mimetypes
from pathlib import PurePosixPath

from django.http import FileResponse, Http404


def extension(fieldfile) -> str:
    """The stored file's extension (chosen by the upload pipeline from the content)."""
    return PurePosixPath(fieldfile.name or "").suffix.lower()


def serve_file(
    fieldfile, download_name: str, *, attachment: bool = False, public: bool = False
) -> FileResponse:
    """Answer with a stored file; ``download_name`` is without extension."""
    if not fieldfile:
        raise Http404
    try:
        handle = fieldfile.open("rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        raise Http404 from exc
    filename = f"{download_name}{extension(fieldfile)}"
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(
        handle, content_type=content_type, as_attachment=attachment, filename=filename
    )
    response["Cache-Control"] = f"{'public' if public else 'private'}, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
