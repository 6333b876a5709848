"""The whole notice (红头文件) from a campaign record, in the GB/T 9704-2012 layout."""
from __future__ import annotations

from pathlib import Path

from exporters import docx_xml as dx
from exporters.atomic import write_atomically
from exporters.column_widths import text_em
from exporters.docx_appendix import append_attachment
from exporters.docx_draft import WordDraft
from exporters.docx_package import finish_package
from exporters.docx_template import new_document
from exporters.output_checks import check_docx
from models.entities import Campaign, CampaignData
from models.notice_rules import heading_level
from models.text import chinese_date

BODY_PT = 16
CHAR = 315                           # twips: one 3号 character with −0.25 pt spacing
CHAR_SPACING = -5                    # twentieths of a point: 28 characters fill a line
BANJI_PT = 14
BANJI_CHAR = BANJI_PT * 20
MARK_MAX_PT = 36
TITLE_PT = 22
MARK_TOP_MM = 36.2                   # measured: the glyphs' top then lies 35 mm down [7.2.4]
RED_LINE_SPACE_PT = 7                # measured: the red line then lies 4 mm under 发文字号 [7.2.7]
TITLE_LINE = 700

HEADING_FONTS: dict[int, str] = {0: dx.FANGSONG, 1: dx.HEITI, 2: dx.KAITI, 3: dx.FANGSONG,
                                 4: dx.FANGSONG}


def body_rpr(font: str = dx.FANGSONG, size_pt: float = BODY_PT, **extra: object) -> str:
    """Run properties of body text: 3号, −0.25 pt so 28 characters fill a line."""
    return dx.rpr_xml(font, size_pt, spacing=CHAR_SPACING, **extra)


def blank_lines(count: int, *, keep_next: bool = False) -> list[str]:
    """Empty body lines, as the standard counts its spaces."""
    return [f"<w:p>{dx.ppr_xml(keep_next=keep_next)}</w:p>"] * count


def body_paragraph(line: str, keep_next: bool = False) -> str:
    """One body line, indented two characters; a 一、/（一） heading sentence in its own font.

    Headings keep with the paragraph after them, so none ends a page.
    """
    level = heading_level(line) or 0
    ppr = dx.ppr_xml(align="both", first_line=2 * CHAR, keep_next=keep_next or level > 0)
    font = HEADING_FONTS[level]
    if level in (1, 2) and "。" in line.rstrip("。"):
        head, rest = line.split("。", 1)
        return dx.mixed_paragraph_xml([(head + "。", body_rpr(font)), (rest, body_rpr())], ppr)
    return dx.paragraph_xml(line, body_rpr(font), ppr)


