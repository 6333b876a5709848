"""The PDFs in the official layout (GB/T 9704): the text block's margins, and "— n —" 7 mm
under the text block, odd pages right and even pages left; on the attachment's landscape
pages at the same place of the sheet turned to portrait (left margin, reading downwards)."""
from __future__ import annotations

from pypdf import PdfReader

from exporters.pdf_appendix import export_appendix_pdf
from exporters.pdf_schedule import export_schedule_pdf

MM = 72 / 25.4


def placed_texts(path) -> list[list[tuple[str, float, float, bool]]]:
    """Per page: (text, x, y in points from the bottom left, drawn turned a quarter)."""
    pages = []
    for page in PdfReader(path).pages:
        found = []

        def visit(text, cm, tm, _font, _size, found=found):
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                found.append((text.replace("\t", " ").strip(), x, y, abs(cm[0]) < 1e-9))
        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def _number(texts, page):
    return next(t for t in texts if t[0].replace(" ", "") == f"—{page}—")


def test_attachment_pdf_has_the_official_margins_and_turned_page_numbers(campaign_data, tmp_path,
                                                                         qapp):
    path = tmp_path / "a.pdf"
    export_appendix_pdf(campaign_data, path)
    pages = placed_texts(path)
    assert len(pages) >= 2
    for number, texts in enumerate(pages, start=1):
        _text, x, y, turned = _number(texts, number)
        assert turned
        assert 18 * MM < x < 30 * MM                       # 7 mm left of the text block
        if number % 2:
            assert y < 60 * MM                             # odd: the sheet's right = page's foot
        else:
            assert y > 150 * MM
        body = [t for t in texts if not t[0].startswith("—")]
        assert min(t[1] for t in body) >= 35 * MM - 1      # left margin 35 mm
        assert max(t[2] for t in body) <= (210 - 28) * MM  # top margin 28 mm


def test_schedule_pdf_numbers_odd_pages_right_and_even_pages_left(campaign_data, tmp_path, qapp):
    path = tmp_path / "s.pdf"
    export_schedule_pdf(campaign_data, path)
    pages = placed_texts(path)
    assert len(pages) >= 2
    for number, texts in enumerate(pages[:4], start=1):
        _text, x, y, turned = _number(texts, number)
        assert not turned
        assert (35 - 7 - 7) * MM < y < (35 - 7) * MM      # 7 mm under the text block
        assert (x > 150 * MM) if number % 2 else (28 * MM < x < 40 * MM)
        body = [t for t in texts if not t[0].startswith("—")]
        assert min(t[2] for t in body) >= 35 * MM - 1


def test_the_notice_as_pdf_is_its_word_layout_through_libreoffice(campaign_data, tmp_path):
    import pytest

    from exporters.docx_notice import export_notice_pdf
    from models.received.soffice import find_soffice
    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    path = tmp_path / "n.pdf"
    export_notice_pdf(campaign_data, path)
    reader = PdfReader(path)
    assert len(reader.pages) >= 4
    first = reader.pages[0]
    assert round(float(first.mediabox.width)) == 595                  # A4 portrait
    assert campaign_data.campaign.doc_number in first.extract_text().replace(" ", "")


def test_without_libreoffice_the_notice_pdf_names_word_and_wps(campaign_data, tmp_path,
                                                               monkeypatch):
    import pytest

    from exporters.atomic import ExportError
    from exporters.docx_notice import export_notice_pdf
    from models.received import soffice
    monkeypatch.setattr(soffice, "find_soffice", lambda: None)
    path = tmp_path / "n.pdf"
    with pytest.raises(ExportError, match="WPS.*另存为 PDF"):
        export_notice_pdf(campaign_data, path)
    assert not path.exists()


def test_word_attachment_numbers_its_landscape_pages_in_the_left_margin(campaign_data,
                                                                        tmp_path):
    import pytest

    from exporters.docx_appendix import export_appendix
    from models.received.soffice import convert, find_soffice
    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "a.docx"
    export_appendix(campaign_data, source)
    pages = placed_texts(convert(source, "pdf", tmp_path))
    assert len(pages) >= 2
    for number, texts in enumerate(pages, start=1):
        margin = [t for t in texts if t[1] < 35 * MM - 1]      # left of the text block
        assert "".join(t[0] for t in margin).replace(" ", "").count("—") == 2, margin
        assert str(number) in "".join(t[0] for t in margin), margin
        ys = [y for _t, _x, y, _turned in margin]
        assert (max(ys) < 80 * MM) if number % 2 else (min(ys) > 130 * MM)
