"""The notice editor: every field of the campaign's notice as a validated, undoable form."""
from __future__ import annotations

import html
from dataclasses import fields
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFocusEvent, QTextCursor, QTextLayout
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.dates.workdays import is_workday, next_workday
from models.entities import CAMPAIGN_DATE_FIELDS, Campaign
from models.errors import StoreError
from models.notice_rules import OFF_DAY_FIELDS, Problem, headings, validate_campaign
from models.rollover import FIRST_YEAR, LAST_YEAR, CarryOver
from models.text import chinese_date, clean_text
from ui import hotkeys
from ui.actions import make_action
from ui.context import AppContext
from ui.date_box import DateBox
from ui.planning_bar import date_format

_TEXT_LINES = {"title": 3, "addressees": 2, "body": 0}   # multi-line fields; 0 = grows
_OPTIONAL_DATES = frozenset(f.name for f in fields(Campaign)
                            if f.name in CAMPAIGN_DATE_FIELDS and f.default is None)
_FIRST_DAY = QDate(FIRST_YEAR, 1, 1)
_LAST_DAY = QDate(LAST_YEAR, 12, 31)
_ERROR_COLOR = "#c62828"
_WARNING_COLOR = "#a15c00"
_OUTLINE_WIDTH = 300
_EditorWidget = QLineEdit | QPlainTextEdit | QDateEdit


class _PlainTextEdit(QPlainTextEdit):
    """A plain-text box that, like QLineEdit, says when the user leaves it."""

    editingFinished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.editingFinished.emit()


def _read(widget: _EditorWidget) -> object:
    """The value a field editor holds, as the Campaign field wants it."""
    if isinstance(widget, QDateEdit):
        empty = bool(widget.specialValueText()) and widget.date() == widget.minimumDate()
        return None if empty else widget.date().toPython()
    if isinstance(widget, QPlainTextEdit):
        return clean_text(widget.toPlainText())
    return clean_text(widget.text().strip())


def _write(widget: _EditorWidget, value: object) -> None:
    """Show a value in a field editor (untouched if it already shows it)."""
    if _read(widget) == value:
        return
    if isinstance(widget, QDateEdit):
        widget.setDate(QDate(value) if value else widget.minimumDate())
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value))
    else:
        widget.setText(str(value))


def _text_height(widget: QPlainTextEdit, lines: int) -> int:
    """The height that shows some lines of Chinese text in a plain-text box."""
    layout = QTextLayout("国", widget.font())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1000)
    line_height = line.height()      # the CJK fallback font's, taller than the UI font's
    layout.endLayout()
    margins = widget.document().documentMargin() * 2 + widget.frameWidth() * 2
    return int(line_height * lines + margins) + 2


def _problem_html(problems: list[Problem]) -> str:
    """Problems as red (error) or amber (warning) lines."""
    return "<br>".join(
        f'<span style="color:{_ERROR_COLOR if p.is_error else _WARNING_COLOR}">'
        f"{html.escape(p.message)}</span>" for p in problems)


class NewCampaignDialog(QDialog):
    """Asks which year to create and what to carry over from the open one."""

    def __init__(self, default_year: int, source_year: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("从上一年新建活动"))
        self.year = QSpinBox(self)
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(default_year)
        self.carry_notice = QCheckBox(self.tr("通知正文（标题、主题、正文、附件名称，年份改为新年度）"),
                                      self)
        self.carry_notice.setChecked(True)
        self.carry_submissions = QCheckBox(
            self.tr("报送单位及其报送事项（全部重置为“未报送”，截止日期顺延）"), self)
        self.carry_submissions.setChecked(True)
        self.carry_activities = QCheckBox(
            self.tr("{0} 年的活动安排（标为“上年”，修改或确认前导出时会提示）").format(source_year),
            self)
        note = QLabel(self.tr("发文机关、主送机关、落款、联系人和各日期总会带到新年度（日期顺延一年），"
                              "发文字号留待编号。"), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("新年度"), self.year)
        form.addRow(QLabel(self.tr("从 {0} 年带过去：").format(source_year), self))
        form.addRow(self.carry_notice)
        form.addRow(self.carry_submissions)
        form.addRow(self.carry_activities)
        form.addRow(note)
        form.addRow(buttons)

    def values(self) -> tuple[int, CarryOver]:
        """The chosen year and what to carry over."""
        return self.year.value(), CarryOver(self.carry_notice.isChecked(),
                                            self.carry_submissions.isChecked(),
                                            self.carry_activities.isChecked())


