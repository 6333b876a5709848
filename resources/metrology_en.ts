<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../models/editor.py" line="191"/>
        <source>修改负责单位</source>
        <translation>Change responsible unit</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="200"/>
        <source>修改级别</source>
        <translation>Change level</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="215"/>
        <source>确认沿用上年活动</source>
        <translation>Confirm last year's activities</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="230"/>
        <source>新增活动</source>
        <translation>Add activity</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="238"/>
        <source>在组内新增一行</source>
        <translation>Add row to group</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="249"/>
        <source>复制活动</source>
        <translation>Duplicate activity</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="267"/>
        <source>重新编号</source>
        <translation>Renumber</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="280"/>
        <source>组内移动</source>
        <translation>Move within group</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="358"/>
        <source>添加报送事项：{0}</source>
        <translation>Add submission item: {0}</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="419"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="419"/>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="420"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="549"/>
        <source>该单位不是本年度的报送单位。</source>
        <translation>This unit is not an addressee this year.</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="558"/>
        <source>请填写单位名称。</source>
        <translation>Please enter the unit's name.</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="560"/>
        <source>“{0}”已是本年度的报送单位。</source>
        <translation>"{0}" is already an addressee this year.</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="575"/>
        <source>本年度还没有报送事项，请先添加报送事项。</source>
        <translation>This year asks for no items yet; add an item first.</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="581"/>
        <source>添加报送单位：{0}</source>
        <translation>Add addressee: {0}</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="596"/>
        <source>改名：{0} → {1}</source>
        <translation>Rename: {0} → {1}</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="606"/>
        <source>{0}本年度已有收到的文件，不能停用。</source>
        <translation>{0} has files received this year and cannot be retired.</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="609"/>
        <source>停用报送单位：{0}</source>
        <translation>Retire addressee: {0}</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="623"/>
        <source>调整顺序：{0}</source>
        <translation>Reorder: {0}</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="709"/>
        <source>收到日期 {0} 晚于今天，不能标记为已报送。</source>
        <translation>The received date {0} is after today; it cannot be marked as submitted.</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="457"/>
        <location filename="../models/summary_commands.py" line="59"/>
        <source>没有编号为 {0} 的单位。</source>
        <translation>There is no unit numbered {0}.</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="654"/>
        <source>填写统计数据</source>
        <translation>Enter figures</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="666"/>
        <source>采用活动总结中的数据</source>
        <translation>Accept figures from summaries</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="675"/>
        <source>新增指标：{0}</source>
        <translation>Add figure: {0}</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="688"/>
        <source>修改指标：{0}</source>
        <translation>Change figure: {0}</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="697"/>
        <source>删除指标：{0}</source>
        <translation>Delete figure: {0}</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="460"/>
        <source>导入 {0} 的活动安排</source>
        <translation>Import activities of {0}</translation>
    </message>
    <message>
        <location filename="../models/editor.py" line="494"/>
        <source>收到 {0} 的{1}</source>
        <translation>Receive {1} of {0}</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="123"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="123"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="137"/>
        <source>原为：{0}</source>
        <translation>Was: {0}</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="200"/>
        <location filename="../ui/import_dialog.py" line="222"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="201"/>
        <source>“{0}”在市级表和区级表中都有活动。这份文件的活动替换哪一张表中的？</source>
        <translation>“{0}” has activities in both the municipal and the district table. Which table's should this file replace?</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="202"/>
        <source>替换{0}表中的</source>
        <translation>Replace those in the {0} table</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="208"/>
        <source>活动安排表 (*.xlsx *.xls *.et *.ods *.docx *.doc *.wps *.odt);;所有文件 (*)</source>
        <translation>Activity tables (*.xlsx *.xls *.et *.ods *.docx *.doc *.wps *.odt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="222"/>
        <source>“{0}”与已导入的内容相同，未作任何改动。</source>
        <translation>“{0}” is the same as what was imported already; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="231"/>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="233"/>
        <source>导入完成</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="110"/>
        <source>发文字号不能为空。</source>
        <translation>The document number must not be empty.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="115"/>
        <source>发文字号格式应为“沪市监计量〔{0}〕260号”：发文机关代字、〔年份〕、序号、“号”。</source>
        <translation>The document number should look like “沪市监计量〔{0}〕260号”: issuing authority code, 〔year〕, sequence number, “号”.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="120"/>
        <source>发文字号中的年份 {0} 与活动年度 {1} 不一致。</source>
        <translation>The year {0} in the document number does not match the campaign year {1}.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="124"/>
        <source>发文字号尚未编号，印发前请填入序号。</source>
        <translation>The document number has no sequence number yet; fill it in before printing and distribution.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="126"/>
        <source>发文字号的序号不编虚位：写“{0}号”，不写“{1}号”。</source>
        <translation>No leading zeros in the sequence number: write “{0}号”, not “{1}号”.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="134"/>
        <source>年份应括入六角括号“〔〕”，不用“{0}”。</source>
        <translation>Put the year in hexagonal brackets “〔〕”, not “{0}”.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="136"/>
        <source>序号前不加“第”字。</source>
        <translation>Do not put “第” before the sequence number.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="138"/>
        <source>发文字号中不应有空格。</source>
        <translation>The document number must not contain spaces.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="143"/>
        <source>标题不能为空。</source>
        <translation>The title must not be empty.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="143"/>
        <source>主送机关不能为空。</source>
        <translation>The addressees must not be empty.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="144"/>
        <source>正文不能为空。</source>
        <translation>The body must not be empty.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="145"/>
        <source>尚未填写活动主题。</source>
        <translation>The campaign theme is not filled in yet.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="145"/>
        <source>尚未填写发文机关署名。</source>
        <translation>The issuing authority signature is not filled in yet.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="158"/>
        <source>标题中的“{0}年”与活动年度 {1} 不一致。</source>
        <translation>“{0}年” in the title does not match the campaign year {1}.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="165"/>
        <source>活动结束日期（{0}）早于开始日期（{1}）。</source>
        <translation>The campaign end date ({0}) is before the start date ({1}).</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="169"/>
        <source>活动时间应在 {0} 年内（现为{1}）。</source>
        <translation>The campaign period should lie within {0} (now {1}).</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="173"/>
        <source>活动时间不含 5月20日 世界计量日。</source>
        <translation>The campaign period does not include World Metrology Day (20 May).</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="180"/>
        <source>正文引用的文号“{0}”尚未填写序号。</source>
        <translation>The document number “{0}” cited in the body has no sequence number yet.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="187"/>
        <source>尚未填写成文日期。</source>
        <translation>The date of issue is not filled in yet.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="189"/>
        <source>成文日期应早于活动开始日期（{0}）。</source>
        <translation>The date of issue should be before the campaign start date ({0}).</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="192"/>
        <source>成文日期比活动开始早半年以上，请核对年份。</source>
        <translation>The date of issue is more than six months before the campaign starts; please check the year.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="194"/>
        <source>印发日期不能早于成文日期（{0}）。</source>
        <translation>The date printed and distributed cannot be before the date of issue ({0}).</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="201"/>
        <source>尚未填写联系人。</source>
        <translation>The contact person is not filled in yet.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="204"/>
        <source>尚未填写联系电话。</source>
        <translation>The contact phone number is not filled in yet.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="208"/>
        <source>联系电话看起来不对：应为 8 位固定电话（可带区号、“转”分机）或 11 位手机号。</source>
        <translation>The contact phone number looks wrong: it should be an 8-digit landline (area code and “转” extension allowed) or an 11-digit mobile number.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="211"/>
        <source>尚未填写电子邮箱。</source>
        <translation>The email address is not filled in yet.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="214"/>
        <source>电子邮箱格式不正确（应如 name@scjgj.sh.gov.cn，用半角字符）。</source>
        <translation>The email address is not valid (it should look like name@scjgj.sh.gov.cn, in half-width characters).</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="221"/>
        <source>尚未填写活动总结报送截止日期。</source>
        <translation>The deadline for campaign summaries is not filled in yet.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="223"/>
        <source>总结报送截止日期应晚于活动结束日期（{0}）。</source>
        <translation>The summary deadline should be after the campaign end date ({0}).</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="226"/>
        <source>总结报送截止日期距活动结束超过 {0} 天。</source>
        <translation>The summary deadline is more than {0} days after the campaign ends.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="236"/>
        <source>截止日期落在休息日：{0}</source>
        <translation>The deadline falls on a day off: {0}</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="243"/>
        <source>尚未填写活动安排报送截止日期。</source>
        <translation>The due date for activity plans is not filled in yet.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="246"/>
        <source>活动安排报送截止日期应早于成文日期（{0}）：通知附件要列出各单位的活动安排。</source>
        <translation>Activity plans should be due before the notice is dated ({0}): its attachment lists every unit's plan.</translation>
    </message>
    <message>
        <location filename="../models/notice_rules.py" line="249"/>
        <source>活动安排报送截止日期晚于活动开始日期（{0}）。</source>
        <translation>Activity plans are due after the campaign starts ({0}).</translation>
    </message>
    <message>
        <location filename="../models/db/db_lock.py" line="39"/>
        <source>{0} 分钟前</source>
        <translation>{0} minutes ago</translation>
    </message>
    <message>
        <location filename="../models/db/db_lock.py" line="40"/>
        <source>{0} 小时前</source>
        <translation>{0} hours ago</translation>
    </message>
    <message>
        <location filename="../models/db/db_lock.py" line="41"/>
        <source>进程 {0}，计算机“{1}”，{2}</source>
        <translation>process {0}, computer “{1}”, {2}</translation>
    </message>
    <message>
        <location filename="../models/db/db_lock.py" line="62"/>
        <source>数据库“{0}”的锁文件“{1}”不是普通文件（是一个文件夹或其他特殊文件），无法加锁。请删除或改名它后重新打开。</source>
        <translation>The lock file “{1}” of the database “{0}” is not a regular file (it is a folder or another special file), so the database cannot be locked. Delete or rename it, then open the database again.</translation>
    </message>
    <message>
        <location filename="../models/db/db_lock.py" line="82"/>
        <source>数据库“{0}”的锁文件是另一台计算机留下的（{1}）。
如果那台计算机已不再使用这个数据库，可以删除锁文件“{2}”后重新打开。</source>
        <translation>The database “{0}” is locked by another computer ({1}).
If that computer no longer uses this database, delete the lock file “{2}” and open it again.</translation>
    </message>
    <message>
        <location filename="../models/db/db_lock.py" line="111"/>
        <source>无法在“{0}”中创建锁文件。</source>
        <translation>Cannot create the lock file in “{0}”.</translation>
    </message>
    <message>
        <location filename="../models/db/os_errors.py" line="19"/>
        <source>路径太长：“{0}”（{1} 字节，一个文件名最多 {2} 字节）。请换一个较短的名称。</source>
        <translation>Path too long: “{0}” ({1} bytes; a file name may have at most {2} bytes). Choose a shorter name.</translation>
    </message>
    <message>
        <location filename="../models/db/os_errors.py" line="21"/>
        <source>路径太长（{0} 字节）：“{1}”。请换一个较短的文件夹或名称。</source>
        <translation>Path too long ({0} bytes): “{1}”. Choose a shorter folder or name.</translation>
    </message>
    <message>
        <location filename="../models/db/os_errors.py" line="34"/>
        <source>磁盘已满：无法在“{0}”中写入。请腾出空间后重试。</source>
        <translation>The disk is full: cannot write in “{0}”. Free some space and try again.</translation>
    </message>
    <message>
        <location filename="../models/db/os_errors.py" line="38"/>
        <source>文件夹“{0}”不能写入（只读或没有权限）。请换一个位置，或用 --db 指定其他文件。</source>
        <translation>The folder “{0}” cannot be written (read-only or no permission). Choose another place, or name another file with --db.</translation>
    </message>
    <message>
        <location filename="../models/db/os_errors.py" line="41"/>
        <source>没有权限访问“{0}”。</source>
        <translation>No permission to access “{0}”.</translation>
    </message>
    <message>
        <location filename="../models/db/os_errors.py" line="45"/>
        <source>“{0}”是循环的符号链接，无法打开。</source>
        <translation>“{0}” is a symbolic link that loops back on itself and cannot be opened.</translation>
    </message>
    <message>
        <location filename="../models/db/os_errors.py" line="47"/>
        <source>“{0}”不存在。</source>
        <translation>“{0}” does not exist.</translation>
    </message>
    <message>
        <location filename="../models/db/os_errors.py" line="49"/>
        <source>路径“{0}”中有一部分不是文件夹。</source>
        <translation>Part of the path “{0}” is not a folder.</translation>
    </message>
    <message>
        <location filename="../models/db/os_errors.py" line="70"/>
        <source>磁盘已满：数据库“{0}”所在的磁盘没有剩余空间，无法写入。请腾出空间后重试。</source>
        <translation>Disk full: the disk holding the database “{0}” has no space left, so nothing can be written. Free some space and try again.</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="71"/>
        <source>设置了打开密码的 Office 文档</source>
        <translation>a password-protected Office document</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="78"/>
        <source>Windows 程序（.exe/.dll）</source>
        <translation>a Windows program (.exe/.dll)</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="80"/>
        <source>Linux 程序</source>
        <translation>a Linux program</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="82"/>
        <source>压缩包</source>
        <translation>a compressed archive</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="84"/>
        <source>ZIP 压缩包或其他 Office 文件</source>
        <translation>a ZIP archive or another Office file</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="87"/>
        <source>网页（HTML/MHT）</source>
        <translation>a web page (HTML/MHT)</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="88"/>
        <source>无法识别的内容</source>
        <translation>unrecognisable content</translation>
    </message>
    <message>
        <location filename="../importers/reply_formats.py" line="80"/>
        <location filename="../models/received/file_kinds.py" line="108"/>
        <source>OpenDocument 文件</source>
        <translation>an OpenDocument file</translation>
    </message>
    <message>
        <location filename="../importers/reply_formats.py" line="96"/>
        <source>OpenDocument 文本（.odt）</source>
        <translation>an OpenDocument text (.odt)</translation>
    </message>
    <message>
        <location filename="../importers/reply_formats.py" line="97"/>
        <source>OpenDocument 表格（.ods）</source>
        <translation>an OpenDocument spreadsheet (.ods)</translation>
    </message>
    <message>
        <location filename="../importers/reply_formats.py" line="98"/>
        <source>Excel 97-2003 工作簿（.xls/.et）</source>
        <translation>an Excel 97-2003 workbook (.xls/.et)</translation>
    </message>
    <message>
        <location filename="../importers/reply_formats.py" line="103"/>
        <source>“{0}”是 PDF 文件，无法从中读取表格。请向该单位索取 Word 或 Excel 格式的原文件，或把活动录入下发的模板后再导入。</source>
        <translation>“{0}” is a PDF file; its tables cannot be read. Ask the unit for the Word or Excel original, or type the activities into the template and import that.</translation>
    </message>
    <message>
        <location filename="../importers/reply_formats.py" line="125"/>
        <source>“{0}”是{1}。本机没有 LibreOffice，无法转换：请在 WPS 或 Office 中打开它，“另存为”{2}后再导入。</source>
        <translation>“{0}” is {1}. LibreOffice is not installed here to convert it: open it in WPS or Office, save it as {2} and import that.</translation>
    </message>
    <message>
        <location filename="../importers/reply_formats.py" line="129"/>
        <source>“{0}”（{1}）无法转换：{2}</source>
        <translation>“{0}” ({1}) could not be converted: {2}</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="109"/>
        <source>ZIP 压缩包</source>
        <translation>a ZIP archive</translation>
    </message>
    <message>
        <location filename="../importers/reply_formats.py" line="82"/>
        <location filename="../models/received/file_kinds.py" line="134"/>
        <source>Excel 97-2003 工作簿</source>
        <translation>an Excel 97-2003 workbook</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="136"/>
        <source>PowerPoint 97-2003 演示文稿</source>
        <translation>a PowerPoint 97-2003 presentation</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="137"/>
        <location filename="../models/received/package_check.py" line="67"/>
        <source>无法识别的 Office 文件</source>
        <translation>an unrecognisable Office file</translation>
    </message>
    <message>
        <location filename="../importers/docx_reader.py" line="258"/>
        <location filename="../importers/reply_docx.py" line="40"/>
        <location filename="../importers/reply_docx.py" line="71"/>
        <location filename="../importers/reply_formats.py" line="118"/>
        <location filename="../models/received/file_kinds.py" line="195"/>
        <location filename="../models/received/summary_files.py" line="202"/>
        <source>无法读取“{0}”：{1}</source>
        <translation>Cannot read “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../models/db/os_errors.py" line="51"/>
        <source>“{0}”是一个文件夹，不是文件。</source>
        <translation>“{0}” is a folder, not a file.</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="174"/>
        <source>“{0}”是空文件（0 字节）。</source>
        <translation>“{0}” is empty (0 bytes).</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="176"/>
        <source>“{0}”过大（{1:.1f} MB），最多 {2} MB。</source>
        <translation>“{0}” is too large ({1:.1f} MB); at most {2} MB.</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="186"/>
        <source>活动总结只接收 PDF、Word（.doc/.docx）、WPS（.wps）文档或图片（.jpg/.png/.gif/.bmp/.tif/.webp）。</source>
        <translation>Summaries are accepted as PDF, Word (.doc/.docx) or WPS (.wps) documents or pictures (.jpg/.png/.gif/.bmp/.tif/.webp) only.</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="189"/>
        <source>“{0}”不是文档或图片（扩展名“{1}”）。</source>
        <translation>“{0}” is not a document or picture (extension “{1}”). </translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="190"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="206"/>
        <source>{0} 文件</source>
        <translation>a {0} file</translation>
    </message>
    <message>
        <location filename="../models/received/file_kinds.py" line="207"/>
        <source>“{0}”的扩展名是“{1}”，但内容是{2}，不是可接收的文档，已拒绝。</source>
        <translation>“{0}” is named “{1}” but contains {2}, not a document that can be taken; refused. </translation>
    </message>
    <message>
        <location filename="../models/db/os_errors.py" line="52"/>
        <source>无法使用“{0}”：{1}</source>
        <translation>Cannot use “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="131"/>
        <source>无法识别的日期“{0}”，请写成 2021-05-20</source>
        <translation>Cannot read the date “{0}”; write it as 2021-05-20</translation>
    </message>
    <message>
        <location filename="../cli.py" line="158"/>
        <source>日期 {0} 不在 {1} 年度内；请用 --year {2} 选那一年的活动，或换一个 {1} 年的日期。</source>
        <translation>The date {0} is not in the {1} campaign; use --year {2} for that year's activities, or give a date in {1}.</translation>
    </message>
    <message>
        <location filename="../cli.py" line="192"/>
        <source>--date 只用于情况报告（export report）。</source>
        <translation>--date is only for the report (export report).</translation>
    </message>
    <message>
        <location filename="../cli.py" line="198"/>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="199"/>
        <source>注意：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="256"/>
        <source>将删除 {0} 个文件（{1:.1f} MB）；未作任何改动（--dry-run）。</source>
        <translation>Would delete {0} files ({1:.1f} MB); nothing was changed (--dry-run).</translation>
    </message>
    <message>
        <location filename="../cli.py" line="272"/>
        <source>已生成：{0}</source>
        <translation>Written: {0}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="286"/>
        <source>还没有收到任何活动总结文件，没有可识别的数据。</source>
        <translation>No summary files received yet; nothing to read figures from.</translation>
    </message>
    <message>
        <location filename="../cli.py" line="290"/>
        <source>以上仅为建议，未写入数据库；用 stats --accept 采用。</source>
        <translation>These are suggestions only; nothing was stored. Use stats --accept to store them.</translation>
    </message>
    <message>
        <location filename="../cli.py" line="294"/>
        <source>已采用 {0} 项数据（已填写的未改动）。</source>
        <translation>Accepted {0} figures (values already entered were left as they were).</translation>
    </message>
    <message>
        <location filename="../cli.py" line="298"/>
        <source>未采用（总结中有几处不同的数字，请用 stats --suggest 查看后用 stats --set 填写）：{0}</source>
        <translation>Not accepted (the summary states several different numbers; see stats --suggest, then fill in with stats --set): {0}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="315"/>
        <source>请在单位后写上“指标=数值”，如 --set 徐汇 发放宣传资料=1200</source>
        <translation>Write FIGURE=VALUE after the unit, e.g. --set 徐汇 发放宣传资料=1200</translation>
    </message>
    <message>
        <location filename="../cli.py" line="322"/>
        <source>无法识别“{0}”：请写成“指标=数值”，指标为：{1}</source>
        <translation>Cannot read "{0}": write FIGURE=VALUE; the figures are: {1}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="326"/>
        <source>已填写 {0} 的 {1} 项数据。</source>
        <translation>Entered {1} figures for {0}.</translation>
    </message>
    <message>
        <location filename="../cli.py" line="327"/>
        <source>数据与已填写的相同，未作改动。</source>
        <translation>The figures are the same as those entered; nothing changed.</translation>
    </message>
    <message>
        <location filename="../cli.py" line="340"/>
        <source>“{0}”不是本年度的报送单位。</source>
        <translation>"{0}" is not an addressee this year.</translation>
    </message>
    <message>
        <location filename="../cli.py" line="344"/>
        <source>已添加报送单位：{0}（{1}）</source>
        <translation>Addressee added: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../cli.py" line="347"/>
        <source>已改名：{0} → {1}（往年仍用原名）</source>
        <translation>Renamed: {0} → {1} (earlier years keep the old name)</translation>
    </message>
    <message>
        <location filename="../cli.py" line="350"/>
        <source>已停用：{0}，本年度不再欠 {1} 项（往年保留）</source>
        <translation>Retired: {0} no longer owes {1} items this year (earlier years kept)</translation>
    </message>
    <message>
        <location filename="../cli.py" line="415"/>
        <source>年度：{0}年</source>
        <translation>Year: {0}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="417"/>
        <source>（上次使用的年度；其他年度请加 --year）</source>
        <translation> (the year last used; add --year for another)</translation>
    </message>
    <message>
        <location filename="../cli.py" line="431"/>
        <location filename="../ui/app.py" line="181"/>
        <source>警告：{0}</source>
        <translation>Warning: {0}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="434"/>
        <location filename="../cli.py" line="437"/>
        <location filename="../cli.py" line="456"/>
        <location filename="../ui/app.py" line="96"/>
        <location filename="../ui/app.py" line="136"/>
        <location filename="../ui/app.py" line="164"/>
        <source>错误：{0}</source>
        <translation>Error: {0}</translation>
    </message>
    <message>
        <location filename="../models/db/backup.py" line="68"/>
        <location filename="../models/db/backup.py" line="84"/>
        <source>无法备份数据库：{0}</source>
        <translation>Cannot back up the database: {0}</translation>
    </message>
    <message>
        <location filename="../models/db/backup.py" line="139"/>
        <source>备份“{0}”是空文件，未恢复。</source>
        <translation>The backup “{0}” is an empty file; nothing was restored.</translation>
    </message>
    <message>
        <location filename="../models/db/backup.py" line="174"/>
        <source>恢复备份失败：{0}</source>
        <translation>Restoring the backup failed: {0}</translation>
    </message>
    <message>
        <location filename="../models/db/backup.py" line="181"/>
        <source>内存数据库没有备份。</source>
        <translation>An in-memory database has no backups.</translation>
    </message>
    <message>
        <location filename="../models/db/backup.py" line="143"/>
        <location filename="../models/db/backup.py" line="147"/>
        <location filename="../models/db/backup.py" line="149"/>
        <source>备份“{0}”已损坏，未恢复。</source>
        <translation>The backup “{0}” is damaged and was not restored.</translation>
    </message>
    <message>
        <location filename="../models/db/backup.py" line="188"/>
        <source>恢复备份失败，数据库未改动：{0}</source>
        <translation>Restoring the backup failed; the database is unchanged: {0}</translation>
    </message>
    <message>
        <location filename="../models/db/db_file.py" line="78"/>
        <source>无法读取数据库文件“{0}”：{1}</source>
        <translation>Cannot read the database file “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../models/db/db_file.py" line="46"/>
        <source>“{0}”不是 SQLite 数据库文件，未作任何改动。</source>
        <translation>“{0}” is not an SQLite database file; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../models/db/db_file.py" line="33"/>
        <source>数据库文件</source>
        <translation>a database file</translation>
    </message>
    <message>
        <location filename="../models/db/db_file.py" line="50"/>
        <location filename="../models/db/db_health.py" line="102"/>
        <source>无法打开数据库文件“{0}”：{1}</source>
        <translation>Cannot open the database file “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../models/db/db_file.py" line="82"/>
        <source>数据库“{0}”由更新版本的程序写入（结构版本 {1}），本程序只支持到版本 {2}。请升级程序后再打开；文件未作任何改动。</source>
        <translation>The database “{0}” was written by a newer version of the program (schema version {1}); this program supports up to version {2}. Please update the program and open it again; the file was not changed.</translation>
    </message>
    <message>
        <location filename="../models/db/db_file.py" line="87"/>
        <source>“{0}”是其他程序的 SQLite 数据库，不是计量日活动数据库；未作任何改动。</source>
        <translation>“{0}” is another program's SQLite database, not a Metrology Day database; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../models/db/opening.py" line="76"/>
        <source>数据库文件“{0}”不能写入（只读或没有权限）。请去掉它的只读属性，或用 --db 指定其他文件。</source>
        <translation>The database file “{0}” cannot be written (read-only or no permission). Clear its read-only attribute, or name another file with --db.</translation>
    </message>
    <message>
        <location filename="../models/db/opening.py" line="99"/>
        <source>数据库“{0}”已在另一个窗口中打开。
请切换到那个窗口，或关闭它后再打开。</source>
        <translation>The database “{0}” is already open in another window.
Switch to that window, or close it and open the database again.</translation>
    </message>
    <message>
        <location filename="../models/db/opening.py" line="143"/>
        <source>数据库旁有上次未写入的日志（-wal），但文件夹不能写入，无法应用；显示的是日志之前的内容。</source>
        <translation>Beside the database lies a log (-wal) that was not written into it last time, but the folder cannot be written, so it cannot be applied; what you see is the content before that log.</translation>
    </message>
    <message>
        <location filename="../models/db/opening.py" line="150"/>
        <source>上次没有正常关闭，数据库旁留有未写入的日志（-wal）。应用它之前需要先备份数据库，但备份失败：{0}</source>
        <translation>The program did not close properly last time and left a log (-wal) beside the database. The database has to be backed up before the log is applied, but the backup failed: {0}</translation>
    </message>
    <message>
        <location filename="../models/db/opening.py" line="153"/>
        <source>上次没有正常关闭：数据库旁留有未写入的日志（-wal），已应用。应用前的数据库已备份为“{0}”；如果数据不对，可用“恢复备份”取回。</source>
        <translation>The program did not close properly last time: the log (-wal) it left beside the database has been applied. The database as it was before is backed up as “{0}”; if the data look wrong, get it back with Restore backup.</translation>
    </message>
    <message>
        <location filename="../models/rollover.py" line="99"/>
        <source>年度 {0} 不在 {1}—{2} 之间。</source>
        <translation>The year {0} is not between {1} and {2}.</translation>
    </message>
    <message>
        <location filename="../models/rollover.py" line="101"/>
        <source>{0} 年的活动已经存在，不能从 {1} 年再新建一次；请直接打开 {0} 年度。数据库未作任何改动。</source>
        <translation>The {0} campaign already exists and cannot be created again from {1}; open the year {0} instead. The database was not changed.</translation>
    </message>
    <message>
        <location filename="../models/db/storage.py" line="86"/>
        <source>无法创建数据库所在的文件夹“{0}”：{1}</source>
        <translation>Cannot create the database's folder “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../models/db/storage.py" line="80"/>
        <location filename="../models/db/storage.py" line="93"/>
        <source>无法打开数据库“{0}”：{1}</source>
        <translation>Cannot open the database “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../models/db/storage.py" line="110"/>
        <source>无法升级数据库结构：{0}</source>
        <translation>Cannot upgrade the database schema: {0}</translation>
    </message>
    <message>
        <location filename="../models/db/storage.py" line="137"/>
        <source>数据库写入失败，未作任何改动：{0}</source>
        <translation>Writing to the database failed; nothing was changed: {0}</translation>
    </message>
    <message>
        <location filename="../models/db/storage.py" line="177"/>
        <source>没有编号为 {0} 的活动年度。</source>
        <translation>There is no campaign numbered {0}.</translation>
    </message>
    <message>
        <location filename="../models/db/storage.py" line="185"/>
        <source>数据库中还没有任何活动年度。</source>
        <translation>The database holds no campaign yet.</translation>
    </message>
    <message>
        <location filename="../models/db/storage.py" line="198"/>
        <source>{0} 年的活动已经存在。</source>
        <translation>The {0} campaign already exists.</translation>
    </message>
    <message>
        <location filename="../models/db/storage.py" line="257"/>
        <source>单位“{0}”已经存在。</source>
        <translation>The unit “{0}” already exists.</translation>
    </message>
    <message>
        <location filename="../models/db/storage.py" line="298"/>
        <source>没有编号为 {0} 的活动。</source>
        <translation>There is no activity numbered {0}.</translation>
    </message>
    <message>
        <location filename="../models/text.py" line="51"/>
        <source>{0}月{1}日</source>
        <translation>{0}/{1}</translation>
    </message>
    <message>
        <location filename="../models/text.py" line="52"/>
        <source>{0}年{1}</source>
        <translation>{1}/{0}</translation>
    </message>
    <message>
        <location filename="../importers/docx_reader.py" line="249"/>
        <location filename="../importers/returned.py" line="53"/>
        <location filename="../importers/returned.py" line="117"/>
        <location filename="../models/received/file_kinds.py" line="172"/>
        <source>找不到文件“{0}”。</source>
        <translation>Cannot find the file “{0}”.</translation>
    </message>
    <message>
        <location filename="../importers/docx_reader.py" line="250"/>
        <source>“{0}”不是有效的 Word 文档（.docx），无法读取活动安排表。</source>
        <translation>“{0}” is not a valid Word document (.docx); the activity table cannot be read.</translation>
    </message>
    <message>
        <location filename="../importers/docx_reader.py" line="260"/>
        <source>“{0}”实际是{1}，不是 Word 文档（.docx），无法读取活动安排表。</source>
        <translation>“{0}” is really {1}, not a Word document (.docx); the activity table cannot be read.</translation>
    </message>
    <message>
        <location filename="../importers/docx_reader.py" line="278"/>
        <source>在“{0}”中没有找到活动安排表：表格的第一行应是“序号、活动名称、活动内容……”表头。</source>
        <translation>No activity table found in “{0}”: a table's first row must be the header “序号、活动名称、活动内容…”.</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="38"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="38"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="59"/>
        <location filename="../importers/reply_sheet.py" line="96"/>
        <location filename="../importers/workbook.py" line="322"/>
        <source>工作表“{0}”</source>
        <translation>sheet “{0}”</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="61"/>
        <location filename="../importers/import_plan.py" line="121"/>
        <source>第 {0} 行</source>
        <translation>row {0}</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="69"/>
        <source>【{0}】</source>
        <translation>[{0}] </translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="70"/>
        <source>{0}：</source>
        <translation>{0}: </translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="102"/>
        <source>--map “{0}”无法识别：应写成 原列名=栏目名，栏目名为 {1} 之一。</source>
        <translation>--map “{0}” not understood: write column title=field, the field one of {1}.</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="122"/>
        <source>{0}（{1}）：{2}</source>
        <translation>{0} ({1}): {2}</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="184"/>
        <source>文件：{0}</source>
        <translation>File: {0}</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="186"/>
        <source>单位：{0}</source>
        <translation>Unit: {0}</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="187"/>
        <source>活动：{0} 条，替换{1}表中原有 {2} 条</source>
        <translation>Activities: {0}, replacing {2} in the {1} table</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="192"/>
        <source>活动统计：{0} 项（{1}）{2}</source>
        <translation>Activity figures: {0} ({1}){2}</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="194"/>
        <source>，与已存的相同</source>
        <translation>, the same as those stored</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="227"/>
        <source>已导入：{0} 的{1}活动已替换为 {2} 条</source>
        <translation>Imported: {0}'s activities in the {1} table replaced by {2}</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="250"/>
        <source>报送清单：该单位不欠报活动安排，不变。</source>
        <translation>Checklist: the unit owes no activity plan; unchanged.</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="252"/>
        <source>报送清单：“{0}”此前已收到（{1}），导入不改变收到日期和状态。</source>
        <translation>Checklist: “{0}” was received before ({1}); the import changes neither its date nor its status.</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="255"/>
        <source>报送清单：“{0}”将标记为{1}（{2}）。</source>
        <translation>Checklist: “{0}” will be marked {1} ({2}).</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="195"/>
        <source>错误 {0} 处，警告 {1} 处。</source>
        <translation>{0} error(s), {1} warning(s).</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="202"/>
        <source>跳过的行（不是活动）{0} 行：</source>
        <translation>Rows skipped (not activities): {0}</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="207"/>
        <source>有错误，未导入；数据库未作任何改动。</source>
        <translation>The file has errors and was not imported; the database was not changed.</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="221"/>
        <source>活动统计：已导入 {0} 项数据。</source>
        <translation>Activity figures: {0} imported.</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="231"/>
        <source>（该单位不欠报活动安排，报送清单未变）。</source>
        <translation> (this unit owes no activity plan; the checklist is unchanged).</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="233"/>
        <source>；“{0}”此前已收到（{1}），报送清单未变。</source>
        <translation>; “{0}” was received before ({1}); the checklist is unchanged.</translation>
    </message>
    <message>
        <location filename="../importers/import_plan.py" line="235"/>
        <source>，“{0}”已标记为{1}（{2}）。</source>
        <translation>, “{0}” marked as {1} ({2}).</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="121"/>
        <source>这是“{0}”的文件，不是“{1}”的；请选择正确的文件。</source>
        <translation>This is the file of “{0}”, not of “{1}”; please choose the right file.</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="127"/>
        <source>表中没有填写任何活动。</source>
        <translation>The table holds no activity.</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="138"/>
        <source>这是 {0} 年活动的模板，当前活动年度为 {1} 年；请用本年度的模板重新填报。</source>
        <translation>This is a template of the {0} campaign, but the open campaign is {1}; please fill in this year's template.</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="139"/>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="144"/>
        <source>模板所属单位“{0}”在数据库中不存在。</source>
        <translation>The template's unit “{0}” is not in the database.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_scan.py" line="85"/>
        <source>表格的内容或格式延伸到第 {0} 列（{1} 列），本模板最多 {2} 列（{3} 列）。请删除多余的列并保存后再导入。</source>
        <translation>The table's content or formatting reaches column {0} ({1}); this template has at most {2} columns (up to {3}). Delete the extra columns, save, and import again.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_scan.py" line="92"/>
        <source>工作表行数过多（{0} 行），最多 {1} 行。</source>
        <translation>The sheet has too many rows ({0}); at most {1}.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_scan.py" line="134"/>
        <source>工作表的单元格过多（超过 {0} 个）。</source>
        <translation>The sheet has too many cells (more than {0}).</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_scan.py" line="148"/>
        <source>单元格是 Excel 错误值“{0}”，不是活动内容。请改正公式或填写文字后再导入。</source>
        <translation>The cell holds the Excel error value “{0}”, not an activity's text. Correct the formula or type the text, then import again.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_scan.py" line="153"/>
        <source>单元格是公式，但文件中没有保存计算结果（有些程序生成的文件如此）。请用 Excel 或 WPS 打开文件并保存后再导入。</source>
        <translation>The cell is a formula, but the file holds no computed result (files made by some programs are like this). Open the file in Excel or WPS, save it, and import again.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_scan.py" line="180"/>
        <source>合并单元格过多或过大（最多 {0} 处、共 {1} 个单元格），如“{2}”。请取消不需要的合并后再导入。</source>
        <translation>Too many or too large merged cells (at most {0} merges covering {1} cells in all), such as “{2}”. Unmerge what is not needed and import again.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_scan.py" line="213"/>
        <source>工作表的内容已损坏，无法读取（{0}）。</source>
        <translation>The sheet's content is damaged and cannot be read ({0}).</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_scan.py" line="215"/>
        <source>工作表无法读取（{0}）。</source>
        <translation>The sheet cannot be read ({0}).</translation>
    </message>
    <message>
        <location filename="../importers/reply_sheet.py" line="98"/>
        <location filename="../importers/workbook.py" line="160"/>
        <source>工作簿的索引中找不到这张工作表的内容，文件可能已损坏。</source>
        <translation>The workbook's index does not lead to this sheet's content; the file may be damaged.</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="174"/>
        <source>这张工作表有内容，但没有活动表的表头，未导入。</source>
        <translation>This sheet has content but no activity table header; it was not imported.</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="181"/>
        <source>找不到表头行：工作表中没有“活动名称”“活动内容”“活动时间”等列名。请使用下发的模板，保留表头行。</source>
        <translation>No header row found: no sheet has column titles such as “活动名称”, “活动内容”, “活动时间”. Please use the template sent out and keep its header row.</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="185"/>
        <source>有 {0} 张工作表填写了活动：{1}。每份文件只能有一张活动表；请把活动合并到一张表中，删除其他表后再导入。</source>
        <translation>{0} sheets hold activities: {1}. A file may hold only one activity table; put the activities into one sheet, delete the others and import again.</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="205"/>
        <source>{0}都可能是“{1}”，无法确定读哪一列。请删除多余的列，或把列名改回模板的列名。</source>
        <translation>{0} could each be “{1}”; it cannot be told which column to read. Delete the extra column, or give the columns the template's titles again.</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="231"/>
        <source>表头单元格与下面的数据行合并在一起（{0}），表头会被当作活动内容。请取消合并后再导入。</source>
        <translation>A header cell is merged with the data row below it ({0}), so the header would be read as an activity. Unmerge it and import again.</translation>
    </message>
    <message>
        <location filename="../importers/reply_sheet.py" line="134"/>
        <location filename="../importers/workbook.py" line="253"/>
        <source>还有更多单元格是公式或 Excel 错误值（共 {0} 个），未一一列出。</source>
        <translation>More cells are formulas or Excel error values ({0} in all); not all are listed.</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="266"/>
        <source>文件名“{0}”是“{1}”的，但文件中的模板标记属于“{2}”；将按模板标记导入到“{2}”。请确认文件没有拿错。</source>
        <translation>The file name “{0}” is that of “{1}”, but the template's marker belongs to “{2}”; it will be imported for “{2}” as the marker says. Make sure this is the right file.</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="300"/>
        <source>文件中有多个单位的活动（{0}），每份文件只能报一个单位。</source>
        <translation>The file holds activities of several units ({0}); each file may report one unit only.</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="349"/>
        <source>负责单位“{0}”与本表的单位“{1}”不符。</source>
        <translation>The responsible unit “{0}” does not match this table's unit “{1}”.</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="350"/>
        <source>负责单位“{0}”在数据库中不存在，本表单位为“{1}”。</source>
        <translation>The responsible unit “{0}” is not in the database; this table's unit is “{1}”.</translation>
    </message>
    <message>
        <location filename="../cli.py" line="241"/>
        <location filename="../cli.py" line="313"/>
        <location filename="../importers/reply_import.py" line="99"/>
        <location filename="../importers/returned.py" line="123"/>
        <location filename="../importers/workbook.py" line="302"/>
        <source>单位“{0}”在数据库中不存在。</source>
        <translation>The unit “{0}” is not in the database.</translation>
    </message>
    <message>
        <location filename="../importers/workbook.py" line="304"/>
        <source>无法确定填报单位：文件不是下发的模板，负责单位一列也没有填写。</source>
        <translation>Cannot tell which unit reports: the file is not a template sent out, and its responsible-unit column is empty.</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="30"/>
        <source>请指定单位：命令行加 --unit 单位简称（如 --unit 黄浦），或在窗口中把文件拖到该单位的报送清单行上</source>
        <translation>Name the unit: add --unit and the unit's short name on the command line (e.g. --unit 黄浦), or in the window drop the file on that unit's row of the checklist</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="32"/>
        <source>；也可以把文件改名为以单位名称开头（如“黄浦-活动安排.docx”）</source>
        <translation>; or rename the file to start with the unit's name (e.g. “黄浦-活动安排.docx”)</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="106"/>
        <source>表中有多个单位的活动（{0}），无法确定导入哪个单位的。{1}，其他单位的行将被跳过。</source>
        <translation>The table has activities of several units ({0}); which unit to import cannot be told. {1}; the other units' rows will be skipped.</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="114"/>
        <source>负责单位“{0}”在数据库中不存在。{1}。</source>
        <translation>The responsible unit “{0}” is not in the database. {1}.</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="117"/>
        <source>无法确定这份文件是哪个单位的：表中没有填写负责单位，文件名“{0}”中也没有单位名称。{1}{2}。</source>
        <translation>Whose file this is cannot be told: the table names no responsible unit and the file name “{0}” holds no unit name. {1}{2}.</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="126"/>
        <location filename="../importers/workbook.py" line="341"/>
        <source>活动名称为空。</source>
        <translation>The activity name is empty.</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="130"/>
        <location filename="../importers/workbook.py" line="344"/>
        <source>文字过长（{0} 字），每格最多 {1} 字。</source>
        <translation>Text too long ({0} characters); at most {1} per cell.</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="138"/>
        <location filename="../importers/workbook.py" line="367"/>
        <source>活动时间未填写，日历中不会显示该活动。</source>
        <translation>No time given; the activity will not show in the calendar.</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="141"/>
        <location filename="../importers/workbook.py" line="371"/>
        <source>活动时间“{0}”无法识别为日期（{1}），将按原文导入并标注。</source>
        <translation>The time “{0}” cannot be read as a date ({1}); it is imported as written and marked.</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="158"/>
        <source>这份表是{0}的，不是“{1}”的；请选择正确的单位或文件。</source>
        <translation>This table is {0}'s, not “{1}”'s; choose the right unit or file.</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="161"/>
        <source>{0} {1} 行</source>
        <translation>{0}: {1} rows</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="162"/>
        <source>跳过了其他单位的行（{0}），只导入“{1}”的活动。</source>
        <translation>Skipped the rows of other units ({0}); only the activities of “{1}” are imported.</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="227"/>
        <source>表中没有“{0}”的活动。</source>
        <translation>The table has no activities of “{0}”.</translation>
    </message>
    <message>
        <location filename="../cli.py" line="223"/>
        <location filename="../importers/returned.py" line="161"/>
        <location filename="../importers/workbook.py" line="411"/>
        <source>仅检查（--dry-run），未写入数据库。</source>
        <translation>Checked only (--dry-run); nothing was written to the database.</translation>
    </message>
    <message>
        <location filename="../models/db/files.py" line="25"/>
        <source>“{0}”是一个文件夹，不是{1}。</source>
        <translation>“{0}” is a folder, not {1}.</translation>
    </message>
    <message>
        <location filename="../models/db/files.py" line="27"/>
        <source>管道（FIFO）</source>
        <translation>a pipe (FIFO)</translation>
    </message>
    <message>
        <location filename="../models/db/files.py" line="29"/>
        <source>设备</source>
        <translation>a device</translation>
    </message>
    <message>
        <location filename="../models/db/files.py" line="31"/>
        <source>套接字</source>
        <translation>a socket</translation>
    </message>
    <message>
        <location filename="../models/db/files.py" line="33"/>
        <source>特殊文件</source>
        <translation>a special file</translation>
    </message>
    <message>
        <location filename="../models/db/files.py" line="34"/>
        <source>“{0}”不是普通文件，而是{1}；未读取。</source>
        <translation>“{0}” is not a regular file but {1}; it was not read.</translation>
    </message>
    <message>
        <location filename="../models/db/files.py" line="47"/>
        <location filename="../models/db/files.py" line="70"/>
        <source>文件</source>
        <translation>a file</translation>
    </message>
    <message>
        <location filename="../models/db/files.py" line="62"/>
        <source>文件“{0}”不存在。</source>
        <translation>The file “{0}” does not exist.</translation>
    </message>
    <message>
        <location filename="../models/db/files.py" line="55"/>
        <source>文件过大（{0:.1f} MB），最多 {1} MB。</source>
        <translation>The file is too large ({0:.1f} MB); at most {1} MB.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="28"/>
        <source>Excel 文件</source>
        <translation>an Excel file</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="45"/>
        <source>不是 Excel 工作簿（.xlsx）：文件内容无法识别，可能是改了扩展名的其他文件。</source>
        <translation>Not an Excel workbook (.xlsx): the content is not recognised; it may be another kind of file renamed.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="52"/>
        <source>工作簿设置了打开密码（已加密），无法读取。请取消密码后另存为 .xlsx 再导入。</source>
        <translation>The workbook has an opening password (it is encrypted) and cannot be read. Remove the password, save it as .xlsx and import again.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="53"/>
        <source>这是旧版 Excel 97-2003（.xls）或其他 Office 文件，或已加密。请在 Excel/WPS 中另存为 .xlsx 后再导入。</source>
        <translation>This is an old Excel 97-2003 (.xls) or other Office file, or it is encrypted. Save it as .xlsx in Excel or WPS and import again.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="72"/>
        <source>这是 ZIP 压缩文件，不是 Excel 工作簿（.xlsx）。</source>
        <translation>This is a ZIP archive, not an Excel workbook (.xlsx).</translation>
    </message>
    <message>
        <location filename="../importers/reply_formats.py" line="94"/>
        <location filename="../models/received/package_check.py" line="56"/>
        <source>Word 文档（.docx）</source>
        <translation>a Word document (.docx)</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="57"/>
        <source>启用宏的 Word 文档（.docm）</source>
        <translation>a macro-enabled Word document (.docm)</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="58"/>
        <source>Word 模板（.dotx）</source>
        <translation>a Word template (.dotx)</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="59"/>
        <source>启用宏的 Word 模板（.dotm）</source>
        <translation>a macro-enabled Word template (.dotm)</translation>
    </message>
    <message>
        <location filename="../importers/reply_formats.py" line="95"/>
        <location filename="../models/received/package_check.py" line="60"/>
        <source>Excel 工作簿（.xlsx）</source>
        <translation>an Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="61"/>
        <source>启用宏的 Excel 工作簿（.xlsm）</source>
        <translation>a macro-enabled Excel workbook (.xlsm)</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="62"/>
        <source>Excel 模板（.xltx）</source>
        <translation>an Excel template (.xltx)</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="63"/>
        <source>启用宏的 Excel 模板（.xltm）</source>
        <translation>a macro-enabled Excel template (.xltm)</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="64"/>
        <source>Excel 二进制工作簿（.xlsb）</source>
        <translation>an Excel binary workbook (.xlsb)</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="65"/>
        <source>PowerPoint 演示文稿（.pptx）</source>
        <translation>a PowerPoint presentation (.pptx)</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="66"/>
        <source>“Strict Open XML”格式的文档</source>
        <translation>a document in “Strict Open XML” format</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="135"/>
        <source>文件内部的“{0}”解压后超过 {1} MB：内容过多（如文字过长、格式过多或图片过大），或是“压缩炸弹”，已拒绝读取。</source>
        <translation>The part “{0}” inside the file unpacks to more than {1} MB: too much content (text too long, too many formats or a picture too large) or a “zip bomb”; not read.</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="139"/>
        <source>文件内部的“{0}”含有 DTD/实体声明，可能是“XML 炸弹”或外部实体攻击，已拒绝读取。Word、WPS 和 Excel 也不会打开这样的文件。</source>
        <translation>The part “{0}” inside the file contains a DTD or entity declaration, possibly an “XML bomb” or an external-entity attack; not read. Word, WPS and Excel would not open such a file either.</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="196"/>
        <source>文件内部的“{0}”中有重复的关系编号，不同的程序会读到不同的部分，已拒绝读取。</source>
        <translation>The part “{0}” inside the file gives one relationship id twice, so different programs would read different parts; not read.</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="204"/>
        <location filename="../models/received/package_check.py" line="231"/>
        <source>文件内部的成员超过 {0} 个，不是正常的文档，已拒绝读取。</source>
        <translation>The file holds more than {0} members inside; it is no normal document and was not read.</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="214"/>
        <source>文件已损坏：内部的压缩数据校验失败（CRC 错误，{0}）。请让报送单位重新发送。</source>
        <translation>The file is damaged: the compressed data inside fails its check (CRC error, {0}). Ask the unit to send it again.</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="216"/>
        <source>文件已损坏，不是完整的压缩包（{0}）。</source>
        <translation>The file is damaged and not a whole zip package ({0}).</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="218"/>
        <source>文件已损坏：内部的压缩数据流无法解压（{0}）。请让报送单位重新发送。</source>
        <translation>The file is damaged: a compressed data stream inside cannot be unpacked ({0}). Ask the unit to send it again.</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="221"/>
        <source>文件内部的数据无法解压（{0}）。</source>
        <translation>Data inside the file cannot be unpacked ({0}).</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="223"/>
        <source>文件内部的索引（内容类型或关系）不是有效的 XML（{0}）。</source>
        <translation>The file's index (content types or relationships) is not valid XML ({0}).</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="235"/>
        <source>文件解压后过大（{0:.0f} MB），可能是“压缩炸弹”，已拒绝读取。</source>
        <translation>The file is too large unpacked ({0:.0f} MB); it may be a “zip bomb” and was refused.</translation>
    </message>
    <message>
        <location filename="../models/received/package_check.py" line="240"/>
        <source>文件内部有两个同名的成员“{0}”，不同的程序会读到不同的内容，已拒绝读取。</source>
        <translation>The file holds two members named “{0}”, so different programs would read different content; not read.</translation>
    </message>
    <message>
        <location filename="../importers/reply_docx.py" line="42"/>
        <source>“{0}”实际是{1}，不是 Word 文档（.docx），无法读取活动安排表。请在 Word 或 WPS 中打开它，“另存为”Word 文档（.docx）后再导入。</source>
        <translation>“{0}” is really {1}, not a Word document (.docx); the activity table cannot be read. Open it in Word or WPS, “Save As” a Word document (.docx) and import that.</translation>
    </message>
    <message>
        <location filename="../importers/reply_docx.py" line="54"/>
        <source>“{0}”设置了打开密码（已加密），无法读取。请在 Word/WPS 中取消密码并另存为 .docx 后再导入。</source>
        <translation>“{0}” has an opening password (it is encrypted) and cannot be read. Remove the password in Word/WPS, save it as .docx and import again.</translation>
    </message>
    <message>
        <location filename="../importers/reply_docx.py" line="56"/>
        <source>“{0}”不是 Word 文档（内容是{1}），无法读取活动安排表。</source>
        <translation>“{0}” is not a Word document (it contains {1}); no activity table can be read from it.</translation>
    </message>
    <message>
        <location filename="../importers/reply_docx.py" line="57"/>
        <source>“{0}”是 {1} 文件，不是 Word 文档，无法读取活动安排表。</source>
        <translation>“{0}” is a {1} file, not a Word document; no activity table can be read from it.</translation>
    </message>
    <message>
        <location filename="../importers/reply_docx.py" line="79"/>
        <source>“{0}”是 Word 97-2003 格式（.doc）。本机没有 LibreOffice，无法转换：请在 Word 或 WPS 中打开它，“另存为”Word 文档（.docx）后再导入。</source>
        <translation>“{0}” is in Word 97-2003 format (.doc). LibreOffice is not installed here to convert it: open it in Word or WPS, “Save as” a Word document (.docx) and import that.</translation>
    </message>
    <message>
        <location filename="../importers/reply_docx.py" line="84"/>
        <source>“{0}”无法转换为 .docx：{1}</source>
        <translation>“{0}” could not be converted to .docx: {1}</translation>
    </message>
    <message>
        <location filename="../importers/reply_docx.py" line="146"/>
        <source>Word 文档已损坏或格式无法识别，无法读取（{0}）。</source>
        <translation>The Word document is damaged or in an unknown format and cannot be read ({0}).</translation>
    </message>
    <message>
        <location filename="../importers/reply_docx.py" line="157"/>
        <source>第 {0} 个表格与第 {1} 个表格完全相同，只读取一次。</source>
        <translation>Table {0} is identical to table {1}; it was read once.</translation>
    </message>
    <message>
        <location filename="../importers/reply_docx.py" line="161"/>
        <source>第 {0} 个表格</source>
        <translation>table {0}</translation>
    </message>
    <message>
        <location filename="../importers/reply_docx.py" line="162"/>
        <source>第 {0} 列</source>
        <translation>column {0}</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="70"/>
        <source>不是完好的 Excel 工作簿（.xlsx）：{0}</source>
        <translation>Not an intact Excel workbook (.xlsx): {0}</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="78"/>
        <source>这是“Strict Open XML”格式的工作簿，本程序无法读取。请在 Excel 中“另存为”“Excel 工作簿（.xlsx）”（不要选 Strict Open XML）后再导入。</source>
        <translation>This workbook is in “Strict Open XML” format, which this program cannot read. In Excel, “Save As” an “Excel Workbook (.xlsx)” (not Strict Open XML) and import that.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="81"/>
        <source>不是 Excel 工作簿（.xlsx）：这是{0}。</source>
        <translation>Not an Excel workbook (.xlsx): this is {0}.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="83"/>
        <source>这是{0}，不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中“另存为”“Excel 工作簿（.xlsx）”后再导入。</source>
        <translation>This is {0}, not an Excel workbook (.xlsx). In Excel or WPS, “Save As” an “Excel Workbook (.xlsx)” and import that.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="91"/>
        <source>文件内部的共享文字表有 {0} 条以上，超过一个工作表的单元格上限 {1}，不是正常的 Excel 文件，已拒绝读取。</source>
        <translation>The file's shared text table has more than {0} entries, past the {1} cells a sheet may have; this is no normal Excel file and was not read.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="122"/>
        <source>文件内容过多，读取时内存不足，已拒绝读取。</source>
        <translation>The file holds too much to read in the memory available; it was not read.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="125"/>
        <location filename="../importers/xlsx_scan.py" line="187"/>
        <source>文件含有 XML 实体或外部引用（可能是“XML 炸弹”或外部实体攻击），已拒绝读取。</source>
        <translation>The file contains XML entities or external references (possibly an “XML bomb” or an external-entity attack) and was refused.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="127"/>
        <source>不是 Excel 工作簿（.xlsx）。</source>
        <translation>Not an Excel workbook (.xlsx).</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_file.py" line="128"/>
        <source>工作簿已损坏或格式无法识别，无法读取（{0}: {1}）。</source>
        <translation>The workbook is damaged or its format is not recognised and cannot be read ({0}: {1}).</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="210"/>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="210"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="211"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="211"/>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="219"/>
        <source>不支持把 {0} 导出为 {1} 格式。</source>
        <translation>Cannot export {0} as {1}.</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="39"/>
        <source>文件夹“{0}”不存在，无法保存“{1}”。</source>
        <translation>The folder “{0}” does not exist; “{1}” cannot be saved.</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="41"/>
        <source>“{0}”是一个文件夹，请另选文件名。</source>
        <translation>“{0}” is a folder; please choose another file name.</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="43"/>
        <source>“{0}”不是普通文件，无法导出到这里；请另选文件名。</source>
        <translation>“{0}” is not a regular file and cannot be exported to; choose another file name.</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="45"/>
        <location filename="../models/db/places.py" line="95"/>
        <source>“{0}”是一个数据库文件，导出不能覆盖它；请另选文件名。</source>
        <translation>“{0}” is a database file; an export cannot replace it. Choose another file name.</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="47"/>
        <source>“{0}”是只读文件，无法覆盖；请另选文件名或去掉只读属性。</source>
        <translation>“{0}” is read-only and cannot be overwritten; choose another name or clear its read-only flag.</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="49"/>
        <source>没有在文件夹“{0}”中写文件的权限。</source>
        <translation>No permission to write files in the folder “{0}”.</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="99"/>
        <source>原有文件保持不变。</source>
        <translation>The existing file is unchanged. </translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="99"/>
        <source>没有生成文件。</source>
        <translation>No file was written. </translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="105"/>
        <source>磁盘已满，无法写入“{0}”。{1}请腾出磁盘空间后重试。</source>
        <translation>The disk is full; cannot write “{0}”. {1}Free some disk space and try again.</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="109"/>
        <source>无法写入“{0}”：{1}。{2}</source>
        <translation>Cannot write “{0}”: {1}. {2}</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="135"/>
        <source>无法在“{0}”中写入“{1}”：{2}（文件名是否过长？）</source>
        <translation>Cannot write “{1}” in “{0}”: {2} (is the file name too long?)</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="154"/>
        <source>文件大小不对：写入 {0} 字节，应为 {1} 字节</source>
        <translation>wrong file size: {0} bytes written, {1} expected</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="155"/>
        <source>文件大小不对：写入 {0} 字节</source>
        <translation>wrong file size: {0} bytes written</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="157"/>
        <source>读回的内容与写入的不一致</source>
        <translation>what was read back differs from what was written</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="173"/>
        <source>写入“{0}”后检查未通过：{1}。{2}磁盘可能已满或不可靠，请检查后重试。</source>
        <translation>“{0}” failed its check after writing: {1}. {2}The disk may be full or unreliable; check it and try again.</translation>
    </message>
    <message>
        <location filename="../exporters/atomic.py" line="107"/>
        <source>无法写入“{0}”：文件可能正在被其他程序（如 Word、WPS、Excel）打开，或没有写入权限。请关闭该文件后重试。</source>
        <translation>Cannot write “{0}”: the file may be open in another program (Word, WPS, Excel) or not writable. Close the file and try again.</translation>
    </message>
    <message>
        <location filename="../exporters/pdf_appendix.py" line="35"/>
        <source>PDF 与打印需要 Qt 图形环境，但程序尚未创建它。</source>
        <translation>PDF and printing need Qt's graphical environment, which the program has not created.</translation>
    </message>
    <message>
        <location filename="../exporters/pdf_appendix.py" line="54"/>
        <source>无法开始打印：打印机或输出文件不可用。</source>
        <translation>Cannot start printing: the printer or output file is unavailable.</translation>
    </message>
    <message>
        <location filename="../exporters/xlsx_template.py" line="70"/>
        <source>找不到单位“{0}”，请写单位全称或简称（如“黄浦”）。</source>
        <translation>Cannot find the unit “{0}”; write its full or short name (such as “黄浦”).</translation>
    </message>
    <message>
        <location filename="../exporters/xlsx_template.py" line="240"/>
        <source>{0}年世界计量日活动安排填报模板</source>
        <translation>{0} World Metrology Day activity templates</translation>
    </message>
    <message>
        <location filename="../exporters/xlsx_template.py" line="250"/>
        <source>请指定单位（如“黄浦”），或选择为每个区局各生成一份。</source>
        <translation>Name a unit (such as “黄浦”), or choose one template for every district bureau.</translation>
    </message>
    <message>
        <location filename="../exporters/xlsx_template.py" line="253"/>
        <source>“{0}”是一个文件，请指定一个文件夹。</source>
        <translation>“{0}” is a file; please give a folder.</translation>
    </message>
    <message>
        <location filename="../exporters/xlsx_template.py" line="257"/>
        <source>无法创建文件夹“{0}”：{1}</source>
        <translation>Cannot create the folder “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../exporters/output_checks.py" line="27"/>
        <source>文件不是完整的压缩包（{0}）</source>
        <translation>the file is not a whole zip package ({0})</translation>
    </message>
    <message>
        <location filename="../exporters/output_checks.py" line="29"/>
        <source>压缩包成员“{0}”已损坏</source>
        <translation>the package member “{0}” is damaged</translation>
    </message>
    <message>
        <location filename="../exporters/output_checks.py" line="32"/>
        <source>缺少 {0}</source>
        <translation>missing {0}</translation>
    </message>
    <message>
        <location filename="../exporters/output_checks.py" line="47"/>
        <source>PDF 文件不完整（缺少文件头或结尾）</source>
        <translation>the PDF is incomplete (no header or end)</translation>
    </message>
    <message>
        <location filename="../exporters/output_checks.py" line="51"/>
        <source>PDF 无法读取（{0}）</source>
        <translation>the PDF cannot be read ({0})</translation>
    </message>
    <message>
        <location filename="../exporters/output_checks.py" line="53"/>
        <source>PDF 有 {0} 页，应为 {1} 页</source>
        <translation>the PDF has {0} pages, {1} expected</translation>
    </message>
    <message>
        <location filename="../exporters/output_checks.py" line="64"/>
        <source>日历文件无法解析（{0}）</source>
        <translation>the calendar file cannot be parsed ({0})</translation>
    </message>
    <message>
        <location filename="../exporters/output_checks.py" line="67"/>
        <source>日历中有 {0} 个事件，应为 {1} 个</source>
        <translation>the calendar holds {0} events, {1} expected</translation>
    </message>
    <message>
        <location filename="../exporters/pdf_output.py" line="174"/>
        <source>PDF 生成失败：Qt 没有输出任何内容。</source>
        <translation>Making the PDF failed: Qt wrote nothing.</translation>
    </message>
    <message>
        <location filename="../ui/recovery.py" line="29"/>
        <source>可以把最新的备份（或另选一个）放回原处，或者在这个文件中新建 2021 年活动。</source>
        <translation>You can put the newest backup (or another one) in its place, or create the 2021 campaign in this file.</translation>
    </message>
    <message>
        <location filename="../ui/recovery.py" line="30"/>
        <source>可以在这个文件中新建 2021 年活动。</source>
        <translation>You can create the 2021 campaign in this file.</translation>
    </message>
    <message>
        <location filename="../ui/recovery.py" line="31"/>
        <source>可以把最新的备份（或另选一个）放回原处；损坏的文件会另存一份，不会删除。</source>
        <translation>You can put the newest backup (or another one) in its place; the damaged file is kept aside, not deleted.</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="42"/>
        <location filename="../ui/recovery.py" line="32"/>
        <source>请不要删除这个文件，联系技术人员尝试修复。</source>
        <translation>Do not delete the file; ask a technician to try to repair it.</translation>
    </message>
    <message>
        <location filename="../ui/recovery.py" line="41"/>
        <source>数据库是空的</source>
        <translation>The database is empty</translation>
    </message>
    <message>
        <location filename="../ui/recovery.py" line="41"/>
        <source>数据库已损坏</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <location filename="../ui/recovery.py" line="44"/>
        <source>恢复备份…</source>
        <translation>Restore backup…</translation>
    </message>
    <message>
        <location filename="../ui/recovery.py" line="46"/>
        <source>新建 2021 年活动</source>
        <translation>Create the 2021 campaign</translation>
    </message>
    <message>
        <location filename="../ui/recovery.py" line="47"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../ui/recovery.py" line="62"/>
        <location filename="../ui/recovery.py" line="67"/>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../ui/recovery.py" line="64"/>
        <source>已恢复 {0} 的备份。</source>
        <translation>The backup of {0} has been restored.</translation>
    </message>
    <message>
        <location filename="../ui/recovery.py" line="66"/>
        <source>原来的文件另存为“{0}”。</source>
        <translation>The previous file was kept as “{0}”.</translation>
    </message>
    <message>
        <location filename="../models/db/backup_list.py" line="31"/>
        <source>每日自动备份</source>
        <translation>Daily backup</translation>
    </message>
    <message>
        <location filename="../models/db/backup_list.py" line="31"/>
        <source>升级前备份</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <location filename="../models/db/backup_list.py" line="32"/>
        <source>恢复前备份</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location filename="../models/db/backup_list.py" line="32"/>
        <source>手动备份</source>
        <translation>Manual backup</translation>
    </message>
    <message>
        <location filename="../models/db/backup_list.py" line="33"/>
        <source>应用遗留日志（-wal）前备份</source>
        <translation>Before applying a left-over log (-wal)</translation>
    </message>
    <message>
        <location filename="../models/db/backup_list.py" line="34"/>
        <source>删除年度前备份</source>
        <translation>Backup before deleting a year</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="24"/>
        <source>最新的备份是 {0}（{1}）：{2}</source>
        <translation>The newest backup is from {0} ({1}): {2}</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="30"/>
        <source>文件中的数据页已损坏</source>
        <translation>a data page in the file is damaged</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="31"/>
        <source>文件头已损坏，不像数据库文件</source>
        <translation>the file's header is damaged; it does not look like a database</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="39"/>
        <source>数据库文件“{0}”已损坏（{1}），未作任何改动。</source>
        <translation>The database file “{0}” is damaged ({1}); nothing was changed.</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="40"/>
        <location filename="../models/db/db_health.py" line="50"/>
        <source>这个数据库还没有任何备份。</source>
        <translation>This database has no backup yet.</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="41"/>
        <source>在窗口中打开这个数据库时，可以选择“恢复备份”把备份放回原处（损坏的文件会另存一份）。</source>
        <translation>When you open this database in the window, you can choose Restore backup to put the backup in its place (the damaged file is kept aside).</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="49"/>
        <source>数据库文件“{0}”是空的（0 字节），其中没有任何数据。</source>
        <translation>The database file “{0}” is empty (0 bytes); it holds no data.</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="51"/>
        <source>在窗口中打开它时，可以选择“恢复备份”，或者新建 2021 年活动；命令行加 --init 新建。</source>
        <translation>When you open it in the window, you can choose Restore backup, or create the 2021 campaign; on the command line, add --init to create it.</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="52"/>
        <source>在窗口中打开它时可以新建 2021 年活动；命令行加 --init 新建。</source>
        <translation>When you open it in the window you can create the 2021 campaign; on the command line, add --init to create it.</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="67"/>
        <source>缺少数据表 {0}</source>
        <translation>table {0} is missing</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="80"/>
        <source>数据库的结构被改动过：{0}</source>
        <translation>the database's structure was changed: {0}</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="92"/>
        <source>（内存）</source>
        <translation>(in memory)</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="94"/>
        <source>磁盘已满：数据库“{0}”无法写入。请腾出空间后重试。</source>
        <translation>The disk is full: the database “{0}” cannot be written. Free some space and try again.</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="96"/>
        <source>数据库文件“{0}”不能写入（只读或没有权限）。</source>
        <translation>The database file “{0}” cannot be written (read-only or no permission).</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="98"/>
        <source>数据库“{0}”正被其他程序使用，请稍后重试。</source>
        <translation>The database “{0}” is in use by another program; try again later.</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="100"/>
        <source>读写数据库文件“{0}”时出现磁盘错误：{1}</source>
        <translation>A disk error occurred while reading or writing the database file “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../models/db/db_health.py" line="103"/>
        <source>数据库“{0}”出错：{1}</source>
        <translation>Database error in “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../ui/drop_router.py" line="76"/>
        <source>“{0}”：与已导入的内容相同，未作任何改动。</source>
        <translation>“{0}”: the same as what was imported already; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../ui/drop_router.py" line="79"/>
        <location filename="../ui/drop_router.py" line="83"/>
        <source>“{0}”：有错误，未导入。{1}</source>
        <translation>“{0}”: has errors, not imported. {1}</translation>
    </message>
    <message>
        <location filename="../ui/drop_router.py" line="85"/>
        <source>“{0}”：未导入（已取消）。</source>
        <translation>“{0}”: not imported (cancelled).</translation>
    </message>
    <message>
        <location filename="../importers/docx_reader.py" line="256"/>
        <location filename="../importers/reply_docx.py" line="38"/>
        <location filename="../importers/reply_docx.py" line="51"/>
        <location filename="../models/received/file_kinds.py" line="200"/>
        <location filename="../ui/drop_router.py" line="87"/>
        <location filename="../ui/drop_router.py" line="121"/>
        <source>“{0}”：{1}</source>
        <translation>“{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../ui/drop_router.py" line="93"/>
        <source>“{0}”：看起来是活动总结；请把它拖到对应单位的报送清单行上。</source>
        <translation>“{0}”: looks like a summary; drop it on its unit's row of the checklist.</translation>
    </message>
    <message>
        <location filename="../ui/drop_router.py" line="107"/>
        <source>“{0}”：不是文件，已跳过。</source>
        <translation>“{0}”: not a file; skipped.</translation>
    </message>
    <message>
        <location filename="../ui/drop_router.py" line="110"/>
        <source>“{0}”：与同时拖入的“{1}”内容相同，已跳过。</source>
        <translation>“{0}”: the same content as “{1}” dropped with it; skipped.</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="38"/>
        <source>文档或图片 (*.pdf *.doc *.docx *.wps *.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp);;所有文件 (*)</source>
        <translation>Documents or pictures (*.pdf *.doc *.docx *.wps *.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp);;All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="47"/>
        <location filename="../ui/received_files.py" line="51"/>
        <source>接收文件</source>
        <translation>Receive file</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="69"/>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="69"/>
        <source>没有能打开“{0}”的程序。副本在：{1}</source>
        <translation>No program here opens “{0}”. The copy is at: {1}</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="78"/>
        <source>原文件 (*{0});;所有文件 (*)</source>
        <translation>Original file (*{0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="78"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="79"/>
        <source>另存文件</source>
        <translation>Save file as</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="93"/>
        <location filename="../ui/received_files.py" line="98"/>
        <location filename="../ui/received_files.py" line="101"/>
        <source>清理文件</source>
        <translation>Clean up files</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="95"/>
        <source>将删除 {0} 个不再被任何报送事项、备份或撤销历史引用的文件（{1:.1f} MB）。删除后无法恢复。继续吗？</source>
        <translation>This deletes {0} files no item, backup or undo step refers to any more ({1:.1f} MB). They cannot be brought back. Go on?</translation>
    </message>
    <message>
        <location filename="../models/received/soffice.py" line="92"/>
        <source>本机未安装 LibreOffice（找不到 soffice 程序）。</source>
        <translation>LibreOffice is not installed here (no soffice program found).</translation>
    </message>
    <message>
        <location filename="../models/received/soffice.py" line="100"/>
        <source>LibreOffice 转换“{0}”超时（{1} 秒），已停止。</source>
        <translation>LibreOffice took too long to convert “{0}” ({1} seconds) and was stopped.</translation>
    </message>
    <message>
        <location filename="../models/received/soffice.py" line="103"/>
        <source>无法运行 LibreOffice：{0}</source>
        <translation>Cannot run LibreOffice: {0}</translation>
    </message>
    <message>
        <location filename="../models/received/soffice.py" line="107"/>
        <source>LibreOffice 未能把“{0}”转换为 {1}：{2}</source>
        <translation>LibreOffice could not convert “{0}” to {1}: {2}</translation>
    </message>
    <message>
        <location filename="../models/received/soffice.py" line="108"/>
        <source>没有生成文件</source>
        <translation>no file was made</translation>
    </message>
    <message>
        <location filename="../models/summary_commands.py" line="42"/>
        <source>{0}：“{1}”与已收到的第 {2} 版内容相同；存档中缺失或损坏的副本已用它修复。</source>
        <translation>{0}: “{1}” is the same as version {2} already received; the missing or damaged copy in the archive was mended with it.</translation>
    </message>
    <message>
        <location filename="../models/summary_commands.py" line="45"/>
        <source>{0}：“{1}”与已收到的第 {2} 版（“{3}”）内容相同，未重复保存。</source>
        <translation>{0}: “{1}” is the same as version {2} already received (“{3}”); not stored again.</translation>
    </message>
    <message>
        <location filename="../models/summary_commands.py" line="47"/>
        <source>{0}：已收到“{1}”（{2}），{3}。</source>
        <translation>{0}: received “{1}” ({2}), {3}.</translation>
    </message>
    <message>
        <location filename="../models/summary_commands.py" line="61"/>
        <source>收到日期 {0} 晚于今天，未接收。</source>
        <translation>The date received, {0}, is later than today; not taken.</translation>
    </message>
    <message>
        <location filename="../models/summary_commands.py" line="65"/>
        <source>{0}没有报送事项“{1}”，未接收。可接收的事项：{2}。</source>
        <translation>{0} owes no item “{1}”; nothing was received. Items it owes: {2}.</translation>
    </message>
    <message>
        <location filename="../models/summary_commands.py" line="75"/>
        <source>{0}的“{1}”</source>
        <translation>“{1}” of {0}</translation>
    </message>
    <message>
        <location filename="../models/summary_commands.py" line="76"/>
        <source>其他事项</source>
        <translation>another item</translation>
    </message>
    <message>
        <location filename="../models/summary_commands.py" line="77"/>
        <source>“{0}”已作为{1}收到过（{2}，原名“{3}”），未重复接收。是否拖错了行？</source>
        <translation>“{0}” was already received as {1} ({2}, named “{3}”); not taken again. Was it dropped on the wrong row?</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="80"/>
        <source>没有需要清理的文件。</source>
        <translation>There are no files to clean up.</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="82"/>
        <source>没有可删除的文件：{0} 个不再被报送事项引用的文件仍被备份引用，予以保留，以便恢复备份。</source>
        <translation>Nothing can be deleted: {0} files no item refers to are still referred to by backups and are kept so those backups can be restored.</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="84"/>
        <source>已清理 {0} 个不再被任何报送事项引用的文件，释放 {1:.1f} MB。</source>
        <translation>Cleaned up {0} files no item refers to any more, freeing {1:.1f} MB.</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="87"/>
        <source>另有 {0} 个文件仍被备份引用，予以保留，以便恢复备份。</source>
        <translation> {0} more files are still referred to by backups and are kept so those backups can be restored.</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="139"/>
        <source>无法把收到的文件从“{0}”移到“{1}”：{2}；未作任何改动。</source>
        <translation>Cannot move the received files from “{0}” to “{1}”: {2}; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="155"/>
        <source>不是普通文件</source>
        <translation>not a regular file</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="165"/>
        <source>磁盘已满，无法保存{0}；未作任何改动。</source>
        <translation>The disk is full; {0} could not be stored. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="166"/>
        <source>无法保存{0}：{1}；未作任何改动。</source>
        <translation>Cannot store {0}: {1}. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="175"/>
        <source>内存数据库没有文件存档。</source>
        <translation>An in-memory database has no file archive.</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="251"/>
        <source>请把同一文件再接收一次（同一单位、同一事项），即可修复存档；数据库的备份不含收到的文件，恢复备份不能找回它。</source>
        <translation>Receive the same file again (same unit, same item) to mend the archive; the database's backups do not hold received files, so restoring one cannot bring it back.</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="256"/>
        <source>存档中“{0}”的内容已被替换为管道、设备或其他特殊文件，未读取。</source>
        <translation>The archive's copy of “{0}” was replaced by a pipe, a device or another special file; it was not read.</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="259"/>
        <source>存档中找不到“{0}”的内容（{1}）。</source>
        <translation>The archive's copy of “{0}” is missing ({1}).</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="262"/>
        <source>存档中“{0}”的内容已损坏（校验值不符）。</source>
        <translation>The archive's copy of “{0}” is damaged (its checksum does not match).</translation>
    </message>
    <message>
        <location filename="../importers/reply_import.py" line="159"/>
        <location filename="../importers/reply_tables.py" line="293"/>
        <location filename="../models/received/summary_files.py" line="221"/>
        <source>“{0}”</source>
        <translation>“{0}”</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="234"/>
        <source>“{0}”在读取过程中被改动或无法完整写入，未接收；请关闭正在编辑它的程序后重试。</source>
        <translation>“{0}” changed while it was being read, or could not be written whole; not taken. Close the program editing it and try again.</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="313"/>
        <source>“{0}”的内容不在存档中，未记录。</source>
        <translation>The content of “{0}” is not in the archive; not recorded.</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="391"/>
        <source>清理未完成：{0}</source>
        <translation>Clean-up not finished: {0}</translation>
    </message>
    <message>
        <location filename="../models/received/summary_files.py" line="399"/>
        <source>无法删除“{0}”：{1}</source>
        <translation>Cannot delete “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../importers/reply_headers.py" line="191"/>
        <source>{0}（或 {1}）</source>
        <translation>{0} (or {1})</translation>
    </message>
    <message>
        <location filename="../importers/reply_sheet.py" line="106"/>
        <source>行数过多，最多 {0} 行。</source>
        <translation>Too many rows; at most {0}.</translation>
    </message>
    <message>
        <location filename="../importers/reply_sheet.py" line="114"/>
        <source>这张工作表也有活动表，但只读取了第一张（{0}）；如需导入，请分成单独的文件。</source>
        <translation>This sheet also holds an activity table, but only the first one ({0}) was read; to import it, put it in a file of its own.</translation>
    </message>
    <message>
        <location filename="../importers/reply_sheet.py" line="118"/>
        <location filename="../importers/reply_sheet.py" line="132"/>
        <source>{0} 列</source>
        <translation>column {0}</translation>
    </message>
    <message>
        <location filename="../importers/reply_sheet.py" line="121"/>
        <source>工作表</source>
        <translation>sheet</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="90"/>
        <source>“{0}”（{1}）</source>
        <translation>“{0}” ({1})</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="313"/>
        <source>活动安排表中没有填写任何活动。</source>
        <translation>The activity table has no activities filled in.</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="325"/>
        <source>表格</source>
        <translation>table</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="330"/>
        <source>“{0}”中没有任何{1}，找不到活动安排表。</source>
        <translation>“{0}” has no {1} at all, so no activity table. </translation>
    </message>
    <message>
        <location filename="../importers/plan_table.py" line="23"/>
        <source>“{0}”在市级表中有 {1} 条、区级表中有 {2} 条活动，无法确定替换哪一张表的：命令行加 --level 市级 或 --level 区级，或在窗口中选择。</source>
        <translation>“{0}” has {1} activities in the municipal table and {2} in the district table; say which to replace: add --level 市级 or --level 区级 on the command line, or choose in the window.</translation>
    </message>
    <message>
        <location filename="../importers/plan_table.py" line="73"/>
        <location filename="../importers/reply_tables.py" line="215"/>
        <location filename="../importers/reply_tables.py" line="332"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="162"/>
        <source>合计行</source>
        <translation>total row</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="164"/>
        <source>已取消</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="166"/>
        <source>只有数字</source>
        <translation>a number only</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="168"/>
        <source>空白占位</source>
        <translation>placeholder only</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="247"/>
        <source>填表说明</source>
        <translation>notes</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="239"/>
        <location filename="../importers/reply_tables.py" line="251"/>
        <location filename="../importers/workbook.py" line="319"/>
        <source>隐藏的行</source>
        <translation>hidden row</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="252"/>
        <source>删除线</source>
        <translation>struck through</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="253"/>
        <source>与表头合并的行</source>
        <translation>merged with the header</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="282"/>
        <location filename="../importers/workbook.py" line="209"/>
        <source>{0}同属“{1}”，各行按列的顺序换行合并。</source>
        <translation>{0} are all “{1}”: joined line by line in column order.</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="285"/>
        <location filename="../importers/workbook.py" line="237"/>
        <source>不导入附件的列：{0}。这些列的内容保存在每条活动的“备注”中，不印入通知附件。</source>
        <translation>Columns not imported into the attachment: {0}. What they hold is kept in each activity's Remarks, not printed in the attachment.</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="289"/>
        <source>按您的选择不导入的列：{0}。</source>
        <translation>Columns left out as you chose: {0}.</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="292"/>
        <source>隐藏的列未导入：{0}。</source>
        <translation>Hidden columns not imported: {0}.</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="326"/>
        <source>活动安排表应有这些列（顺序不限，至少要有“活动名称”和另一列）：{0}。如某一列就是活动名称，只是列名不同，可在命令行加 --map 列名=活动名称。</source>
        <translation>An activity table has these columns (in any order, at least “活动名称” and one more): {0}. If a column is the activity name under another title, add --map title=活动名称 on the command line.</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="333"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="335"/>
        <source>等 {0} 个</source>
        <translation> (all {0})</translation>
    </message>
    <message>
        <location filename="../importers/reply_tables.py" line="336"/>
        <source>在“{0}”中没有找到活动安排表。文件中{1}{2}的首行为——{3}。</source>
        <translation>No activity table was found in “{0}”. The first rows of its {2}s{1} are: {3}. </translation>
    </message>
    <message>
        <location filename="../importers/returned.py" line="52"/>
        <source>Excel 或 Word 文件</source>
        <translation>an Excel or Word file</translation>
    </message>
    <message>
        <location filename="../importers/returned.py" line="173"/>
        <source>与已导入的内容相同（同一份回执再次导入），未作任何改动。</source>
        <translation>The same as what was imported already (the same reply again); nothing was changed.</translation>
    </message>
    <message>
        <location filename="../exporters/docx_summaries.py" line="420"/>
        <source>{0}：“{1}”{2}。</source>
        <translation>{0}: “{1}” {2}.</translation>
    </message>
    <message>
        <location filename="../exporters/docx_summaries.py" line="422"/>
        <source>{0}：“{1}”{2}，未并入。</source>
        <translation>{0}: “{1}” {2}; not included.</translation>
    </message>
    <message>
        <location filename="../exporters/docx_summaries.py" line="472"/>
        <location filename="../exporters/pdf_office.py" line="37"/>
        <source>LibreOffice 生成的文件不是 PDF，未保存。</source>
        <translation>What LibreOffice made is not a PDF; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../exporters/stored_copy.py" line="19"/>
        <source>写出的“{0}”与存档中的内容不符，未保存。</source>
        <translation>The written “{0}” differs from the archive's content; not saved.</translation>
    </message>
    <message>
        <location filename="../models/export_warnings.py" line="22"/>
        <source>{0} {1}“{2}”</source>
        <translation>{0} {1} “{2}”</translation>
    </message>
    <message>
        <location filename="../models/export_warnings.py" line="25"/>
        <source>等</source>
        <translation> and more</translation>
    </message>
    <message>
        <location filename="../models/export_warnings.py" line="26"/>
        <source>有 {0} 项活动仍是从 {1} 年沿用的，尚未修改或确认（{2}{3}）；导出的文件中它们仍是上一年的内容。</source>
        <translation>{0} activities are still carried over from {1} and not yet edited or confirmed ({2}{3}); in the exported file they still say what they said last year.</translation>
    </message>
    <message>
        <location filename="../models/fields.py" line="166"/>
        <source>市级</source>
        <translation>Municipal</translation>
    </message>
    <message>
        <location filename="../models/fields.py" line="166"/>
        <source>区级</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../models/years.py" line="39"/>
        <source>数据库中没有 {0} 年的活动；已有的年度：{1}。</source>
        <translation>The database has no {0} campaign; the years it has: {1}.</translation>
    </message>
    <message>
        <location filename="../models/figure_numbers.py" line="92"/>
        <location filename="../models/figure_numbers.py" line="106"/>
        <source>“{0}”是负数；数量不能小于 0。</source>
        <translation>"{0}" is negative; a count cannot be below 0.</translation>
    </message>
    <message>
        <location filename="../models/figure_numbers.py" line="95"/>
        <source>“{0}”不是数量；请填写整数，如 1200、1,200、约500 或 1000余。</source>
        <translation>"{0}" is not a count; enter a whole number such as 1200, 1,200, 约500 or 1000余.</translation>
    </message>
    <message>
        <location filename="../models/figure_numbers.py" line="108"/>
        <source>“{0}”超过 {1:,}，不像一个单位的活动数量；请核对。</source>
        <translation>"{0}" is over {1:,}, which is not plausible for one unit; please check.</translation>
    </message>
    <message>
        <location filename="../models/figures.py" line="23"/>
        <source>指标名称不能为空。</source>
        <translation>The figure's name cannot be empty.</translation>
    </message>
    <message>
        <location filename="../models/figures.py" line="25"/>
        <source>指标名称最多 {0} 字、单位最多 {1} 字，且只能一行。</source>
        <translation>A figure's name may have at most {0} characters and its measure word {1}, on one line.</translation>
    </message>
    <message>
        <location filename="../models/figures.py" line="28"/>
        <source>已有名为“{0}”的指标。</source>
        <translation>There is already a figure named "{0}".</translation>
    </message>
    <message>
        <location filename="../models/figures.py" line="50"/>
        <source>{0}“{1}”：{2}</source>
        <translation>{0} "{1}": {2}</translation>
    </message>
    <message>
        <location filename="../models/figures.py" line="67"/>
        <source>手工填写</source>
        <translation>Typed in</translation>
    </message>
    <message>
        <location filename="../models/figures.py" line="69"/>
        <source>单位模板</source>
        <translation>Unit's template</translation>
    </message>
    <message>
        <location filename="../models/figures.py" line="70"/>
        <source>活动总结：“{0}”</source>
        <translation>Summary: "{0}"</translation>
    </message>
    <message>
        <location filename="../models/figures.py" line="75"/>
        <source>填写</source>
        <translation>Typed</translation>
    </message>
    <message>
        <location filename="../models/figures.py" line="75"/>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../models/figures.py" line="76"/>
        <source>总结</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../models/statistics_text.py" line="27"/>
        <source>上年 {0}</source>
        <translation>last year {0}</translation>
    </message>
    <message>
        <location filename="../models/statistics_text.py" line="29"/>
        <source>上年 {0}，持平</source>
        <translation>last year {0}, unchanged</translation>
    </message>
    <message>
        <location filename="../models/statistics_text.py" line="30"/>
        <source>增长</source>
        <translation>up</translation>
    </message>
    <message>
        <location filename="../models/statistics_text.py" line="30"/>
        <source>下降</source>
        <translation>down</translation>
    </message>
    <message>
        <location filename="../models/statistics_text.py" line="31"/>
        <source>上年 {0}，{1} {2:.1f}%</source>
        <translation>last year {0}, {1} {2:.1f}%</translation>
    </message>
    <message>
        <location filename="../models/statistics_text.py" line="37"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../models/statistics_text.py" line="41"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../models/statistics_text.py" line="50"/>
        <source>尚缺数据的单位（{0} 个）：</source>
        <translation>Units still missing figures ({0}): </translation>
    </message>
    <message>
        <location filename="../models/statistics_text.py" line="50"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../models/statistics_text.py" line="54"/>
        <source>与 {0} 年比较：</source>
        <translation>Compared with {0}:</translation>
    </message>
    <message>
        <location filename="../models/statistics_text.py" line="71"/>
        <source>活动安排：{0} 项（{1}）</source>
        <translation>Activities: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../models/db/figure_store.py" line="75"/>
        <source>指标名称重复，未作任何改动。</source>
        <translation>Two figures would have the same name; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../importers/figures_sheet.py" line="97"/>
        <source>找不到表头（指标、计量单位、数值）。</source>
        <translation>No header row found (指标, 计量单位, 数值).</translation>
    </message>
    <message>
        <location filename="../importers/figures_sheet.py" line="105"/>
        <source>“{0}”不是本年度的指标。</source>
        <translation>"{0}" is not one of this year's figures.</translation>
    </message>
    <message>
        <location filename="../importers/figures_sheet.py" line="150"/>
        <source>导入 {0} 的活动统计</source>
        <translation>Import activity figures of {0}</translation>
    </message>
    <message>
        <location filename="../importers/figures_sheet.py" line="152"/>
        <source>{0} 的活动统计：已导入 {1} 项数据；活动安排未改动。</source>
        <translation>Activity figures of {0}: {1} imported; the activities were not changed.</translation>
    </message>
    <message>
        <location filename="../importers/figures_sheet.py" line="154"/>
        <source>活动统计与已导入的相同，未作任何改动。</source>
        <translation>The activity figures are the same as those imported; nothing changed.</translation>
    </message>
    <message>
        <location filename="../importers/summary_figures.py" line="53"/>
        <source>无建议：{0}</source>
        <translation>No suggestions: {0}</translation>
    </message>
    <message>
        <location filename="../importers/summary_figures.py" line="55"/>
        <source>无建议：总结中没有找到带计量单位的数字。</source>
        <translation>No suggestions: the summary has no numbers with measure words.</translation>
    </message>
    <message>
        <location filename="../importers/summary_figures.py" line="62"/>
        <location filename="../importers/summary_figures.py" line="74"/>
        <source>原句：{0}</source>
        <translation>Sentence: {0}</translation>
    </message>
    <message>
        <location filename="../importers/summary_figures.py" line="65"/>
        <source>{0}：总结中有 {1} 处不同的数字，没有合计，请选择其一（stats --set 填写）：</source>
        <translation>{0}: the summary states {1} different numbers and no total; choose one (fill in with stats --set):</translation>
    </message>
    <message>
        <location filename="../importers/summary_figures.py" line="71"/>
        <source>{0}）{1}（以上 {2} 处之和，若它们是不同的部分）</source>
        <translation>{0}) {1} (the sum of the {2} above, if they are different parts)</translation>
    </message>
    <message>
        <location filename="../importers/summary_text.py" line="27"/>
        <source>“{0}”的正文过大，未读取。</source>
        <translation>The text of "{0}" is too large; it was not read.</translation>
    </message>
    <message>
        <location filename="../importers/summary_text.py" line="33"/>
        <source>“{0}”不是可读取的 Word 文档（{1}）。</source>
        <translation>"{0}" is not a readable Word document ({1}).</translation>
    </message>
    <message>
        <location filename="../importers/summary_text.py" line="44"/>
        <source>“{0}”已加密，无法读取文字。</source>
        <translation>"{0}" is encrypted; its text cannot be read.</translation>
    </message>
    <message>
        <location filename="../importers/summary_text.py" line="47"/>
        <source>“{0}”不是可读取的 PDF（{1}）。</source>
        <translation>"{0}" is not a readable PDF ({1}).</translation>
    </message>
    <message>
        <location filename="../importers/summary_text.py" line="49"/>
        <source>“{0}”没有文字层（可能是扫描件），无法识别数据。</source>
        <translation>"{0}" has no text layer (a scan?); no figures can be read.</translation>
    </message>
    <message>
        <location filename="../importers/summary_text.py" line="67"/>
        <source>“{0}”是旧版 Word 文件，需要 LibreOffice 转换后才能读取：{1}</source>
        <translation>"{0}" is an old Word file; reading it needs LibreOffice: {1}</translation>
    </message>
    <message>
        <location filename="../importers/summary_text.py" line="69"/>
        <source>“{0}”是图片，没有可识别的文字。</source>
        <translation>"{0}" is a picture; it has no text to read.</translation>
    </message>
    <message>
        <location filename="../exporters/pdf_fonts.py" line="33"/>
        <source>本机没有中文字体，导出的 PDF 会是空白。请安装中文字体（如 fonts-noto-cjk），或导出为 Word（.docx），在 Word 或 WPS 中打开后“另存为 PDF”。</source>
        <translation>No Chinese font is installed on this computer, so the PDF would be blank. Install a Chinese font (such as fonts-noto-cjk), or export to Word (.docx), open it in Word or WPS and “Save as PDF”.</translation>
    </message>
    <message>
        <location filename="../models/dates/spans.py" line="102"/>
        <source>{0}～{1}</source>
        <translation>{0} – {1}</translation>
    </message>
    <message>
        <location filename="../importers/plan_rows.py" line="27"/>
        <source>新增</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../importers/plan_rows.py" line="27"/>
        <source>修改</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../importers/plan_rows.py" line="28"/>
        <source>删除</source>
        <translation>removed</translation>
    </message>
    <message>
        <location filename="../importers/plan_rows.py" line="28"/>
        <source>不变</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../importers/plan_rows.py" line="90"/>
        <source>{0} “{1}” → “{2}”</source>
        <translation>{0} “{1}” → “{2}”</translation>
    </message>
    <message>
        <location filename="../importers/plan_rows.py" line="93"/>
        <location filename="../models/dates/spans.py" line="103"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../importers/plan_rows.py" line="93"/>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location filename="../importers/plan_rows.py" line="101"/>
        <source>逐行对比：新增 {0}，修改 {1}，删除 {2}，不变 {3}</source>
        <translation>Row by row: {0} new, {1} changed, {2} removed, {3} unchanged</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="58"/>
        <source>{0}假期</source>
        <translation>{0} holiday</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="58"/>
        <source>休息日</source>
        <translation>weekend</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="59"/>
        <source>星期一</source>
        <translation>a Monday</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="59"/>
        <source>星期二</source>
        <translation>a Tuesday</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="59"/>
        <source>星期三</source>
        <translation>a Wednesday</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="59"/>
        <source>星期四</source>
        <translation>a Thursday</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="59"/>
        <source>星期五</source>
        <translation>a Friday</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="60"/>
        <source>星期六</source>
        <translation>a Saturday</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="60"/>
        <source>星期日</source>
        <translation>a Sunday</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="61"/>
        <source>{0}是{1}（{2}），下一个工作日是{3}。</source>
        <translation>{0} is {1} ({2}); the next working day is {3}.</translation>
    </message>
    <message>
        <location filename="../models/step_labels.py" line="26"/>
        <source>（未命名）</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <location filename="../models/step_labels.py" line="31"/>
        <source>编辑 {0} · {1}</source>
        <translation>Edit {0} · {1}</translation>
    </message>
    <message>
        <location filename="../models/step_labels.py" line="38"/>
        <source>删除 {0}</source>
        <translation>Delete {0}</translation>
    </message>
    <message>
        <location filename="../models/step_labels.py" line="39"/>
        <source>删除 {0} 项活动</source>
        <translation>Delete {0} activities</translation>
    </message>
    <message>
        <location filename="../models/step_labels.py" line="47"/>
        <source>{0}等 {1} 家</source>
        <translation>{0} and others ({1} units)</translation>
    </message>
    <message>
        <location filename="../models/step_labels.py" line="52"/>
        <source>编辑 {0} · {1} · {2}</source>
        <translation>Edit {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../models/step_labels.py" line="57"/>
        <source>标记为已报送：{0}</source>
        <translation>Mark as submitted: {0}</translation>
    </message>
    <message>
        <location filename="../models/year_removal.py" line="29"/>
        <source>{0} 年的通知、{1} 项活动、{2} 项报送事项和 {3} 个收到文件的记录</source>
        <translation>the {0} notice, {1} activities, {2} submission items and {3} records of received files</translation>
    </message>
    <message>
        <location filename="../models/year_removal.py" line="51"/>
        <source>这是数据库中唯一的年度，不能删除。</source>
        <translation>This is the only year in the database; it cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../importers/xlsx_sheets.py" line="56"/>
        <source>工作簿中有两张同名的工作表“{0}”，不同的程序会读到不同的内容，已拒绝读取。</source>
        <translation>The workbook has two sheets named “{0}”, so different programs would read different content; not read.</translation>
    </message>
    <message>
        <location filename="../models/db/places.py" line="89"/>
        <source>“{0}”是正在使用的数据库文件（或它的日志、锁文件），导出不能覆盖它；请另选文件名。</source>
        <translation>“{0}” is the database in use (or its log or lock file); an export cannot replace it. Choose another file name.</translation>
    </message>
    <message>
        <location filename="../models/db/places.py" line="92"/>
        <source>“{0}”在数据库的备份或收到文件的存档文件夹中，导出不能写入那里；请另选位置。</source>
        <translation>“{0}” is in the database's backup folder or the archive of received files; an export cannot write there. Choose another place.</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="82"/>
        <source>无法保存截图“{0}”：文件夹不存在。</source>
        <translation>Cannot save the screenshot “{0}”: the folder does not exist.</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="97"/>
        <source>无法保存截图“{0}”（没有写入权限，或磁盘已满）。</source>
        <translation>Cannot save the screenshot “{0}” (no permission to write, or the disk is full).</translation>
    </message>
</context>
<context>
    <name>ActivitiesPanel</name>
    <message>
        <location filename="../ui/activities_panel.py" line="92"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="103"/>
        <source>搜索所有文字列（Ctrl+F）…</source>
        <translation>Search all text columns (Ctrl+F)…</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="107"/>
        <source>↓ 进入搜索结果</source>
        <translation>↓ goes into the results</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="109"/>
        <source>显示全部日期</source>
        <translation>Show all dates</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="114"/>
        <source>级别：</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="116"/>
        <source>单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="130"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="164"/>
        <source>没有找到符合条件的活动。可以改变级别、单位或搜索文字，或按 Esc 清除搜索。</source>
        <translation>No activity found. Change the level, the unit or the search text, or press Esc to clear the search.</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="208"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="218"/>
        <source>在本组新增一行</source>
        <translation>Add row to group</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="223"/>
        <source>组内上移</source>
        <translation>Move up in group</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="225"/>
        <source>组内下移</source>
        <translation>Move down in group</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="227"/>
        <source>确认沿用上年活动</source>
        <translation>Confirm last year's activities</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="229"/>
        <source>把选中的上年活动确认为本年度的，不再标记“上年”</source>
        <translation>Confirm the selected activities carried over from last year as this year's; they are no longer marked “last year”</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="230"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="273"/>
        <source>日期：{0}</source>
        <translation>Date: {0}</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="326"/>
        <source>{0} / {1} 条</source>
        <translation>{0} / {1} activities</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="329"/>
        <source>（{0} 条沿用上年，待修改或确认）</source>
        <translation> ({0} carried over from last year, to edit or confirm)</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="356"/>
        <source>{0}活动安排表没有“{1}”这一列；改为{2}后可以填写。</source>
        <translation>The {0} activity table has no “{1}” column; change the level to {2} to fill it in.</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="361"/>
        <source>在左侧表格中选中一项活动，就可以在这里修改它。</source>
        <translation>Select an activity in the table on the left to edit it here.</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="376"/>
        <source>识别为：{0}</source>
        <translation>Read as: {0}</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="380"/>
        <source>无法识别：{0}（按原文保存）</source>
        <translation>Not recognized: {0} (saved as typed)</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="217"/>
        <source>新增活动</source>
        <translation>Add activity</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="220"/>
        <source>复制活动</source>
        <translation>Duplicate activity</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="424"/>
        <location filename="../ui/placement_pickers.py" line="18"/>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="469"/>
        <source>等 {0} 条</source>
        <translation> and others ({0} in all)</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="222"/>
        <location filename="../ui/activities_panel.py" line="470"/>
        <source>删除活动</source>
        <translation>Delete activity</translation>
    </message>
    <message>
        <location filename="../ui/activities_panel.py" line="471"/>
        <source>删除“{0}”{1}？可以撤销。</source>
        <translation>Delete “{0}”{1}? This can be undone.</translation>
    </message>
    <message>
        <location filename="../ui/placement_pickers.py" line="35"/>
        <source>移到另一张表（市级/区级）；两张表的序号随之重排，可撤销</source>
        <translation>Move to the other table (municipal/district); both tables are renumbered; can be undone</translation>
    </message>
    <message>
        <location filename="../ui/placement_pickers.py" line="39"/>
        <source>活动所属的单位：区级活动归入该单位的序号组，可撤销</source>
        <translation>The unit the activity belongs to: a district activity joins the unit's numbered group; can be undone</translation>
    </message>
    <message>
        <location filename="../ui/placement_pickers.py" line="57"/>
        <source>（未关联单位）</source>
        <translation>(no unit)</translation>
    </message>
</context>
<context>
    <name>ActivitiesTableModel</name>
    <message>
        <location filename="../models/fields.py" line="56"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../models/fields.py" line="58"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../models/fields.py" line="61"/>
        <source>活动名称</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../models/fields.py" line="65"/>
        <source>活动内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../models/fields.py" line="69"/>
        <source>活动时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../models/fields.py" line="73"/>
        <source>宣传形式</source>
        <translation>Publicity format</translation>
    </message>
    <message>
        <location filename="../models/fields.py" line="77"/>
        <source>宣传内容</source>
        <translation>Publicity content</translation>
    </message>
    <message>
        <location filename="../models/fields.py" line="79"/>
        <source>负责单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../models/fields.py" line="86"/>
        <location filename="../ui/import_dialog.py" line="125"/>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../ui/activities_model.py" line="67"/>
        <source>无法识别的时间：{0}</source>
        <translation>Unrecognized time: {0}</translation>
    </message>
    <message>
        <location filename="../ui/activities_model.py" line="113"/>
        <source>{0} · 上年</source>
        <translation>{0} · last year</translation>
    </message>
    <message>
        <location filename="../ui/activities_model.py" line="119"/>
        <source>沿用 {0} 年的活动，尚未修改或确认；修改任一项或“确认沿用”后不再标记</source>
        <translation>Carried over from {0}, not yet edited or confirmed; editing any field or “Confirm” removes the mark</translation>
    </message>
</context>
<context>
    <name>ActivityList</name>
    <message>
        <location filename="../ui/calendar/unplaced.py" line="91"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;（{1}）</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; ({1})</translation>
    </message>
</context>
<context>
    <name>AddItemDialog</name>
    <message>
        <location filename="../ui/checklist_view.py" line="102"/>
        <source>添加报送事项</source>
        <translation>Add submission item</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="108"/>
        <source>每个报送单位都要报送这一项（不报的可在清单中设为“无需报送”）。</source>
        <translation>Every addressee owes this item (set it to “Not required” in the checklist for those who do not).</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="115"/>
        <source>报送事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="116"/>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
</context>
<context>
    <name>AddresseesDialog</name>
    <message>
        <location filename="../ui/addressees_dialog.py" line="30"/>
        <source>报送单位 · {0}年</source>
        <translation>Addressees · {0}</translation>
    </message>
    <message>
        <location filename="../ui/addressees_dialog.py" line="32"/>
        <source>改动只影响本年度（及以后从本年度新建的年度）；往年的报送单位保持不变。每一步都可以撤销。</source>
        <translation>Changes apply to this year (and years later created from it); earlier years keep their addressees. Every step can be undone.</translation>
    </message>
    <message>
        <location filename="../ui/addressees_dialog.py" line="37"/>
        <source>添加(&amp;A)…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <location filename="../ui/addressees_dialog.py" line="38"/>
        <source>改名(&amp;R)…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <location filename="../ui/addressees_dialog.py" line="39"/>
        <source>停用(&amp;D)</source>
        <translation>Re&amp;tire</translation>
    </message>
    <message>
        <location filename="../ui/addressees_dialog.py" line="40"/>
        <source>上移(&amp;U)</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location filename="../ui/addressees_dialog.py" line="41"/>
        <source>下移(&amp;W)</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <location filename="../ui/addressees_dialog.py" line="100"/>
        <source>添加报送单位</source>
        <translation>Add addressee</translation>
    </message>
    <message>
        <location filename="../ui/addressees_dialog.py" line="101"/>
        <source>单位全称（如 金山区市场监管局第二分局）：</source>
        <translation>The unit's full name (e.g. 金山区市场监管局第二分局):</translation>
    </message>
    <message>
        <location filename="../ui/addressees_dialog.py" line="112"/>
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../ui/addressees_dialog.py" line="113"/>
        <source>“{0}”从本年度起的新名称（往年仍用原名）：</source>
        <translation>New name of "{0}" from this year on (earlier years keep the old one):</translation>
    </message>
    <message>
        <location filename="../ui/addressees_dialog.py" line="124"/>
        <source>停用报送单位</source>
        <translation>Retire addressee</translation>
    </message>
    <message>
        <location filename="../ui/addressees_dialog.py" line="125"/>
        <source>本年度起不再向“{0}”收取报送，它在本年度报送清单中的事项将被移除（往年保留，可以撤销）。继续吗？</source>
        <translation>From this year on "{0}" owes nothing; its items leave this year's checklist (earlier years are kept; this can be undone). Continue?</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../ui/app.py" line="65"/>
        <source>数据库已损坏</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="66"/>
        <source>请用“文件 → 恢复备份”把备份放回原处（当前的文件会先另存一份）。</source>
        <translation>Use File → Restore backup to put a backup in its place (the current file is backed up first).</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="70"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="73"/>
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="74"/>
        <source>操作未完成：{0}

已保存的数据不受影响。</source>
        <translation>The operation was not completed: {0}

Saved data is not affected.</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="109"/>
        <source>数据库被另一台计算机锁定</source>
        <translation>Database locked by another computer</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="110"/>
        <source>确认那台计算机已不再使用它，删除锁文件并打开吗？</source>
        <translation>Is that computer no longer using it? Delete the lock file and open the database?</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="116"/>
        <source>选择要放回原处的备份（原来的文件会另存一份）：</source>
        <translation>Choose the backup to put in its place (the previous file is kept aside):</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="158"/>
        <source>数据库正在使用</source>
        <translation>Database in use</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="162"/>
        <location filename="../ui/app.py" line="170"/>
        <source>无法打开数据库</source>
        <translation>Cannot open database</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../ui/backup_dialog.py" line="27"/>
        <location filename="../ui/backup_dialog.py" line="81"/>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../ui/backup_dialog.py" line="30"/>
        <source>{0}　{1}　{2} KB</source>
        <translation>{0}   {1}   {2} KB</translation>
    </message>
    <message>
        <location filename="../ui/backup_dialog.py" line="41"/>
        <source>选择要恢复的备份（当前数据会先另存一份备份）：</source>
        <translation>Choose the backup to restore (the current data is backed up first):</translation>
    </message>
    <message>
        <location filename="../ui/backup_dialog.py" line="73"/>
        <source>

备份只含数据库：它记录了 {0} 个收到的文件，其中 {1} 个的内容仍在存档文件夹中，恢复后可以打开；其余的需要把原文件再接收一次。</source>
        <translation>

A backup holds the database only: it records {0} received files, of which {1} are still in the archive folder and can be opened after restoring; the others must be received again from their original files.</translation>
    </message>
    <message>
        <location filename="../ui/backup_dialog.py" line="85"/>
        <source>还没有任何备份。</source>
        <translation>There are no backups yet.</translation>
    </message>
    <message>
        <location filename="../ui/backup_dialog.py" line="91"/>
        <source>用 {0} 的备份替换当前数据？当前数据会先另存一份备份。</source>
        <translation>Replace the current data with the backup from {0}? The current data is backed up first.</translation>
    </message>
    <message>
        <location filename="../ui/backup_dialog.py" line="97"/>
        <source>已恢复。</source>
        <translation>Restored.</translation>
    </message>
    <message>
        <location filename="../ui/backup_dialog.py" line="100"/>
        <source>
但存档中缺少这些收到的文件（可能已被手工删除）：
{0}</source>
        <translation>
But these received files are missing from the archive (deleted by hand?):
{0}</translation>
    </message>
</context>
<context>
    <name>CalendarTexts</name>
    <message>
        <location filename="../ui/calendar/texts.py" line="32"/>
        <source>沿用 {0} 年的活动，尚未修改或确认</source>
        <translation>Carried over from {0}, not yet edited or confirmed</translation>
    </message>
    <message>
        <location filename="../ui/calendar/texts.py" line="38"/>
        <source>时间：{0}</source>
        <translation>Time: {0}</translation>
    </message>
    <message>
        <location filename="../ui/calendar/texts.py" line="39"/>
        <source>单位：{0}</source>
        <translation>Unit: {0}</translation>
    </message>
    <message>
        <location filename="../ui/calendar/texts.py" line="46"/>
        <source>{0} {1}：{2} 项活动</source>
        <translation>{0} {1}: {2} activities</translation>
    </message>
    <message>
        <location filename="../ui/calendar/texts.py" line="55"/>
        <source>……另有 {0} 项</source>
        <translation>… {0} more</translation>
    </message>
    <message>
        <location filename="../ui/calendar/texts.py" line="86"/>
        <source>双击或按回车键，在活动安排表中打开。</source>
        <translation>Double-click or press Enter to open it in the activities table.</translation>
    </message>
    <message>
        <location filename="../ui/calendar/texts.py" line="90"/>
        <source>双击或按回车键，在活动安排表中只显示这一天的活动。</source>
        <translation>Double-click or press Enter to show only this day's activities in the table.</translation>
    </message>
    <message>
        <location filename="../ui/calendar/texts.py" line="94"/>
        <source>单击日历中的活动或日期，在这里查看详情；双击或按回车键在活动安排表中打开。</source>
        <translation>Click an activity or a day in the calendar to see its details here; double-click or press Enter to open it in the table.</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../ui/calendar/view.py" line="41"/>
        <source>无法识别时间的活动</source>
        <translation>Activities with unrecognized times</translation>
    </message>
    <message>
        <location filename="../ui/calendar/view.py" line="42"/>
        <source>无：所有活动的时间都已识别。</source>
        <translation>None: every activity’s time was recognized.</translation>
    </message>
    <message>
        <location filename="../ui/calendar/view.py" line="43"/>
        <source>不在活动期间内的活动</source>
        <translation>Activities outside the campaign period</translation>
    </message>
    <message>
        <location filename="../ui/calendar/view.py" line="85"/>
        <source>活动期间共 {0} 天，这里一次显示 {1} 天：用下方的横向滚动条或 Shift+滚轮查看其余日期，或把右侧列表拖窄。</source>
        <translation>The campaign runs {0} days; {1} fit here at once. Use the scroll bar below or Shift+wheel to see the other days, or drag the lists on the right narrower.</translation>
    </message>
    <message>
        <location filename="../ui/calendar/view.py" line="144"/>
        <source>无法识别：{0}</source>
        <translation>Not recognized: {0}</translation>
    </message>
    <message>
        <location filename="../ui/calendar/view.py" line="148"/>
        <source>时间不在活动期间内</source>
        <translation>Time outside the campaign period</translation>
    </message>
    <message>
        <location filename="../ui/calendar/view.py" line="152"/>
        <source>未填时间</source>
        <translation>No time given</translation>
    </message>
    <message>
        <location filename="../ui/calendar/view.py" line="153"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../ui/checklist_model.py" line="28"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="29"/>
        <source>报送事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="30"/>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="31"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="32"/>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="33"/>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="34"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="35"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="38"/>
        <source>未报送</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="39"/>
        <source>已报送</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="40"/>
        <source>逾期报送</source>
        <translation>Submitted late</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="41"/>
        <source>无需报送</source>
        <translation>Not required</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="112"/>
        <source>{0} ✎</source>
        <translation>{0} ✎</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="114"/>
        <source>双击单元格修改</source>
        <translation>Double-click a cell to edit it</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="114"/>
        <source>单击标题按此列排序</source>
        <translation>Click the title to sort by this column</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="253"/>
        <source>{0}（休）</source>
        <translation>{0} (day off)</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="269"/>
        <source>{0}（第 {1} 版）</source>
        <translation>{0} (version {1})</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="279"/>
        <source>迟交 {0} 天</source>
        <translation>{0} day(s) late</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="279"/>
        <source>按时</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="282"/>
        <location filename="../ui/checklist_view.py" line="314"/>
        <source>逾期 {0} 天</source>
        <translation>{0} day(s) overdue</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="283"/>
        <source>今日截止</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="283"/>
        <source>还剩 {0} 天</source>
        <translation>{0} day(s) left</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="289"/>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <location filename="../ui/checklist_model.py" line="323"/>
        <source>第 {0} 版：{1}（{2}，{3}）</source>
        <translation>Version {0}: {1} ({2}, {3})</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../ui/checklist_view.py" line="158"/>
        <source>标记为已报送</source>
        <translation>Mark as submitted</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="159"/>
        <source>把选中的事项标记为在所选收到日期已报送（晚于截止日则为逾期报送）</source>
        <translation>Mark the selected items as submitted on the chosen received date (late if after their due date)</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="162"/>
        <location filename="../ui/checklist_view.py" line="367"/>
        <location filename="../ui/checklist_view.py" line="371"/>
        <source>复制催报文本</source>
        <translation>Copy reminder</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="163"/>
        <source>把点名尚未报送单位的催报文本复制到剪贴板</source>
        <translation>Copy a reminder naming the units that have not submitted to the clipboard</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="165"/>
        <source>添加报送事项…</source>
        <translation>Add submission item…</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="166"/>
        <source>为一个单位或全部报送单位添加一项报送事项</source>
        <translation>Add a submission item for one unit or for all reporting units</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="168"/>
        <source>接收文件…</source>
        <translation>Receive file…</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="168"/>
        <source>为选中的事项接收单位发来的文件（活动总结等），并标记为已报送；也可以把文件拖到这一行上</source>
        <translation>Receive a file a unit sent for the selected item (a summary …) and mark it submitted; files may also be dropped on the row</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="172"/>
        <location filename="../ui/checklist_view.py" line="423"/>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="172"/>
        <source>用系统中的程序（Word、WPS 等）打开选中事项收到的文件</source>
        <translation>Open the selected item's file with the system's program (Word, WPS …)</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="175"/>
        <source>文件版本…</source>
        <translation>File versions…</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="175"/>
        <source>选中事项收到的各个版本：打开，或以原文件名另存</source>
        <translation>The versions the selected item received: open one, or save it under its original name</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="178"/>
        <source>另存文件…</source>
        <translation>Save file as…</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="178"/>
        <source>把选中事项收到的最新文件以原文件名另存到别处</source>
        <translation>Save the selected item's newest file elsewhere under its original name</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="181"/>
        <source>清理文件…</source>
        <translation>Clean up files…</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="181"/>
        <source>删除不再被任何报送事项、备份或撤销历史引用的存档文件</source>
        <translation>Delete kept files that no item, backup or undo step refers to any more</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="253"/>
        <source>事项：</source>
        <translation>Item:</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="266"/>
        <source>收到日期：</source>
        <translation>Received on:</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="442"/>
        <source>报送单位都已有“{0}”这一项，未添加。</source>
        <translation>Every addressee already owes “{0}”; nothing was added.</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="456"/>
        <source>全部事项</source>
        <translation>All items</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="367"/>
        <source>全部已报送，无需催报。</source>
        <translation>Everything has been submitted; no reminder needed.</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="143"/>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="194"/>
        <source>修改此格</source>
        <translation>Edit this cell</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="235"/>
        <source>“标记为已报送”“接收文件”和拖入的文件记下的收到日期</source>
        <translation>The received date that "Mark as submitted", "Receive file" and dropped files record</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="242"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="242"/>
        <source>未报送</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="243"/>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="243"/>
        <source>已报送</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="245"/>
        <source>只看未报送、逾期未报或已报送的事项</source>
        <translation>Show only items not submitted, overdue, or submitted</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="248"/>
        <source>双击“状态”“收到日期”“备注”（标有 ✎ 的列）可修改；右键单击一行可看全部操作；单击列标题排序。</source>
        <translation>Double-click Status, Received on or Note (the columns marked ✎) to edit; right-click a row for every action; click a column title to sort.</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="255"/>
        <source>显示：</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="372"/>
        <source>催报文本已复制到剪贴板（点名 {0} 家单位），可直接粘贴到邮件或消息中。</source>
        <translation>Reminder copied to the clipboard ({0} unit(s) named); paste it into an email or message.</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="385"/>
        <source>接收文件</source>
        <translation>Receive file</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="385"/>
        <source>请先选中一个单位的报送事项。</source>
        <translation>Select one unit's item first.</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="394"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="394"/>
        <source>选中的事项还没有收到文件。</source>
        <translation>The selected item has received no file yet.</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="408"/>
        <source>另存文件</source>
        <translation>Save file as</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="408"/>
        <source>已另存“{0}”。</source>
        <translation>Saved “{0}”.</translation>
    </message>
    <message>
        <location filename="../ui/checklist_view.py" line="441"/>
        <source>添加报送事项</source>
        <translation>Add submission item</translation>
    </message>
</context>
<context>
    <name>DatePicker</name>
    <message>
        <location filename="../ui/planning_bar.py" line="17"/>
        <source>yyyy年M月d日</source>
        <translation>M/d/yyyy</translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message>
        <location filename="../models/dates/deadlines.py" line="29"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../models/dates/deadlines.py" line="30"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../models/dates/deadlines.py" line="31"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../models/dates/deadlines.py" line="32"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../models/dates/deadlines.py" line="33"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../models/dates/deadlines.py" line="34"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../models/dates/deadlines.py" line="35"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../models/dates/deadlines.py" line="116"/>
        <source>{0} 已报送 {1} / {2}</source>
        <translation>{0}: submitted {1} / {2}</translation>
    </message>
    <message>
        <location filename="../models/dates/deadlines.py" line="120"/>
        <source>，逾期未报 {0}</source>
        <translation>, {0} overdue</translation>
    </message>
    <message>
        <location filename="../models/dates/deadlines.py" line="122"/>
        <source>没有报送事项</source>
        <translation>Nothing is owed</translation>
    </message>
    <message>
        <location filename="../models/dates/deadlines.py" line="127"/>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>FigureDialog</name>
    <message>
        <location filename="../ui/statistics_view.py" line="244"/>
        <source>修改指标</source>
        <translation>Change figure</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="244"/>
        <source>新增指标</source>
        <translation>Add figure</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="247"/>
        <source>计入合计</source>
        <translation>Include in totals</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="250"/>
        <source>指标名称</source>
        <translation>Figure name</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="251"/>
        <source>计量单位</source>
        <translation>Measure word</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../ui/history_window.py" line="16"/>
        <source>撤销历史</source>
        <translation>Undo history</translation>
    </message>
    <message>
        <location filename="../ui/history_window.py" line="18"/>
        <source>&lt;打开时的状态&gt;</source>
        <translation>&lt;as opened&gt;</translation>
    </message>
    <message>
        <location filename="../ui/history_window.py" line="19"/>
        <source>单击一步回到那时的状态；每个年度有自己的撤销历史，这里列出当前年度的。</source>
        <translation>Click a step to go back to that state. Each year has its own undo history; this lists the open year's.</translation>
    </message>
    <message>
        <location filename="../ui/history_window.py" line="29"/>
        <source>撤销历史 · {0}年</source>
        <translation>Undo history · {0}</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../ui/import_dialog.py" line="49"/>
        <source>导入预览：{0}</source>
        <translation>Import preview: {0}</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="57"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="63"/>
        <source>检查结果：</source>
        <translation>Check results:</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="64"/>
        <source>文件有错误，不能导入；数据库未作任何改动。</source>
        <translation>The file has errors and cannot be imported; the database has not been changed.</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="68"/>
        <source>{0}表中该单位的活动：新增 {1}，修改 {2}，删除 {3}，不变 {4}（替换原有 {5} 条）</source>
        <translation>The unit's activities in the {0} table: {1} new, {2} changed, {3} removed, {4} unchanged (replacing {5})</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="80"/>
        <source>跳过的行（不是活动，不导入）：{0} 行</source>
        <translation>Rows skipped (not activities, not imported): {0}</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="87"/>
        <source>不导入附件的列（选择其内容的去处，按列名记住）：</source>
        <translation>Columns not imported into the attachment (choose where each goes; remembered by title):</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="97"/>
        <source>保存为备注（不印入附件）</source>
        <translation>Keep as remarks (not printed)</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="98"/>
        <source>不导入</source>
        <translation>Leave out</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="68"/>
        <source>活动安排</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="68"/>
        <source>活动日历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="68"/>
        <source>报送清单</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="69"/>
        <source>通知文件</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="108"/>
        <source>导入单位返回的活动安排表（Excel/Word）…</source>
        <translation>Import a unit's activity table (Excel/Word)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="286"/>
        <source>{0} · {1}年</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="105"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="69"/>
        <source>统计</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="165"/>
        <source>导出通知（Word）…</source>
        <translation>Export notice (Word)…</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="168"/>
        <source>导出通知（PDF）…</source>
        <translation>Export notice (PDF)…</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="171"/>
        <source>导出附件汇总表（Word）…</source>
        <translation>Export appendix table (Word)…</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="174"/>
        <source>导出附件汇总表（Excel）…</source>
        <translation>Export appendix table (Excel)…</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="177"/>
        <source>导出附件汇总表（PDF）…</source>
        <translation>Export appendix table (PDF)…</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="183"/>
        <source>导出活动日历（.ics）…</source>
        <translation>Export calendar (.ics)…</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="185"/>
        <source>导出报送清单（Excel）…</source>
        <translation>Export submissions (Excel)…</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="179"/>
        <source>导出活动日程表（Word）…</source>
        <translation>Export Campaign Schedule (Word)…</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="181"/>
        <source>导出活动日程表（PDF）…</source>
        <translation>Export Campaign Schedule (PDF)…</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="187"/>
        <source>导出活动总结汇编（Word）…</source>
        <translation>Export compiled summaries (Word)…</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="190"/>
        <source>导出活动总结汇编（PDF）…</source>
        <translation>Export compiled summaries (PDF)…</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="193"/>
        <source>导出活动统计表（Excel）…</source>
        <translation>Export Figures Table (Excel)…</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="197"/>
        <source>导出活动情况报告（Word）…</source>
        <translation>Export Activity Report (Word)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="107"/>
        <source>生成单位填报模板…</source>
        <translation>Create entry templates…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="110"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="111"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="112"/>
        <source>活动日程表打印预览…</source>
        <translation>Campaign Schedule Print Preview…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="114"/>
        <source>恢复备份…</source>
        <translation>Restore backup…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="115"/>
        <location filename="../ui/main_window.py" line="324"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="122"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="123"/>
        <location filename="../ui/main_window.py" line="175"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="123"/>
        <source>撤销“{0}”</source>
        <translation>Undo “{0}”</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="125"/>
        <location filename="../ui/main_window.py" line="175"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="125"/>
        <source>重做“{0}”</source>
        <translation>Redo “{0}”</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="127"/>
        <source>撤销历史…</source>
        <translation>Undo history…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="138"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="145"/>
        <source>报送(&amp;S)</source>
        <translation>&amp;Submissions</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="155"/>
        <source>报送单位…</source>
        <translation>Addressees…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="157"/>
        <source>年度(&amp;Y)</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="159"/>
        <location filename="../ui/main_window.py" line="277"/>
        <source>切换年度</source>
        <translation>Switch year</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="162"/>
        <location filename="../ui/main_window.py" line="252"/>
        <location filename="../ui/main_window.py" line="259"/>
        <location filename="../ui/main_window.py" line="264"/>
        <location filename="../ui/main_window.py" line="268"/>
        <source>删除年度</source>
        <translation>Delete year</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="165"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="166"/>
        <source>快捷键(&amp;K)</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="172"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="176"/>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="176"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="461"/>
        <source>为须报送活动安排的全部单位各生成一份（{0} 个单位，已报送的也生成）</source>
        <translation>One for every unit asked for a plan ({0} units, those that sent it too)</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="166"/>
        <source>通知 Word</source>
        <translation>Notice Word</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="172"/>
        <source>附件 Word</source>
        <translation>Table Word</translation>
    </message>
    <message>
        <location filename="../exporters/__init__.py" line="175"/>
        <source>附件 Excel</source>
        <translation>Table Excel</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="177"/>
        <source>导入回表</source>
        <translation>Import reply</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="178"/>
        <source>标记已报送</source>
        <translation>Mark submitted</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="221"/>
        <source>数据库：{0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="221"/>
        <source>（内存）</source>
        <translation>(in memory)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="238"/>
        <source>{0}年（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="249"/>
        <source>{0}年…</source>
        <translation>{0}…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="260"/>
        <source>将删除{0}。
删除前会先备份数据库（可用“文件 → 恢复备份”找回）；删除后不能撤销，撤销历史也将清空。继续吗？</source>
        <translation>This deletes {0}.
The database is backed up first (File → Restore backup brings it back); the deletion cannot be undone and the undo history is cleared. Continue?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="267"/>
        <source>备份：{0}</source>
        <translation>Backup: {0}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="269"/>
        <source>已删除 {0} 年。</source>
        <translation>Deleted {0}.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="283"/>
        <source>{0}年“5·20世界计量日”活动管理 — {1}</source>
        <translation>World Metrology Day {0} Campaign Manager — {1}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="362"/>
        <source>离开通知文件</source>
        <translation>Leaving the notice</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="441"/>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="442"/>
        <location filename="../ui/main_window.py" line="446"/>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="442"/>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="442"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="447"/>
        <source>本机没有能打开“{0}”的程序。文件在：{1}</source>
        <translation>No program here opens “{0}”. The file is at: {1}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="334"/>
        <source>撤销失败</source>
        <translation>Undo failed</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="335"/>
        <source>{0}
已重新载入数据库中的内容；撤销历史已清空。</source>
        <translation>{0}
The data was reloaded from the database; the undo history was cleared.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="411"/>
        <source>通知文件中有错误的修改尚未保存；导出的是最后一次保存的通知。</source>
        <translation>The notice has unsaved edits with errors; the last saved notice was exported.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="417"/>
        <location filename="../ui/main_window.py" line="439"/>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="425"/>
        <source>报告的成文日期（年-月-日）：</source>
        <translation>Date of the report (year-month-day):</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="432"/>
        <source>“{0}”不是日期，请写成 2021-05-24 的样子。</source>
        <translation>“{0}” is not a date; write it like 2021-05-24.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="441"/>
        <source>已导出，请注意</source>
        <translation>Exported — please note</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="463"/>
        <location filename="../ui/main_window.py" line="469"/>
        <location filename="../ui/main_window.py" line="480"/>
        <source>生成填报模板</source>
        <translation>Create entry template</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="463"/>
        <source>为谁生成填报模板？</source>
        <translation>Write the template for whom?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="464"/>
        <source>只为“{0}”生成</source>
        <translation>Only for “{0}”</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="481"/>
        <source>已生成 {0} 个文件：
{1}</source>
        <translation>Created {0} file(s):
{1}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="487"/>
        <source>导入单位返回的活动安排表</source>
        <translation>Import a unit's activity table</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="519"/>
        <location filename="../ui/main_window.py" line="536"/>
        <source>拖入文件</source>
        <translation>Dropped files</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="607"/>
        <source>“5·20世界计量日”系列宣传活动管理</source>
        <translation>World Metrology Day (20 May) publicity campaign manager</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="608"/>
        <source>版本 {0}</source>
        <translation>Version {0}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="609"/>
        <source>上海市市场监督管理局计量处</source>
        <translation>Metrology Division, Shanghai Administration for Market Regulation</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="610"/>
        <source>离线运行，数据保存在本机。</source>
        <translation>Works offline; data is stored on this computer.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="613"/>
        <source>数据目录：{0}</source>
        <translation>Data folder: {0}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="621"/>
        <source>本程序以 MIT 许可证发布。所含第三方软件（Qt 与 PySide6 以 LGPL-3.0 许可使用，可替换其库文件）：</source>
        <translation>This program is released under the MIT licence. Third-party software it contains (Qt and PySide6 are used under the LGPL-3.0; their library files can be replaced):</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="624"/>
        <source>许可证全文：{0}</source>
        <translation>Full licence texts: {0}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="168"/>
        <location filename="../ui/main_window.py" line="606"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>NewCampaignDialog</name>
    <message>
        <location filename="../ui/notice_editor.py" line="112"/>
        <source>从上一年新建活动</source>
        <translation>New campaign from last year</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="116"/>
        <source>通知正文（标题、主题、正文、附件名称，年份改为新年度）</source>
        <translation>The notice's text (title, theme, body, attachment title; years changed to the new one)</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="120"/>
        <source>报送单位及其报送事项（全部重置为“未报送”，截止日期顺延）</source>
        <translation>The units and what they owe (all reset to “Not submitted”, due dates moved on)</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="123"/>
        <source>{0} 年的活动安排（标为“上年”，修改或确认前导出时会提示）</source>
        <translation>The activities of {0} (marked “last year”; exports warn until they are edited or confirmed)</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="125"/>
        <source>发文机关、主送机关、落款、联系人和各日期总会带到新年度（日期顺延一年），发文字号留待编号。</source>
        <translation>The issuer, addressees, signature, contacts and dates always come along (dates a year later); the document number is left to be assigned.</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="134"/>
        <source>从 {0} 年带过去：</source>
        <translation>Carry over from {0}:</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="133"/>
        <source>新年度</source>
        <translation>New year</translation>
    </message>
</context>
<context>
    <name>NoticeEditor</name>
    <message>
        <location filename="../ui/notice_editor.py" line="178"/>
        <source>发文机关标志</source>
        <translation>Issuing authority mark</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="178"/>
        <source>发文机关</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="179"/>
        <source>发文字号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="179"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="180"/>
        <source>主送机关</source>
        <translation>Addressees</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="180"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="181"/>
        <source>活动主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="181"/>
        <source>活动时间</source>
        <translation>Campaign period</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="182"/>
        <source>活动开始日期</source>
        <translation>Campaign start date</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="182"/>
        <source>活动结束日期</source>
        <translation>Campaign end date</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="183"/>
        <location filename="../ui/notice_editor.py" line="197"/>
        <source>正文</source>
        <translation>Body</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="183"/>
        <source>附件名称</source>
        <translation>Attachment title</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="184"/>
        <source>发文机关署名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="184"/>
        <source>成文日期</source>
        <translation>Date of issue</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="185"/>
        <source>附注</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="185"/>
        <source>印发机关</source>
        <translation>Printed and distributed by</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="186"/>
        <source>印发日期</source>
        <translation>Printed and distributed on</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="186"/>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="187"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="187"/>
        <source>电子邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="188"/>
        <source>总结报送截止</source>
        <translation>Summary due</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="188"/>
        <source>活动安排报送截止</source>
        <translation>Plans due</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="194"/>
        <source>版头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="195"/>
        <source>标题与主送</source>
        <translation>Title and addressees</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="196"/>
        <source>活动</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="198"/>
        <source>附件与落款</source>
        <translation>Attachment and signature</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="200"/>
        <source>版记</source>
        <translation>Imprint</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="201"/>
        <source>联系与报送</source>
        <translation>Contact and submission</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="209"/>
        <location filename="../ui/notice_editor.py" line="487"/>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="211"/>
        <source>还原</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="212"/>
        <source>放弃尚未保存的修改</source>
        <translation>Discard unsaved changes</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="214"/>
        <source>从上一年新建活动…</source>
        <translation>New campaign from last year…</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="215"/>
        <source>复制本年度的通知到新年度，日期顺延，报送情况重置</source>
        <translation>Copy this year’s notice to a new year, moving the dates and resetting submissions</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="267"/>
        <source>年度不能修改；新年度请用“从上一年新建活动”</source>
        <translation>The year cannot be changed; for a new year use “New campaign from last year”</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="302"/>
        <source>未填写</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="313"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="328"/>
        <source>提纲</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="389"/>
        <source>改为{0}</source>
        <translation>Move to {0}</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="408"/>
        <source>有 {0} 处错误（{1}），改正后才能保存</source>
        <translation>{0} error(s) ({1}); correct them to save</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="410"/>
        <source>未保存的修改：{0}</source>
        <translation>Unsaved changes: {0}</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="411"/>
        <source>通知已保存</source>
        <translation>Notice saved</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="413"/>
        <source>（{0} 条提示）</source>
        <translation> ({0} warning(s))</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="468"/>
        <location filename="../ui/notice_editor.py" line="472"/>
        <source>通知未保存</source>
        <translation>Notice not saved</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="473"/>
        <source>请先改正以下错误：
{0}</source>
        <translation>Please correct these errors first:
{0}</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="484"/>
        <source>通知有未应用的修改</source>
        <translation>Unapplied notice changes</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="485"/>
        <source>通知文件中有未应用的修改：{0}。
{1}之前，应用还是放弃这些修改？</source>
        <translation>The notice has changes not yet applied: {0}.
Apply or discard them first ({1})?</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="487"/>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="487"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="512"/>
        <source>新建年度</source>
        <translation>New year</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="464"/>
        <source>修改通知：{0}</source>
        <translation>Edit notice: {0}</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="210"/>
        <source>保存通知的修改</source>
        <translation>Save the changes to the notice</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="522"/>
        <source>无法新建活动</source>
        <translation>Cannot create campaign</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="524"/>
        <source>已新建活动</source>
        <translation>Campaign created</translation>
    </message>
    <message>
        <location filename="../ui/notice_editor.py" line="525"/>
        <source>已从 {0} 年复制通知，新建 {1} 年活动。请核对活动主题、正文，并在印发前填写发文字号的序号。</source>
        <translation>The notice was copied from {0} and the {1} campaign created. Check the theme and body, and fill in the document number’s sequence number before printing and distribution.</translation>
    </message>
</context>
<context>
    <name>PlanningBar</name>
    <message>
        <location filename="../ui/planning_bar.py" line="40"/>
        <source>报送清单按这一天计算剩余和逾期天数；“标记为已报送”默认也记这一天</source>
        <translation>The checklist counts days left and overdue from this day; “Mark as submitted” records it by default</translation>
    </message>
    <message>
        <location filename="../ui/planning_bar.py" line="44"/>
        <source>恢复默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../ui/planning_bar.py" line="45"/>
        <source>回到默认的计算日期：本年度活动期间为今天，否则为报送截止日</source>
        <translation>Back to the default: today during this year's campaign, otherwise the deadline day</translation>
    </message>
    <message>
        <location filename="../ui/planning_bar.py" line="49"/>
        <source>计算日期：</source>
        <translation>Counting from:</translation>
    </message>
    <message>
        <location filename="../ui/planning_bar.py" line="73"/>
        <source>（今天）</source>
        <translation>(today)</translation>
    </message>
    <message>
        <location filename="../ui/planning_bar.py" line="78"/>
        <source>（按所选日期计算：今天 {0} 不在 {1} 年活动期间，默认按报送截止日）</source>
        <translation>(a chosen date: today, {0}, is outside the {1} campaign, so the deadline day is used)</translation>
    </message>
    <message>
        <location filename="../ui/planning_bar.py" line="80"/>
        <source>（按所选日期计算，不是今天 {0}）</source>
        <translation>(a chosen date, not today {0})</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="39"/>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="42"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="42"/>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>StatisticsModel</name>
    <message>
        <location filename="../ui/statistics_view.py" line="63"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="65"/>
        <source>{0}年合计</source>
        <translation>Total {0}</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="115"/>
        <source>尚未填写</source>
        <translation>Not entered yet</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="138"/>
        <source>{0} 个单位填写</source>
        <translation>Entered by {0} units</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="169"/>
        <source>填写统计数据</source>
        <translation>Enter figures</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../ui/statistics_view.py" line="278"/>
        <source>从活动总结识别数据…</source>
        <translation>Figures from Summaries…</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="280"/>
        <source>新增指标…</source>
        <translation>Add Figure…</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="282"/>
        <source>修改指标…</source>
        <translation>Change Figure…</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="284"/>
        <location filename="../ui/statistics_view.py" line="389"/>
        <source>删除指标</source>
        <translation>Delete Figure</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="324"/>
        <source>尚缺数据的单位（{0} 个）：{1}</source>
        <translation>Units still missing figures ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="325"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="326"/>
        <source>各单位的数据已填齐。</source>
        <translation>Every unit's figures are complete.</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="331"/>
        <source>与 {0} 年比较：{1}</source>
        <translation>Compared with {0}: {1}</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="357"/>
        <source>从活动总结识别数据</source>
        <translation>Figures from summaries</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="358"/>
        <source>还没有收到可识别的活动总结文件。</source>
        <translation>No readable summary files have been received yet.</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="389"/>
        <source>删除指标“{0}”及各单位的数据？可以撤销。</source>
        <translation>Delete the figure "{0}" and every unit's value of it? This can be undone.</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="398"/>
        <source>指标</source>
        <translation>Figure</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../ui/status_bar.py" line="36"/>
        <source>当前年度：{0}年</source>
        <translation>Year: {0}</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="38"/>
        <source>（库中另有 {0} 年）</source>
        <translation> (the database also has {0})</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="49"/>
        <source>通知有尚未应用的修改（离开该栏或按 {0} 保存）</source>
        <translation>The notice has changes not yet applied (leave the field or press {0} to save)</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="53"/>
        <source>所有修改已保存</source>
        <translation>All changes saved</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="54"/>
        <source>所有修改已保存（本次 {0} 项，可撤销）</source>
        <translation>All changes saved ({0} this session, can be undone)</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <location filename="../ui/statistics_view.py" line="180"/>
        <source>从活动总结识别的数据</source>
        <translation>Figures read from summaries</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="183"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="183"/>
        <source>指标</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="183"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="184"/>
        <source>原句</source>
        <translation>Sentence</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="196"/>
        <source>（选其一）</source>
        <translation> (choose one)</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="199"/>
        <source>以上 {0} 处之和（若它们是不同的部分）</source>
        <translation>The sum of the {0} above (if they are different parts)</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="208"/>
        <source>勾选要采用的数据（已填写的默认不勾选；同一指标有几处不同数字的，请选其一）；采用后可在统计表中修改。</source>
        <translation>Tick the figures to accept (those already filled in start unticked; where a figure is stated with several numbers, choose one); they can be changed in the table afterwards.</translation>
    </message>
    <message>
        <location filename="../ui/statistics_view.py" line="217"/>
        <source>采用所选</source>
        <translation>Accept Selected</translation>
    </message>
</context>
<context>
    <name>SummaryBook</name>
    <message>
        <location filename="../exporters/docx_summaries.py" line="73"/>
        <source>是无法读取的 PDF 文件（{0}）</source>
        <translation>is a PDF that cannot be read ({0})</translation>
    </message>
    <message>
        <location filename="../exporters/docx_summaries.py" line="74"/>
        <source>页数过多，只并入了前 {0} 页</source>
        <translation>has too many pages; only the first {0} are included</translation>
    </message>
    <message>
        <location filename="../exporters/docx_summaries.py" line="75"/>
        <source>含有 DTD（文档类型定义，见“{0}”），Word 会拒绝打开这样的文件；可请该单位重新另存</source>
        <translation>carries a DTD (document type definition, in “{0}”), which Word refuses to open; ask the unit to save it again</translation>
    </message>
    <message>
        <location filename="../exporters/docx_summaries.py" line="77"/>
        <source>中嵌入了本程序无法转换的内容（altChunk，类型 {0}），已在汇编中原处注明</source>
        <translation>embeds content this program cannot convert (altChunk, type {0}); the book says so where it stood</translation>
    </message>
    <message>
        <location filename="../exporters/docx_summaries.py" line="79"/>
        <source>是本程序无法放入汇编的格式</source>
        <translation>is in a format this program cannot put into the book</translation>
    </message>
    <message>
        <location filename="../exporters/docx_summaries.py" line="81"/>
        <source>无法读取（{0}）</source>
        <translation>cannot be read ({0})</translation>
    </message>
    <message>
        <location filename="../exporters/docx_summaries.py" line="82"/>
        <source>是 Word 97-2003/WPS 格式，本机没有 LibreOffice 无法转换；可请该单位另存为 .docx</source>
        <translation>is in Word 97-2003/WPS format and cannot be converted without LibreOffice; ask the unit to save it as .docx</translation>
    </message>
    <message>
        <location filename="../exporters/docx_summaries.py" line="84"/>
        <source>无法转换（{0}）</source>
        <translation>cannot be converted ({0})</translation>
    </message>
    <message>
        <location filename="../exporters/docx_summaries.py" line="85"/>
        <source>是本程序无法放入 Word 的图片格式</source>
        <translation>is a picture format this program cannot put into Word</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <location filename="../ui/calendar/header.py" line="61"/>
        <source>{0}日</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../ui/calendar/header.py" line="70"/>
        <source>{0} 项</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../ui/calendar/header.py" line="92"/>
        <source>{0}年{1}月</source>
        <translation>{1}/{0}</translation>
    </message>
    <message>
        <location filename="../ui/calendar/header.py" line="94"/>
        <source>★ 世界计量日</source>
        <translation>★ World Metrology Day</translation>
    </message>
    <message>
        <location filename="../ui/calendar/header.py" line="96"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../ui/calendar/header.py" line="98"/>
        <source>计算日期</source>
        <translation>counting day</translation>
    </message>
    <message>
        <location filename="../ui/calendar/header.py" line="123"/>
        <source>活动日历（{0} 项）</source>
        <translation>Calendar ({0} activities)</translation>
    </message>
    <message>
        <location filename="../ui/calendar/header.py" line="126"/>
        <source>确定日期</source>
        <translation>Fixed dates</translation>
    </message>
    <message>
        <location filename="../ui/calendar/header.py" line="126"/>
        <source>大致或开放时间</source>
        <translation>Approximate or open</translation>
    </message>
    <message>
        <location filename="../ui/calendar/header.py" line="127"/>
        <source>超出活动期</source>
        <translation>Outside campaign period</translation>
    </message>
    <message>
        <location filename="../ui/calendar/timeline.py" line="502"/>
        <source>上年</source>
        <translation>last yr</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../ui/received_files.py" line="112"/>
        <source>{0}的{1}：收到的文件</source>
        <translation>{1} of {0}: files received</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="117"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="117"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="117"/>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="117"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="119"/>
        <source>第 {0} 版</source>
        <translation>Version {0}</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="131"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="132"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../ui/received_files.py" line="160"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>Workdays</name>
    <message>
        <location filename="../models/dates/workdays.py" line="14"/>
        <source>元旦</source>
        <translation>New Year's Day</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="15"/>
        <source>春节</source>
        <translation>Spring Festival</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="16"/>
        <source>清明节</source>
        <translation>Qingming Festival</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="17"/>
        <source>劳动节</source>
        <translation>Labour Day</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="18"/>
        <source>端午节</source>
        <translation>Dragon Boat Festival</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="19"/>
        <source>国庆节</source>
        <translation>National Day</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="20"/>
        <source>中秋节</source>
        <translation>Mid-Autumn Festival</translation>
    </message>
    <message>
        <location filename="../models/dates/workdays.py" line="21"/>
        <source>抗战胜利纪念日</source>
        <translation>Victory Day</translation>
    </message>
</context>
<context>
    <name>periods</name>
    <message>
        <location filename="../models/dates/periods.py" line="277"/>
        <source>没有第{0}周：{1}月</source>
        <translation>no week {0} in month {1}</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="286"/>
        <location filename="../models/dates/periods.py" line="449"/>
        <source>年份无效：{0}年</source>
        <translation>invalid year: {0}</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="293"/>
        <source>月份无效：{0}月</source>
        <translation>invalid month: {0}</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="298"/>
        <source>日期不存在：{0}月{1}日</source>
        <translation>no such date: month {0}, day {1}</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="351"/>
        <source>起止颠倒：{0}月{1}日至{2}月{3}日</source>
        <translation>start after end: {0}/{1} to {2}/{3}</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="379"/>
        <source>起止颠倒：即日起</source>
        <translation>start after end: from today</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="407"/>
        <source>日期无效</source>
        <translation>invalid date</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="503"/>
        <source>全年开展，没有具体日期</source>
        <translation>all year round, no particular date</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="504"/>
        <source>常态化开展，没有具体日期</source>
        <translation>ongoing, no particular date</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="505"/>
        <source>长期开展，没有具体日期</source>
        <translation>long-term, no particular date</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="506"/>
        <source>时间待定</source>
        <translation>time to be decided</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="507"/>
        <source>时间另行通知</source>
        <translation>time to be announced</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="508"/>
        <source>时间另定</source>
        <translation>time to be set later</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="510"/>
        <source>没有可识别的日期</source>
        <translation>no date recognised</translation>
    </message>
    <message>
        <location filename="../models/dates/periods.py" line="517"/>
        <source>空白</source>
        <translation>blank</translation>
    </message>
</context>
</TS>