def header_block(campaign: Campaign) -> list[str]:
    """发文机关标志 in red 小标宋 fitted to the width, 发文字号 and the red line under it."""
    mark = campaign.issuer_mark
    width_pt = dx.TEXT_WIDTH_MM * dx.TWIPS_PER_MM / 20
    size = min(MARK_MAX_PT, int(width_pt / max(text_em(mark), 1) - 1))
    line = round(size * 20 * 1.25)
    mark_xml = dx.paragraph_xml(
        mark, dx.rpr_xml(dx.XIAOBIAOSONG, size, color=dx.RED),
        dx.ppr_xml(align="center", line=line, before=dx.mm_to_twips(MARK_TOP_MM) - line // 5))
    red_line = dx.border_xml("bottom", 18, dx.RED, space=RED_LINE_SPACE_PT)
    number_xml = dx.paragraph_xml(campaign.doc_number, body_rpr(),
                                  dx.ppr_xml(align="center", border=red_line))
    return [mark_xml, *blank_lines(2), number_xml, *blank_lines(2)]


def title_block(campaign: Campaign) -> list[str]:
    """The title in 2号 小标宋, centred, its lines as stored; then the 主送机关."""
    title = dx.paragraph_xml(campaign.title, dx.rpr_xml(dx.XIAOBIAOSONG, TITLE_PT),
                             dx.ppr_xml(align="center", line=TITLE_LINE))
    addressees = dx.paragraph_xml(campaign.addressees + "：", body_rpr(),
                                  dx.ppr_xml(align="both"))
    return [title, *blank_lines(1), addressees]


def body_block(campaign: Campaign) -> list[str]:
    """The body, a paragraph per stored line, headings recognised from their numbering.

    The last paragraph keeps with the closing block: the page with the issuer and date
    always carries body text too (GB/T 9704 7.3.5).
    """
    lines = [line for line in campaign.body.split("\n") if line.strip()]
    return [body_paragraph(line, keep_next=index == len(lines) - 1)
            for index, line in enumerate(lines)]


def closing_block(campaign: Campaign) -> list[str]:
    """附件说明, issuer centred over the 成文日期 (right-indented four characters), 附注.

    附件说明 to date are kept on one page so the signature never stands alone.
    """
    label = "附件："
    attachment = dx.paragraph_xml(
        label + campaign.attachment_title, body_rpr(),
        dx.ppr_xml(align="both", left=2 * CHAR + len(label) * CHAR,
                   first_line=-len(label) * CHAR, keep_next=True))
    note = [dx.paragraph_xml(campaign.publication_note, body_rpr(),
                             dx.ppr_xml(first_line=2 * CHAR))] if campaign.publication_note else []
    return [*blank_lines(1, keep_next=True), attachment, *blank_lines(3, keep_next=True),
            *signature_block(campaign.signature, chinese_date(campaign.issue_date)),
            *note]


def signature_block(signature: str, issued: str) -> list[str]:
    """The issuer centred over the date, the date right-indented four characters [7.3.5]."""
    date_right = 4 * CHAR
    centre_shift = (text_em(issued) - text_em(signature)) / 2
    signature_right = max(0, round(date_right + centre_shift * CHAR))
    signature_xml = dx.paragraph_xml(signature, body_rpr(),
                                     dx.ppr_xml(align="right", right=signature_right,
                                                keep_next=True))
    issued_xml = dx.paragraph_xml(issued, body_rpr(), dx.ppr_xml(align="right", right=date_right))
    return [signature_xml, issued_xml]


def banji_block(campaign: Campaign) -> list[str]:
    """The 版记 at the foot of its page: thick lines above and below the 印发 line."""
    width = dx.text_width_twips(landscape=False)
    borders = (dx.border_xml("top", 8, space=1) + dx.border_xml("bottom", 8, space=1))
    line = dx.paragraph_xml(
        f"\t{campaign.print_office}\t{chinese_date(campaign.print_date)}印发",
        dx.rpr_xml(dx.FANGSONG, BANJI_PT),
        dx.ppr_xml(border=borders, tabs=[("left", BANJI_CHAR), ("right", width - BANJI_CHAR)]))
    spacer = dx.text_height_twips(landscape=False) - dx.BODY_LINE - 160
    return [f"<w:p>{dx.ppr_xml(line=spacer)}</w:p>", line]


def notice_document(data: CampaignData) -> WordDraft:
    """The notice, its attachment on landscape pages and the 版记 page."""
    campaign = data.campaign
    draft = WordDraft(new_document())
    document = draft.document
    dx.prepare_document(document)
    first = document.sections[0]
    dx.set_geometry(first, landscape=False)
    dx.set_page_number_footers(first)
    draft.append(header_block(campaign) + title_block(campaign)
                 + body_block(campaign) + closing_block(campaign))
    dx.set_turned_page_number_footers(dx.add_section(document, landscape=True))
    append_attachment(draft, data)
    last = dx.add_section(document, landscape=False, even_page=True)
    dx.set_blank_footers(last)
    draft.append(banji_block(campaign))
    finish_package(document, campaign.title.replace("\n", ""), campaign.issuer)
    return draft


def export_notice(data: CampaignData, path: Path | str) -> None:
    """Write the filled notice as a .docx, whole or not at all."""
    write_atomically(path, notice_document(data).to_bytes(), check_docx)


def export_notice_pdf(data: CampaignData, path: Path | str) -> None:
    """Write the filled notice as PDF through LibreOffice (its Word layout, page for page);
    without LibreOffice a message says to save the Word file as PDF in Word or WPS."""
    from exporters.pdf_office import check_pdf_possible, write_office_pdf
    check_pdf_possible()
    write_office_pdf(notice_document(data).to_bytes(), path)