class NoticeEditor(QWidget):
    """The notice's fields as a form.

    A change is applied when its field loses focus or on 应用 (Ctrl+S): all fields that
    differ from the stored campaign go into ONE EditCampaignCommand on ctx.undo_stack.
    While the form has errors nothing is saved; warnings do not block. Undo and redo
    come back through doc.campaign_changed and update only the fields they changed.
    """

    pending_changed = Signal()  # the form now holds (or no longer holds) unapplied edits

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc = ctx.document
        self.editors: dict[str, _EditorWidget] = {}
        self.problem_labels: dict[str, QLabel] = {}
        self.current_problems: list[Problem] = []
        self._shown: Campaign | None = None
        self._loading = False
        self._build_actions()
        self._build_layout()
        self.doc.campaign_changed.connect(self._on_campaign_changed)
        self._load(self.doc.campaign)

    # -- building ------------------------------------------------------------------

    def labels(self) -> dict[str, str]:
        """The user's name of every notice field."""
        return {
            "issuer_mark": self.tr("发文机关标志"), "issuer": self.tr("发文机关"),
            "doc_number": self.tr("发文字号"), "title": self.tr("标题"),
            "addressees": self.tr("主送机关"), "year": self.tr("年度"),
            "theme": self.tr("活动主题"), "window": self.tr("活动时间"),
            "window_start": self.tr("活动开始日期"), "window_end": self.tr("活动结束日期"),
            "body": self.tr("正文"), "attachment_title": self.tr("附件名称"),
            "signature": self.tr("发文机关署名"), "issue_date": self.tr("成文日期"),
            "publication_note": self.tr("附注"), "print_office": self.tr("印发机关"),
            "print_date": self.tr("印发日期"), "contact_person": self.tr("联系人"),
            "contact_phone": self.tr("联系电话"), "contact_email": self.tr("电子邮箱"),
            "summary_due": self.tr("总结报送截止"), "plan_due": self.tr("活动安排报送截止"),
        }

    def _sections(self) -> list[tuple[str, list[str]]]:
        """Form rows grouped in the order the notice prints them."""
        return [
            (self.tr("版头"), ["issuer_mark", "issuer", "doc_number"]),
            (self.tr("标题与主送"), ["title", "addressees"]),
            (self.tr("活动"), ["year", "theme", "window"]),
            (self.tr("正文"), ["body"]),
            (self.tr("附件与落款"), ["attachment_title", "signature", "issue_date",
                                   "publication_note"]),
            (self.tr("版记"), ["print_office", "print_date"]),
            (self.tr("联系与报送"), ["contact_person", "contact_phone", "contact_email",
                                   "plan_due", "summary_due"]),
        ]

    def _build_actions(self) -> None:
        """应用, 还原 and 从上一年新建活动."""
        dialogs = self.ctx.dialogs
        self.apply_action = make_action(
            self, dialogs, self.tr("应用"), self.apply, hotkeys.APPLY_NOTICE,
            self.tr("保存通知的修改"), Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.revert_action = make_action(self, dialogs, self.tr("还原"), self.revert,
                                         tip=self.tr("放弃尚未保存的修改"))
        self.new_campaign_action = make_action(
            self, dialogs, self.tr("从上一年新建活动…"), self.new_campaign_from_last_year,
            tip=self.tr("复制本年度的通知到新年度，日期顺延，报送情况重置"))
        self.addActions([self.apply_action, self.revert_action])

    def _build_layout(self) -> None:
        """A bar with the actions and status over the scrolling form."""
        bar = QHBoxLayout()
        for action in (self.apply_action, self.revert_action, self.new_campaign_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            bar.addWidget(button)
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        bar.addWidget(self.status_label, 1)
        form_host = QWidget(self)
        column = QVBoxLayout(form_host)
        labels = self.labels()
        for title, rows in self._sections():
            box = QGroupBox(title, form_host)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name in rows:
                form.addRow(labels[name], self._row(name, box))
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

    def _row(self, name: str, parent: QWidget) -> QWidget:
        """One form row: the editor(s) with a problem line under them."""
        row = QWidget(parent)
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self._row_content(name, row))
        problems = QLabel(row)
        problems.setTextFormat(Qt.TextFormat.RichText)
        problems.setWordWrap(True)
        problems.hide()
        problems.linkActivated.connect(self._follow_link)
        column.addWidget(problems)
        for field in ("window_start", "window_end") if name == "window" else (name,):
            self.problem_labels[field] = problems
        return row

    def _row_content(self, name: str, row: QWidget) -> QWidget:
        """The editing part of a row."""
        if name == "year":
            self.year_label = QLabel(row)
            self.year_label.setToolTip(self.tr("年度不能修改；新年度请用“从上一年新建活动”"))
            return self.year_label
        if name == "window":
            return self._window_row(row)
        if name == "body":
            return self._body_row(row)
        return self._editor(name, row)

    def _editor(self, name: str, parent: QWidget) -> _EditorWidget:
        """The editor of one Campaign field, wired to validation and apply-on-leave."""
        if name in CAMPAIGN_DATE_FIELDS:
            widget: _EditorWidget = self._date_edit(name in _OPTIONAL_DATES, parent)
            widget.dateChanged.connect(self._on_edited)
        elif name in _TEXT_LINES:
            widget = _PlainTextEdit(parent)
            widget.setTabChangesFocus(True)
            lines = _TEXT_LINES[name]
            if lines:
                widget.setFixedHeight(_text_height(widget, lines))
            widget.textChanged.connect(self._on_edited)
        else:
            widget = QLineEdit(parent)
            widget.textChanged.connect(self._on_edited)
        widget.setObjectName(name)
        widget.editingFinished.connect(self.commit_pending)
        self.editors[name] = widget
        return widget

    def _date_edit(self, optional: bool, parent: QWidget) -> QDateEdit:
        """A date box with a calendar; an optional one shows 未填写 at its minimum."""
        widget = DateBox(parent)
        widget.setCalendarPopup(True)
        widget.setDisplayFormat(date_format())
        widget.setDateRange(_FIRST_DAY, _LAST_DAY)
        if optional:
            widget.setSpecialValueText(self.tr("未填写"))
        widget.setMinimumWidth(150)
        widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return widget

    def _window_row(self, row: QWidget) -> QWidget:
        """Start and end of the campaign window side by side."""
        box = QWidget(row)
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self._editor("window_start", box))
        line.addWidget(QLabel(self.tr("至"), box))
        line.addWidget(self._editor("window_end", box))
        line.addStretch(1)
        return box

    def _body_row(self, row: QWidget) -> QWidget:
        """The body text with the outline of its numbered headings beside it."""
        box = QWidget(row)
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        body = self._editor("body", box)
        body.setMinimumHeight(420)
        body.textChanged.connect(self._refresh_outline)
        line.addWidget(body, 1)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("提纲"), box))
        self.outline = QListWidget(box)
        self.outline.setFixedWidth(_OUTLINE_WIDTH)
        self.outline.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.outline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outline.itemActivated.connect(self._go_to_heading)
        self.outline.itemClicked.connect(self._go_to_heading)
        side.addWidget(self.outline, 1)
        line.addLayout(side)
        return box

    # -- showing ---------------------------------------------------------------------------

    def _load(self, campaign: Campaign, names: list[str] | None = None) -> None:
        """Show a campaign's values (only the named fields, when given)."""
        self._loading = True
        try:
            for name, widget in self.editors.items():
                if names is None or name in names:
                    _write(widget, getattr(campaign, name))
            self.year_label.setText(str(campaign.year))
        finally:
            self._loading = False
        self._shown = campaign
        self._refresh_outline()
        self._refresh()

    def _on_campaign_changed(self) -> None:
        """Follow undo, redo and campaign switches, keeping untouched pending edits."""
        new, shown = self.doc.campaign, self._shown
        if shown is None or new.id != shown.id:
            self._load(new)
        else:
            self._load(new, [n for n in self.editors if getattr(new, n) != getattr(shown, n)])

    def _on_edited(self) -> None:
        """Re-check the form as the user types."""
        if not self._loading:
            self._refresh()

    def _refresh(self) -> None:
        """Problems under their fields, the status line and the actions' state."""
        self.current_problems = validate_campaign(self.form_campaign())
        by_label: dict[QLabel, list[Problem]] = {label: [] for label in self.problem_labels.values()}
        for problem in self.current_problems:
            by_label[self.problem_labels[problem.field]].append(problem)
        for label, problems in by_label.items():
            label.setText(_problem_html(problems) + self._next_workday_links(problems))
            label.setVisible(bool(problems))
        pending = self.pending_fields()
        self.apply_action.setEnabled(bool(pending))
        self.revert_action.setEnabled(bool(pending))
        self.status_label.setText(self._status_text(pending))
        self.pending_changed.emit()

    def _next_workday_links(self, problems: list[Problem]) -> str:
        """For a deadline on a day off: a link that moves it to the next working day."""
        links = []
        for name in dict.fromkeys(p.field for p in problems if p.field in OFF_DAY_FIELDS):
            day = _read(self.editors[name])
            if isinstance(day, date) and not is_workday(day):
                text = self.tr("改为{0}").format(chinese_date(next_workday(day), translated=True))
                links.append(f'<a href="workday:{name}">{html.escape(text)}</a>')
        return "".join("<br>" + link for link in links)

    def _follow_link(self, link: str) -> None:
        """A problem line's link: move a deadline to the next working day (applied on 应用)."""
        kind, _, name = link.partition(":")
        day = _read(self.editors[name]) if kind == "workday" and name in self.editors else None
        if isinstance(day, date):
            _write(self.editors[name], next_workday(day))
            self._refresh()

    def _status_text(self, pending: list[str]) -> str:
        """One line saying whether the notice is saved and how many problems it has."""
        labels = self.labels()
        errors = [p for p in self.current_problems if p.is_error]
        warnings = len(self.current_problems) - len(errors)
        if errors:
            names = "、".join(dict.fromkeys(labels[p.field] for p in errors))
            text = self.tr("有 {0} 处错误（{1}），改正后才能保存").format(len(errors), names)
            return f'<span style="color:{_ERROR_COLOR}">{html.escape(text)}</span>'
        text = (self.tr("未保存的修改：{0}").format("、".join(labels[n] for n in pending))
                if pending else self.tr("通知已保存"))
        if warnings:
            text += self.tr("（{0} 条提示）").format(warnings)
        return html.escape(text)

    def _refresh_outline(self) -> None:
        """List the body's numbered headings, indented by level."""
        self.outline.clear()
        for index, level, text in headings(_read(self.editors["body"])):
            item = QListWidgetItem("\u3000" * (level - 1) + text, self.outline)
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setToolTip(text)

    def _go_to_heading(self, item: QListWidgetItem) -> None:
        """Put the body's cursor on a heading picked in the outline."""
        body = self.editors["body"]
        block = body.document().findBlockByNumber(item.data(Qt.ItemDataRole.UserRole))
        body.setTextCursor(QTextCursor(block))
        body.centerCursor()

    # -- reading the form ---------------------------------------------------------------

    def form_campaign(self) -> Campaign:
        """The stored campaign with the form's values in it."""
        return self.doc.campaign.with_changes(
            **{name: _read(widget) for name, widget in self.editors.items()})

    def pending_fields(self) -> list[str]:
        """Fields whose shown value differs from the stored one."""
        stored = self.doc.campaign
        return [name for name, widget in self.editors.items()
                if _read(widget) != getattr(stored, name)]

    def outline_texts(self) -> list[str]:
        """The outline as shown, for tests and the screenshot check."""
        return [self.outline.item(i).text() for i in range(self.outline.count())]

    # -- applying ---------------------------------------------------------------------------

    def apply(self) -> bool:
        """Save the form as one undoable edit; errors are reported and nothing is saved."""
        return self._apply(report=True)

    def commit_pending(self) -> bool:
        """Save the form quietly if it can be (on leaving a field, before quitting)."""
        return self._apply(report=False)

    def _apply(self, report: bool) -> bool:
        """Save all pending fields as one undoable step, unless the form has errors."""
        pending = self.pending_fields()
        if not pending:
            return True
        labels = self.labels()
        label = self.tr("修改通知：{0}").format("、".join(labels[n] for n in pending))
        try:
            errors = self.ctx.editor.edit_campaign(self.form_campaign(), label)
        except StoreError as exc:
            self.ctx.dialogs.error(self.tr("通知未保存"), str(exc))
            return False
        if errors and report:
            lines = "\n".join(f"· {p.message}" for p in errors)
            self.ctx.dialogs.error(self.tr("通知未保存"),
                                   self.tr("请先改正以下错误：\n{0}").format(lines))
        return not errors

    def settle(self, doing: str) -> bool:
        """Before quitting, switching the year or leaving the notice: unapplied edits are
        applied, discarded or kept for more editing, as the user says. Whether to go on."""
        pending = self.pending_fields()
        if not pending:
            return True
        labels = self.labels()
        answer = self.ctx.dialogs.choose(
            self.tr("通知有未应用的修改"),
            self.tr("通知文件中有未应用的修改：{0}。\n{1}之前，应用还是放弃这些修改？").format(
                "、".join(labels[name] for name in pending), doing),
            [self.tr("应用"), self.tr("放弃"), self.tr("取消")])
        if answer == 1:
            self.revert()
            return True
        return answer == 0 and self.apply()

    def revert(self) -> None:
        """Throw away unsaved edits and show the stored campaign again."""
        self._load(self.doc.campaign)

    # -- new campaign ---------------------------------------------------------------------

    def ask_new_campaign(self, default_year: int) -> tuple[int, CarryOver] | None:
        """Ask for the new year and what to carry over; None if cancelled."""
        dialog = NewCampaignDialog(default_year, self.doc.campaign.year, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()

    def new_campaign_from_last_year(self) -> Campaign | None:
        """Create next year's campaign from the open one and switch to it.

        The new year gets an undo history of its own; the open year keeps its history for
        when it is opened again.
        """
        if not self.settle(self.tr("新建年度")):
            return None
        source = self.doc.campaign
        answer = self.ask_new_campaign(source.year + 1)
        if answer is None:
            return None
        year, carry = answer
        try:
            new = self.ctx.editor.new_campaign_from_last_year(year, carry)
        except StoreError as exc:
            self.ctx.dialogs.error(self.tr("无法新建活动"), str(exc))
            return None
        self.ctx.dialogs.info(self.tr("已新建活动"), self.tr(
            "已从 {0} 年复制通知，新建 {1} 年活动。请核对活动主题、正文，"
            "并在印发前填写发文字号的序号。").format(source.year, year))
        return new
