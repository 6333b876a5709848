"""The coordinator's main window: four views, menus, toolbar and status bar."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QPoint, Qt, QTimer, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QTabWidget,
    QToolBar,
    QUndoView,
    QWidget,
)

from exporters import exporter_for, file_filter
from importers.import_plan import ImportPlan
from models.entities import Submission
from models.export_warnings import export_warnings
from models.db.paths import default_database_path
from resources import program_version
from ui import hotkeys
from ui.actions import guarded, make_action
from ui.activities_panel import ActivitiesPanel
from ui.calendar.view import CalendarView
from ui.checklist_view import ChecklistView
from ui.context import AppContext
from ui.notice_editor import NoticeEditor
from ui.stack_action import StackAction
from ui.status_bar import StatusLine

VIEWS = ("table", "calendar", "checklist", "notice")


class MainWindow(QMainWindow):
    """Holds the views and wires every action to them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc = ctx.document
        self.setObjectName("mainWindow")
        self.activities = ActivitiesPanel(ctx, self)
        self.calendar = CalendarView(ctx, self)
        self.checklist = ChecklistView(ctx, self)
        self.notice = NoticeEditor(ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.view_names = [self.tr("活动安排"), self.tr("活动日历"), self.tr("报送清单"),
                           self.tr("通知文件")]
        for view, name in zip((self.activities, self.calendar, self.checklist, self.notice),
                              self.view_names, strict=True):
            self.tabs.addTab(view, name)
        self.setCentralWidget(self.tabs)
        self.calendar.day_opened.connect(self._show_day)
        self.calendar.activity_opened.connect(self._show_activity)
        self._build_menus()
        self._build_status_bar()
        self._links: list[tuple[SignalInstance, Callable[..., object]]] = []
        self._follow(self.doc.campaign_changed, self._update_title)
        self._follow(self.doc.write_failed, self._after_failed_write)
        self._follow(self.doc.resynced, self._after_failed_undo)
        self._follow(ctx.undo_stack.indexChanged, self._update_saved_state)
        self.notice.pending_changed.connect(self._update_saved_state)
        for action in (self.undo_action, self.redo_action):
            self._follow(ctx.undo_stack.indexChanged, action.update_from_stack)
            self._follow(ctx.undo_stack.cleanChanged, action.update_from_stack)
        self._update_title()
        self._restore_state()
        self.setAcceptDrops(True)

    # -- menus -----------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], object], keys: hotkeys.Keys = ()
                ) -> QAction:
        """A window action (text already translated) whose failures become a message."""
        return make_action(self, self.ctx.dialogs, text, slot, keys)

    def _build_menus(self) -> None:
        """File, edit, view, campaign and help menus, and the toolbar."""
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.export_notice_action = self._action(
            self.tr("导出通知（Word）…"), lambda: self.export("notice", "docx"),
            hotkeys.EXPORT_NOTICE)
        self.export_appendix_action = self._action(
            self.tr("导出附件汇总表（Word）…"), lambda: self.export("appendix", "docx"),
            hotkeys.EXPORT_APPENDIX)
        self.export_xlsx_action = self._action(
            self.tr("导出附件汇总表（Excel）…"), lambda: self.export("appendix", "xlsx"))
        self.export_pdf_action = self._action(
            self.tr("导出附件汇总表（PDF）…"), lambda: self.export("appendix", "pdf"))
        self.export_ics_action = self._action(
            self.tr("导出活动日历（.ics）…"), lambda: self.export("calendar", "ics"))
        self.export_checklist_action = self._action(
            self.tr("导出报送清单（Excel）…"), lambda: self.export("checklist", "xlsx"))
        self.export_schedule_action = self._action(
            self.tr("导出活动日程表（Word）…"), lambda: self.export("schedule", "docx"))
        self.export_schedule_pdf_action = self._action(
            self.tr("导出活动日程表（PDF）…"), lambda: self.export("schedule", "pdf"))
        self.export_summaries_action = self._action(
            self.tr("导出活动总结汇编（Word）…"), lambda: self.export("summaries", "docx"))
        self.export_summaries_pdf_action = self._action(
            self.tr("导出活动总结汇编（PDF）…"), lambda: self.export("summaries", "pdf"))
        self.template_action = self._action(self.tr("生成单位填报模板…"), self.write_template)
        self.import_action = self._action(self.tr("导入单位返回的活动安排表（Excel/Word）…"),
                                          self.import_workbook, hotkeys.IMPORT_WORKBOOK)
        self.preview_action = self._action(self.tr("打印预览…"), self.print_preview)
        self.print_action = self._action(self.tr("打印…"), self.print_appendix, hotkeys.PRINT)
        self.schedule_preview_action = self._action(self.tr("活动日程表打印预览…"),
                                                    self.preview_schedule)
        self.restore_action = self._action(self.tr("恢复备份…"), self.restore_backup)
        self.quit_action = self._action(self.tr("退出"), self.close, hotkeys.QUIT)
        for action in (self.export_notice_action, self.export_appendix_action,
                       self.export_xlsx_action, self.export_pdf_action,
                       self.export_schedule_action, self.export_schedule_pdf_action,
                       self.export_ics_action, self.export_checklist_action,
                       self.export_summaries_action, self.export_summaries_pdf_action, None,
                       self.template_action, self.import_action, None, self.preview_action,
                       self.print_action, self.schedule_preview_action, None,
                       self.restore_action, None, self.quit_action):
            file_menu.addAction(action) if action else file_menu.addSeparator()

        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        self.undo_action = self._stack_action(self.tr("撤销"), self.tr("撤销“{0}”"), undo=True)
        self.undo_action.setShortcuts(hotkeys.sequences(hotkeys.UNDO))
        self.redo_action = self._stack_action(self.tr("重做"), self.tr("重做“{0}”"), undo=False)
        self.redo_action.setShortcuts(hotkeys.sequences(hotkeys.REDO))
        self.history_action = self._action(self.tr("撤销历史…"), self.show_history,
                                           hotkeys.HISTORY)
        edit_menu.addActions([self.undo_action, self.redo_action, self.history_action])
        edit_menu.addSeparator()
        panel = self.activities
        edit_menu.addActions([panel.add_action, panel.add_row_action, panel.duplicate_action,
                              panel.delete_action, panel.move_up_action, panel.move_down_action,
                              panel.confirm_action])
        edit_menu.addSeparator()
        edit_menu.addAction(panel.find_action)

        view_menu = bar.addMenu(self.tr("视图(&V)"))
        for index in range(self.tabs.count()):
            action = self._action(self.view_names[index],
                                  lambda i=index: self.tabs.setCurrentIndex(i),
                                  hotkeys.VIEWS[index])
            view_menu.addAction(action)

        submissions_menu = bar.addMenu(self.tr("报送(&S)"))
        checklist = self.checklist
        submissions_menu.addActions([checklist.mark_received_action,
                                     checklist.copy_reminder_action, checklist.add_item_action])
        submissions_menu.addSeparator()
        submissions_menu.addActions([checklist.receive_file_action, checklist.open_file_action,
                                     checklist.versions_action, checklist.save_file_action])
        submissions_menu.addSeparator()
        submissions_menu.addAction(checklist.clean_action)
        campaign_menu = bar.addMenu(self.tr("年度(&Y)"))
        campaign_menu.addAction(self.notice.new_campaign_action)
        self.years_menu = campaign_menu.addMenu(self.tr("切换年度"))
        self.years_menu.aboutToShow.connect(self._fill_years_menu)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self._action(self.tr("关于"), self.show_about))

        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([panel.add_action, panel.delete_action])
        toolbar.addSeparator()
        toolbar.addActions([self.export_notice_action, self.export_appendix_action,
                            self.export_xlsx_action, self.import_action])
        toolbar.addSeparator()
        toolbar.addAction(self.checklist.mark_received_action)
        self.addToolBar(toolbar)

    def _stack_action(self, plain: str, named: str, undo: bool) -> StackAction:
        """Undo or redo that first saves what is typed but not applied (a toolbar click
        takes no focus, so the editors would not commit by themselves)."""
        return StackAction(self.ctx.undo_stack, plain, named, undo, self.commit_pending, self)

    def _follow(self, signal: SignalInstance, slot: Callable[..., object]) -> None:
        """Connect to a signal of the stack or the document, to be cut again on close."""
        signal.connect(slot)
        self._links.append((signal, slot))

    def detach(self) -> None:
        """Stop listening to the undo stack and the document (they may outlive the window)."""
        while self._links:
            signal, slot = self._links.pop()
            signal.disconnect(slot)

    def _build_status_bar(self) -> None:
        """The year in use, what opening the database had to tell, the database path and the
        saved state."""
        self.status = StatusLine(self.ctx, self.statusBar(), self._database_text())
        self.path_label, self.saved_label = self.status.path_label, self.status.saved_label
        self.note_label = self.status.note_label
        self._update_saved_state()

    def _database_text(self) -> str:
        """Where the open database lives, for the status bar and the about box."""
        path = self.ctx.store.path
        return self.tr("数据库：{0}").format(path if path else self.tr("（内存）"))

    def show_notes(self, notes: list[str]) -> None:
        """What opening the database had to tell (a backup taken after a crash …), kept in
        the status bar for the session (a menu's tips would clear a passing message)."""
        text = "　".join(notes)
        self.note_label.setText(text)
        self.note_label.setToolTip(text)
        self.note_label.setVisible(bool(text))

    # -- state ---------------------------------------------------------------------

    def _fill_years_menu(self) -> None:
        """One entry per stored campaign, the open one checked."""
        self.years_menu.clear()
        for campaign in self.ctx.store.campaigns():
            action = self.years_menu.addAction(
                self.tr("{0}年（{1}）").format(campaign.year, campaign.theme))
            action.setCheckable(True)
            action.setChecked(campaign.id == self.doc.campaign.id)
            action.triggered.connect(lambda _=False, cid=campaign.id: self.switch_campaign(cid))

    def switch_campaign(self, campaign_id: int) -> None:
        """Open another year's campaign; typing is saved first, the undo history starts anew."""
        if campaign_id == self.doc.campaign.id:
            return
        self.commit_pending()
        self.ctx.editor.switch_campaign(campaign_id)

    def _update_title(self) -> None:
        """The year in use in the title, the tabs and the status bar."""
        campaign = self.doc.campaign
        self.setWindowTitle(self.tr("{0}年“5·20世界计量日”活动管理 — {1}").format(
            campaign.year, campaign.theme))
        for index, name in enumerate(self.view_names):
            self.tabs.setTabText(index, self.tr("{0} · {1}年").format(name, campaign.year))
        self.status.show_year()

    def _update_saved_state(self) -> None:
        """Every change is written as it is made; say so (unless a notice edit waits)."""
        self.status.show_saved(bool(self.notice.pending_fields()))

    def _restore_state(self) -> None:
        """Geometry, toolbar, splitter and column state from the last session."""
        settings = self.ctx.settings
        geometry = settings.window_state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 860)
        state = settings.window_state("state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.window_state("splitter")
        if splitter is not None:
            self.activities.splitter.restoreState(splitter)
        header = settings.window_state("columns")
        if header is not None:
            self.activities.table.horizontalHeader().restoreState(header)
        if settings.get("last_view") in VIEWS:
            self.show_view(settings.get("last_view"))

    def save_state(self) -> None:
        """Remember geometry and layout."""
        settings = self.ctx.settings
        settings.set_window_state("geometry", self.saveGeometry())
        settings.set_window_state("state", self.saveState())
        settings.set_window_state("splitter", self.activities.splitter.saveState())
        settings.set_window_state("columns",
                                  self.activities.table.horizontalHeader().saveState())
        settings.set("last_view", VIEWS[self.tabs.currentIndex()])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save pending typing and the layout; notice edits that cannot be saved are asked about."""
        if not self.commit_pending() and not self.ctx.dialogs.confirm(
                self.tr("通知有错误"),
                self.tr("通知文件中有未能保存的修改（存在错误）。\n"
                        "仍要退出并放弃这些修改吗？选“否”回到通知文件修改。")):
            self.show_view("notice")
            event.ignore()
            return
        self.save_state()
        self.detach()
        super().closeEvent(event)

    def _after_failed_write(self, message: str) -> None:
        """A change could not be saved: say so."""
        self.ctx.dialogs.error(self.tr("保存失败"), message)

    def _after_failed_undo(self, message: str) -> None:
        """An undo could not be saved: the window shows the database; history starts afresh."""
        QTimer.singleShot(0, self.ctx.editor.restart_history)
        self.ctx.dialogs.error(self.tr("撤销失败"), self.tr(
            "{0}\n已重新载入数据库中的内容；撤销历史已清空。").format(message))

    def commit_pending(self) -> bool:
        """Save whatever is typed but not yet applied; False when the notice form has errors."""
        self.activities.commit_pending()
        return self.notice.commit_pending()

    def show_view(self, name: str) -> None:
        """Bring one of the views to the front."""
        self.tabs.setCurrentIndex(VIEWS.index(name))

    # -- cross-view navigation ----------------------------------------------------------

    def _show_day(self, day: object) -> None:
        """Filter the table to the activities of a clicked day."""
        if isinstance(day, QDate):
            day = day.toPython()
        assert isinstance(day, date)
        self.activities.filter_day(day)
        self.tabs.setCurrentWidget(self.activities)

    def _show_activity(self, activity_id: int) -> None:
        """Select a clicked activity in the table."""
        self.tabs.setCurrentWidget(self.activities)
        self.activities.select_activity(activity_id)

    # -- file actions --------------------------------------------------------------

    def _suggested(self, name: str) -> Path:
        """A suggested output path in the last used folder."""
        folder = self.ctx.settings.get("last_export_dir") or str(Path.home())
        return Path(folder) / name

    def export(self, what: str, fmt: str) -> Path | None:
        """Ask for a path and write one export (the summaries' book from the files kept)."""
        entry = exporter_for(what, fmt)
        if entry.source == "book" and fmt == "pdf":
            from exporters.docx_summaries import check_pdf_possible
            check_pdf_possible()  # before asking where: it needs LibreOffice
        path = self.ctx.dialogs.save_path(
            self.tr("导出"), self._suggested(entry.default_name(self.doc.campaign)),
            entry.file_filter)
        if path is None:
            return None
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        if not self.commit_pending() and what == "notice":
            self.ctx.dialogs.info(self.tr("导出"), self.tr(
                "通知文件中有错误的修改尚未保存；导出的是最后一次保存的通知。"))
        source = self.ctx.editor.summary_book(self.ctx.today()) if entry.source == "book" \
            else self.doc.data
        notes = entry.write(source, path)
        if notes:
            self.ctx.dialogs.info(self.tr("导出"), self.tr("已导出：{0}\n\n{1}").format(
                path, "\n".join(notes)))
        self.ctx.settings.set("last_export_dir", str(path.parent))
        self.statusBar().showMessage(self.tr("已导出：{0}").format(path), 8000)
        warnings = export_warnings(self.doc.data)
        if warnings:
            self.ctx.dialogs.info(self.tr("已导出，请注意"), "\n\n".join(
                [self.tr("已导出：{0}").format(path), *warnings]))
        return path

    def write_template(self) -> None:
        """Write the current unit's Excel template (or every district's)."""
        from exporters.xlsx_template import write_templates
        unit = self.doc.unit(self.activities.unit_box.currentData())
        name = unit.short_name if unit else self.tr("全部区局")
        path = self.ctx.dialogs.save_path(self.tr("生成填报模板"),
                                          self._suggested(f"{name}.xlsx"), file_filter("xlsx"))
        if path is None:
            return
        if unit is None:
            written = write_templates(self.doc.data, path.with_suffix(""), unit=None, every=True)
        else:
            written = write_templates(self.doc.data, path, unit=unit.name, every=False)
        self.ctx.dialogs.info(self.tr("生成填报模板"),
                              self.tr("已生成 {0} 个文件：\n{1}").format(
                                  len(written), "\n".join(str(p) for p in written)))

    def import_workbook(self) -> None:
        """Check a returned workbook, show the findings, and apply it as one undoable step."""
        from ui.import_dialog import import_filter, run_import
        path = self.ctx.dialogs.open_path(self.tr("导入单位返回的活动安排表"),
                                          self._suggested(""), import_filter())
        if path is not None:
            run_import(self.ctx, path, self)

    # -- dropped files ----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        """Files may be dropped anywhere on the window."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        """Keep accepting files while they move over the window."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """Route each dropped file; a summary on a checklist row goes to that row's unit."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        row = self._checklist_row_at(event.position().toPoint())
        guarded(self.ctx.dialogs, self.tr("拖入文件"), lambda: self.take_files(paths, row))

    def _checklist_row_at(self, point: QPoint) -> Submission | None:
        """The checklist item under a point of the window, when the checklist is showing."""
        if self.tabs.currentWidget() is not self.checklist:
            return None
        viewport = self.checklist.table.viewport()
        local = viewport.mapFrom(self, point)
        return self.checklist.row_at(local) if viewport.rect().contains(local) else None

    def take_files(self, paths: list[Path], row: Submission | None,
                   review: Callable[[ImportPlan, QWidget | None], bool] | None = None) -> str:
        """Send dropped files where they belong and show one report of all of them."""
        from ui.drop_router import route_dropped
        from ui.import_dialog import review_with_dialog
        report = route_dropped(self.ctx, paths, row, self, review or review_with_dialog)
        self.ctx.dialogs.info(self.tr("拖入文件"), report)
        return report

    def print_preview(self) -> None:
        """Preview the attachment table as it will print."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from exporters.pdf_appendix import make_printer, print_appendix
        printer = make_printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda p: print_appendix(self.doc.data, p))
        dialog.exec()

    def preview_schedule(self) -> None:
        """Preview the day-by-day campaign schedule as it will print."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from exporters.pdf_appendix import make_printer
        from exporters.pdf_schedule import print_schedule
        printer = make_printer()          # the dialog does not own it: keep it alive
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda p: print_schedule(self.doc.data, p))
        dialog.exec()

    def print_appendix(self) -> None:
        """Print the attachment table."""
        from PySide6.QtPrintSupport import QPrintDialog

        from exporters.pdf_appendix import make_printer, print_appendix
        printer = make_printer()
        if QPrintDialog(printer, self).exec():
            print_appendix(self.doc.data, printer)

    def restore_backup(self) -> None:
        """Put back one of the database's backups."""
        from ui.backup_dialog import restore_from_backup
        restore_from_backup(self.ctx, self)

    def show_history(self) -> None:
        """The undo history as a list; clicking an entry goes back to it."""
        view = QUndoView(self.ctx.undo_stack)
        view.setWindowTitle(self.tr("撤销历史"))
        view.setEmptyLabel(self.tr("<打开时的状态>"))
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.setParent(self, Qt.WindowType.Tool)
        view.resize(360, 420)
        view.show()

    def show_about(self) -> None:
        """What this program is, its version, and where its data lives."""
        self.ctx.dialogs.about(self.tr("关于"), "\n".join((
            self.tr("“5·20世界计量日”系列宣传活动管理"),
            self.tr("版本 {0}").format(program_version()),
            self.tr("上海市市场监督管理局计量处"),
            self.tr("离线运行，数据保存在本机。"),
            "",
            self._database_text(),
            self.tr("数据目录：{0}").format(default_database_path().parent),
            "",
            *self._licence_lines(),
        )))

    def _licence_lines(self) -> list[str]:
        """The program's licence, the third-party software it contains, where the texts are."""
        from resources.licences import about_lines, notices_location
        return [self.tr("本程序以 MIT 许可证发布。所含第三方软件（Qt 与 PySide6 以 LGPL-3.0 "
                        "许可使用，可替换其库文件）："),
                "、".join(about_lines()),
                self.tr("许可证全文：{0}").format(notices_location())]
