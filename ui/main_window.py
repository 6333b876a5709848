"""The coordinator's main window: five views, menus, toolbar and status bar."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QPoint, Qt, QTimer, SignalInstance
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QWidget,
)

from exporters import ExportSources, exporter_for, file_filter
from importers.import_plan import ImportPlan
from models.db.paths import default_database_path
from models.db.places import refuse_protected
from models.entities import Submission
from resources import program_version
from ui import hotkeys
from ui.access_keys import give_access_keys
from ui.actions import guarded, make_action
from ui.activities_panel import ActivitiesPanel
from ui.calendar.view import CalendarView
from ui.checklist_view import ChecklistView
from ui.context import AppContext
from ui.export_menu import export_actions, save_title, toolbar_exports
from ui.guarded_tabs import GuardedTabBar
from ui.history_window import HistoryWindow
from ui.notice_editor import NoticeEditor
from ui.stack_action import StackAction
from ui.statistics_view import StatisticsView
from ui.status_bar import StatusLine
from ui.window_place import place, screen_key, screen_of

VIEWS = ("table", "calendar", "checklist", "notice", "statistics")


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
        self.statistics = StatisticsView(ctx, self)
        self.tabs = QTabWidget(self)
        tab_bar = GuardedTabBar(self.tabs)
        tab_bar.may_leave = self._may_leave_tab
        self.tabs.setTabBar(tab_bar)
        self.tabs.setDocumentMode(True)
        self.view_names = [self.tr("活动安排"), self.tr("活动日历"), self.tr("报送清单"),
                           self.tr("通知文件"), self.tr("统计")]
        for view, name in zip((self.activities, self.calendar, self.checklist, self.notice,
                               self.statistics), self.view_names, strict=True):
            self.tabs.addTab(view, name)
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(self._focus_view)
        self.calendar.day_opened.connect(self._show_day)
        self.calendar.activity_opened.connect(self._show_activity)
        self.history_window: HistoryWindow | None = None
        self._build_menus()
        self._build_status_bar()
        self._links: list[tuple[SignalInstance, Callable[..., object]]] = []
        self._follow(self.doc.campaign_changed, self._update_title)
        self._follow(self.doc.resynced, self._after_failed_undo)
        history = ctx.editor.undo_group  # its signals follow the open year's stack
        for signal in (history.indexChanged, history.activeStackChanged):
            self._follow(signal, self._update_saved_state)
        self.notice.pending_changed.connect(self._update_saved_state)
        for action in (self.undo_action, self.redo_action):
            for signal in (history.indexChanged, history.cleanChanged,
                           history.activeStackChanged):
                self._follow(signal, action.update_from_stack)
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
        self.export_actions = export_actions(self, self.ctx.dialogs, self.export)
        self.template_action = self._action(self.tr("生成单位填报模板…"), self.write_template)
        self.import_action = self._action(self.tr("导入单位返回的活动安排表（Excel/Word）…"),
                                          self.import_workbook, hotkeys.IMPORT_WORKBOOK)
        self.preview_action = self._action(self.tr("打印预览…"), self.print_preview)
        self.print_action = self._action(self.tr("打印…"), self.print_appendix, hotkeys.PRINT)
        self.schedule_preview_action = self._action(self.tr("活动日程表打印预览…"),
                                                    self.preview_schedule)
        self.restore_action = self._action(self.tr("恢复备份…"), self.restore_backup)
        self.quit_action = self._action(self.tr("退出"), self.close, hotkeys.QUIT)
        for action in (*self.export_actions.values(), None,
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
                                  lambda i=index: self.show_view(VIEWS[i]),
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
        submissions_menu.addSeparator()
        self.addressees_action = self._action(self.tr("报送单位…"), self.show_addressees)
        submissions_menu.addAction(self.addressees_action)
        campaign_menu = bar.addMenu(self.tr("年度(&Y)"))
        campaign_menu.addAction(self.notice.new_campaign_action)
        self.years_menu = campaign_menu.addMenu(self.tr("切换年度"))
        self.years_menu.aboutToShow.connect(self._fill_years_menu)
        campaign_menu.addSeparator()
        self.delete_years_menu = campaign_menu.addMenu(self.tr("删除年度"))
        self.delete_years_menu.aboutToShow.connect(self._fill_delete_years_menu)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self.shortcuts_action = self._action(self.tr("快捷键(&K)"), self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self._action(self.tr("关于"), self.show_about))

        for menu_action in bar.actions():
            give_access_keys(menu_action.menu(), (self.undo_action, self.redo_action))
        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        short = {self.undo_action: self.tr("撤销"), self.redo_action: self.tr("重做"),
                 panel.add_action: self.tr("新增"), panel.delete_action: self.tr("删除"),
                 self.import_action: self.tr("导入回表"),
                 self.checklist.mark_received_action: self.tr("标记已报送")}
        for action, text in short.items():  # fixed, short button texts: the bar fits and
            action.setIconText(text)         # stays put; the menus and tips say it in full
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([panel.add_action, panel.delete_action])
        toolbar.addSeparator()
        toolbar.addActions([*toolbar_exports(self.export_actions), self.import_action])
        toolbar.addSeparator()
        toolbar.addAction(self.checklist.mark_received_action)
        self.toolbar = toolbar
        self.addToolBar(toolbar)

    def _stack_action(self, plain: str, named: str, undo: bool) -> StackAction:
        """Undo or redo that first saves what is typed but not applied (a toolbar click
        takes no focus, so the editors would not commit by themselves)."""
        return StackAction(self.ctx.editor.undo_group, plain, named, undo, self.commit_pending,
                           self,
                           self.ctx.editor.redo,
                           lambda title, call: guarded(self.ctx.dialogs, title, call))

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
        give_access_keys(self.years_menu)

    def _fill_delete_years_menu(self) -> None:
        """One entry per stored campaign (none while only one is left)."""
        self.delete_years_menu.clear()
        campaigns = self.ctx.store.campaigns()
        for campaign in campaigns:
            action = self.delete_years_menu.addAction(self.tr("{0}年…").format(campaign.year))
            action.setEnabled(len(campaigns) > 1)
            action.triggered.connect(lambda _=False, cid=campaign.id: guarded(
                self.ctx.dialogs, self.tr("删除年度"), lambda: self.delete_year(cid)))
        give_access_keys(self.delete_years_menu)

    def delete_year(self, campaign_id: int) -> bool:
        """Delete a year after a confirmation naming what goes; a backup is taken first."""
        from models.year_removal import year_contents
        contents = year_contents(self.ctx.store, campaign_id)
        if not self.ctx.dialogs.confirm(self.tr("删除年度"), self.tr(
                "将删除{0}。\n删除前会先备份数据库（可用“文件 → 恢复备份”找回）；"
                "删除后不能撤销，撤销历史也将清空。继续吗？").format(contents.as_text())):
            return False
        self.activities.commit_pending()
        if not self.settle_notice(self.tr("删除年度")):
            return False
        backup = self.ctx.editor.delete_year(campaign_id)
        where = self.tr("备份：{0}").format(backup) if backup else ""
        self.ctx.dialogs.info(self.tr("删除年度"), "\n".join(
            [self.tr("已删除 {0} 年。").format(contents.year), where]).strip())
        return True

    def switch_campaign(self, campaign_id: int) -> None:
        """Open another year's campaign, with its own undo history; typing is saved first."""
        if campaign_id == self.doc.campaign.id:
            return
        self.activities.commit_pending()
        if self.settle_notice(self.tr("切换年度")):
            self.ctx.editor.switch_campaign(campaign_id)

    def _update_title(self) -> None:
        """The year in use in the title, the tabs and the status bar."""
        campaign = self.doc.campaign
        self.setWindowTitle(self.tr("{0}年“5·20世界计量日”活动管理 — {1}").format(
            campaign.year, campaign.theme))
        for index, name in enumerate(self.view_names):
            self.tabs.setTabText(index, self.tr("{0} · {1}年").format(name, campaign.year))
        if self.history_window is not None:
            self.history_window.show_year(campaign.year)
        self.status.show_year()

    def _update_saved_state(self) -> None:
        """Every change is written as it is made; say so (unless a notice edit waits)."""
        self.status.show_saved(bool(self.notice.pending_fields()))

    def _restore_state(self) -> None:
        """Geometry, toolbar, splitter and column state from the last session."""
        settings = self.ctx.settings
        place(self, settings.window_state(screen_key(screen_of(self))))
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
        settings.set_window_state(screen_key(screen_of(self)), self.saveGeometry())
        settings.set_window_state("state", self.saveState())
        settings.set_window_state("splitter", self.activities.splitter.saveState())
        settings.set_window_state("columns",
                                  self.activities.table.horizontalHeader().saveState())
        settings.set("last_view", VIEWS[self.tabs.currentIndex()])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save pending typing and the layout; unapplied notice edits are asked about."""
        self.activities.commit_pending()
        if not self.settle_notice(self.tr("退出")):
            event.ignore()
            return
        self.save_state()
        self.detach()
        super().closeEvent(event)

    def _after_failed_undo(self, message: str) -> None:
        """An undo could not be saved: the window shows the database; history starts afresh."""
        QTimer.singleShot(0, self.ctx.editor.restart_history)
        self.ctx.dialogs.error(self.tr("撤销失败"), self.tr(
            "{0}\n已重新载入数据库中的内容；撤销历史已清空。").format(message))

    def commit_pending(self) -> bool:
        """Save whatever is typed but not yet applied; False when the notice form has errors."""
        self.activities.commit_pending()
        return self.notice.commit_pending()

    def settle_notice(self, doing: str) -> bool:
        """Unapplied notice edits are applied, discarded or kept for more editing (the
        notice shown) before `doing`; whether to go on."""
        if self.notice.settle(doing):
            return True
        self.tabs.setCurrentWidget(self.notice)
        return False

    def _focus_view(self, _index: int) -> None:
        """Where typing belongs on each tab: the tables and the calendar, never a date box
        that stray keys would change (the notice keeps its own focus)."""
        target = {self.activities: self.activities.table, self.calendar: self.calendar.canvas,
                  self.checklist: self.checklist.table}.get(self.tabs.currentWidget())
        if target is not None:
            target.setFocus()

    def _may_leave_tab(self, index: int) -> bool:
        """Leaving the notice tab with unapplied edits asks first."""
        if self.tabs.currentWidget() is not self.notice or index == self.tabs.currentIndex():
            return True
        return self.settle_notice(self.tr("离开通知文件"))

    def show_view(self, name: str) -> bool:
        """Bring one of the views to the front (asked first when leaving an unapplied notice
        edit); whether it is in front now."""
        index = VIEWS.index(name)
        if not self._may_leave_tab(index):
            return False
        self.tabs.setCurrentIndex(index)
        return True

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
        entry.check_ready()  # before asking where: LibreOffice, say
        title = save_title(entry)
        issued = self._report_date(title) if what == "report" else None
        if what == "report" and issued is None:
            return None
        path = self.ctx.dialogs.save_path(
            title, self._suggested(entry.default_name(self.doc.campaign)), entry.file_filter)
        if path is None:
            return None
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        if not self.commit_pending() and what == "notice":
            self.ctx.dialogs.info(title, self.tr(
                "通知文件中有错误的修改尚未保存；导出的是最后一次保存的通知。"))
        refuse_protected(self.ctx.editor.store.path, path)
        sources = ExportSources(self.doc.data, self.ctx.editor.summary_book,
                                self.ctx.editor.statistics, issued)
        notes = entry.export(sources, path)
        self.ctx.settings.set("last_export_dir", str(path.parent))
        self.statusBar().showMessage(self.tr("已导出：{0}").format(path), 8000)
        self.after_export(path, [*notes, *entry.warnings(sources)])
        return path

    def _report_date(self, title: str) -> date | None:
        """Ask the day the report is dated (its campaign default offered); None when cancelled
        or not a date (said so)."""
        from models.report_text import report_date
        text = self.ctx.dialogs.ask_text(title, self.tr("报告的成文日期（年-月-日）："),
                                         report_date(self.doc.campaign).isoformat())
        if text is None:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.ctx.dialogs.error(title, self.tr("“{0}”不是日期，请写成 2021-05-24 的样子。")
                                   .format(text))
            return None

    def after_export(self, path: Path, notes: list[str]) -> None:
        """Say where the file went (and what to look at), and offer to open it or its folder
        as office programs do; a file nothing here can open is said so."""
        text = "\n\n".join([self.tr("已导出：{0}").format(path), *notes])
        answer = self.ctx.dialogs.choose(
            self.tr("已导出，请注意") if notes else self.tr("已导出"), text,
            [self.tr("打开文件"), self.tr("打开所在文件夹"), self.tr("关闭")], warning=bool(notes))
        if answer in (0, 1):
            target = path if answer == 0 else path.parent
            if not self.ctx.dialogs.show_file(target):
                self.ctx.dialogs.error(self.tr("打开文件"), self.tr(
                    "本机没有能打开“{0}”的程序。文件在：{1}").format(target.name, target))

    def write_template(self) -> None:
        """Write one unit's Excel template, or one for every addressee owing the 活动安排 into
        a folder named for them; asked, not read off the table's unit filter."""
        from exporters.xlsx_template import (
            template_addressees,
            template_name,
            templates_folder_name,
            write_templates,
        )
        data = self.doc.data
        unit = self.doc.unit(self.activities.unit_box.currentData())
        owing = template_addressees(data)
        every_text = self.tr("为须报送活动安排的全部单位各生成一份（{0} 个单位，已报送的也生成）").format(len(owing))
        if unit is not None:
            picked = self.ctx.dialogs.choose(self.tr("生成填报模板"), self.tr("为谁生成填报模板？"), [
                self.tr("只为“{0}”生成").format(unit.short_name or unit.name), every_text])
            if picked is None:
                return
            unit = unit if picked == 0 else None
        name = template_name(data, unit) if unit else templates_folder_name(data)
        path = self.ctx.dialogs.save_path(self.tr("生成填报模板"), self._suggested(name),
                                          file_filter("xlsx"))
        if path is None:
            return
        refuse_protected(self.ctx.editor.store.path, path if unit else path.with_suffix(""))
        if unit is None:
            written = write_templates(data, path.with_suffix(""), unit=None, every=True,
                                      figures=self.ctx.editor.figures())
        else:
            written = write_templates(data, path, unit=unit.name, every=False,
                                      figures=self.ctx.editor.figures())
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
        """Keep accepting files while they move over the window; on the checklist, the row
        a summary would go to is highlighted."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
            self.checklist.set_drop_row(self._checklist_row_at(event.position().toPoint()))

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        """The files left the window: no row is highlighted."""
        self.checklist.set_drop_row(None)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """Route each dropped file; a summary on a checklist row goes to that row's unit."""
        self.checklist.set_drop_row(None)
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
        report = route_dropped(self.ctx, paths, row, self, review or review_with_dialog,
                               self.checklist.received_date())
        self.ctx.dialogs.info(self.tr("拖入文件"), report)
        return report

    def print_preview(self) -> None:
        """Preview the attachment table as it will print."""
        from exporters.pdf_appendix import print_appendix
        self.preview_dialog(lambda p: print_appendix(self.doc.data, p)).exec()

    def preview_schedule(self) -> None:
        """Preview the day-by-day campaign schedule as it will print."""
        from exporters.pdf_schedule import print_schedule
        self.preview_dialog(lambda p: print_schedule(self.doc.data, p)).exec()

    def preview_dialog(self, paint: Callable[[object], None]) -> QDialog:
        """A print preview sized to its (landscape) pages: most of the screen, a whole page
        shown, instead of Qt's small default."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

        from exporters.pdf_appendix import make_printer
        printer = make_printer()
        dialog = QPrintPreviewDialog(printer, self)
        self._preview_printer = printer  # the dialog does not own it: keep it alive
        dialog.paintRequested.connect(paint)
        area = screen_of(self).availableGeometry()
        dialog.resize(int(area.width() * 0.9), int(area.height() * 0.9))
        preview = dialog.findChild(QPrintPreviewWidget)
        if preview is not None:
            preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitInView)
        return dialog

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

    def show_addressees(self) -> QDialog:
        """The year's addressees, to add, rename, retire or reorder (modeless)."""
        from ui.addressees_dialog import AddresseesDialog
        dialog = AddresseesDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_history(self) -> HistoryWindow:
        """The undo history as a list (one window, brought to the front when open)."""
        if self.history_window is None:
            self.history_window = HistoryWindow(self.ctx.editor.undo_group, self)
            self.history_window.show_year(self.doc.campaign.year)
        self.history_window.present()
        return self.history_window

    def show_shortcuts(self) -> QDialog:
        """Every keyboard shortcut, in a window of its own."""
        from ui.shortcuts_dialog import ShortcutsDialog
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

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
