"""Every error code the program can show, with its Chinese message template and a next step.

A code is stable: tests, scripts and the support desk match on it. The raise site usually fills in
the particulars (a file name, a date, a limit); the template here says what the message is about,
with ``{placeholders}`` for those particulars, and is the message itself when the site has nothing
to add (``UserError("E_PKG_MAGIC")``). The next step (下一步) is what the user can do about it; the
window shows it under the message. ``tests/unit/test_error_codes.py`` fails when a code in the
source is missing here, so a new code is registered where it is introduced.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorCode:
    code: str
    message: str  # the template: what went wrong
    next_step: str = ""  # what to do about it, when there is something to do


# Next steps shared by a family of codes (a code's own next step wins). Matched on the code's
# prefix, so E_LEDGER_HEADER and E_LEDGER_FORMAT share the ledger's advice.
_FAMILY_NEXT_STEPS: tuple[tuple[str, str], ...] = (
    ("E_LEDGER", "请按提示修改台账文件后重新导入；可先用“预检”查看所有问题。"),
    ("E_TRANSITION", "请刷新案件，按当前状态可用的按钮操作。"),
    ("E_CASE_NOT_FOUND", "请刷新案件列表后重试。"),
    ("E_NOT_INITIALISED", "请重新启动程序并完成首次设置。"),
    ("E_DATE", "请检查日期后重试。"),
    ("E_EXTENSION", "请选择不超过法定上限的日期。"),
    ("E_ATTACHMENT", "请重新选择文件。"),
    ("E_FILE", "请确认文件存在、未被其他程序占用，然后重试。"),
    ("E_PKG", "请让对方重新导出同步包，或确认拿到的是正确的文件。"),
    ("E_JSON", "请让对方重新导出同步包；不要手工修改包内的文件。"),
)

# A refusal is the input's fault, not the program's: the administrator is named only for unexpected
# faults (the crash dialog, gui/crash.py).
DEFAULT_NEXT_STEP = "请修改后重试。"

_SYNC_REFUSED = "已拒绝整个包，本机数据没有任何改动。"

_CODES: tuple[ErrorCode, ...] = (
    # --- input and arguments -------------------------------------------------------------------
    ErrorCode("E_ARGUMENT", "参数不正确：{detail}", "运行命令时加 -h 查看用法。"),
    ErrorCode("E_INVALID", "输入的内容有误：{detail}"),
    ErrorCode("E_REQUIRED", "缺少必填内容：{field}", "请补全后重试。"),
    ErrorCode("E_TOO_LONG", "{label}过长：{length} 个字，最多 {max_len} 个字", "请删减后重试。"),
    ErrorCode("E_TEXT_TYPE", "{label}应为文字"),
    ErrorCode("E_TEXT_CONTROL", "{label}含有不可见的控制字符（{char}）", "请删除后重新输入；从其他程序复制的文字可先粘贴到记事本再复制。"),
    ErrorCode("E_TEXT_BIDI", "{label}含有文字方向控制字符（{char}），这类字符会让文字显示得与实际内容不同", "请删除后重新输入。"),
    ErrorCode("E_DATE", "日期“{text}”格式不正确，应为 YYYY-MM-DD"),
    ErrorCode("E_DATE_FUTURE", "{what}不能晚于今天"),
    ErrorCode("E_DATE_ORDER", "{what}不能早于{earlier}"),
    ErrorCode("E_DATE_PAST", "{what}不能早于今天", "请选择今天或以后的日期；已经进行的调解请用“记录调解”登记。"),
    ErrorCode("E_TIME", "时间“{text}”格式不正确，应为 时:分，如 09:30"),
    ErrorCode("E_DATE_RANGE", "{what}“{value}”不合理：应在 {min_year} 年到 {max_year} 年之间"),
    ErrorCode("E_AMOUNT", "金额“{text}”无法识别，请填写如 16409.02 的数字"),
    ErrorCode("E_AMOUNT_NEGATIVE", "金额不能为负数"),
    ErrorCode("E_AMOUNT_TOO_LARGE", "金额过大（最多 {max_yuan} 元）", "请核对金额的单位（元）和位数。"),
    ErrorCode("E_WORKERS", "涉及人数不能少于申请人人数", "请核对涉及人数。"),
    ErrorCode("E_ID_FORMAT", "身份证号应为18位，最后一位可为数字或X", "请对照身份证核对号码。"),
    ErrorCode("E_ID_CHECKSUM", "身份证号校验位不正确，请核对", "请对照身份证逐位核对号码。"),
    ErrorCode("E_ID_BIRTHDATE", "身份证号中的出生日期不存在或不合理", "请对照身份证核对号码。"),
    ErrorCode("E_USCC_FORMAT", "统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）", "请对照营业执照核对代码。"),
    ErrorCode("E_USCC_CHECKSUM", "统一社会信用代码校验位不正确，请核对", "请对照营业执照逐位核对代码。"),
    ErrorCode("E_PHONE", "电话号码应为11位手机号或带区号的固定电话"),
    ErrorCode("E_ORG_CODE", "组织代码应为1到32个汉字、字母、数字、下划线或连字符，如“津和平”或“HP01”"),
    ErrorCode("E_CASE_NO_PATTERN", "案号格式不正确：{detail}", "案号格式只能使用 {org_code}、{year}、{seq} 这几个占位符。"),
    ErrorCode("E_DISPUTE_TYPE", "未知的争议类型：{types}"),
    ErrorCode("E_ROLE", "角色不正确：{detail}"),
    ErrorCode("E_CHANNEL", "未知的申请方式“{channel}”，可选：{choices}"),
    ErrorCode("E_JSON", "案件 JSON 文件无法读取：{detail}", "请确认选对了文件，并另存为 UTF-8 编码的 JSON。"),
    ErrorCode("E_JSON_TYPE", "案件 JSON 中 {field} 的类型不对：{expected}", "请按 case show --json 的格式修改该字段。"),
    ErrorCode("E_JSON_FIELD", "案件 JSON 中有未知字段 {field}", "请删除该字段，或改为可用的字段名。"),
    ErrorCode("E_INTERRUPTED", "操作已取消，未完成的更改没有保存。", "需要时重新运行该命令。"),
    # --- cases and their lifecycle ---------------------------------------------------------------
    ErrorCode("E_CASE_NOT_FOUND", "找不到案件“{case}”"),
    ErrorCode("E_NOT_FOUND", "找不到要处理的记录：{what}", "请刷新后重试。"),
    ErrorCode("E_NOT_OWNER", "这是其他调解组织登记的案件，只能查看；如需更正，请发送更正意见"),
    ErrorCode("E_TRANSITION", "案件当前状态为“{stage}”，不能执行“{action}”"),
    ErrorCode("E_AGREEMENT_EMPTY", "达成协议需要至少一项协议内容", "请添加协议条款后再保存。"),
    ErrorCode("E_AGREEMENT_MISSING", "案件没有调解协议"),
    ErrorCode("E_AGREEMENT_TAX", "协议金额的税务口径应为 pre_tax（税前）、after_tax（税后）或 none（不涉及）"),
    ErrorCode("E_REPRESENTATIVE_REQUIRED", "集体争议（涉及{workers}人）须由劳动者推举代表人",
              "请在申请人中勾选推举的代表人。"),
    ErrorCode("E_PER_WORKER_REQUIRED", "集体争议（涉及{workers}人）的协议约定了给付金额，请逐一列明每名劳动者的姓名和应得金额（per_worker）"),
    ErrorCode("E_EXTENSION_NOT_ACCEPTED", "案件尚未受理，不能延长调解期限", "请先受理案件。"),
    ErrorCode("E_EXTENSION_BEFORE_DUE", "延长后的调解期限（{until}）必须晚于原调解期限 {due}"),
    ErrorCode("E_EXTENSION_TOO_LONG", "调解期限最多延长15日，最晚到 {limit}，不能延至 {until}"),
    ErrorCode("E_EXTENSION_LATE", "调解期限已于 {term_ends} 届满，{agreed_on} 才同意延期的，不能再延长",
              "请按调解不成终止调解，并告知当事人申请仲裁的权利。"),
    # --- accounts and permissions ----------------------------------------------------------------
    ErrorCode("E_PERMISSION", "当前账户（{who}）无权{permission}", "请由有权限的人员操作。"),
    ErrorCode("E_SIGNIN_FAILED", "用户名或密码不正确", "请核对后重新输入。"),
    ErrorCode("E_SIGNIN_LOCKED", "密码错误次数过多，请{wait}后再试"),
    ErrorCode("E_USER_EXISTS", "用户名“{name}”已被使用", "请换一个用户名。"),
    ErrorCode("E_USER_NAME", "用户名不能为空、不能含空格，最多{max_len}个字符"),
    ErrorCode("E_USER_NOT_FOUND", "没有名为“{name}”的用户", "运行 users list 查看已有的用户。"),
    ErrorCode("E_USERS_EXIST", "已经有用户账户，请由管理员在“用户管理”中添加新用户"),
    ErrorCode("E_LAST_ADMIN", "不能停用最后一个管理员账户或取消其管理员角色，否则没有人能再管理用户", "请先把另一位用户设为管理员。"),
    ErrorCode("E_PASSWORD_WEAK", "密码过于简单：至少需要{min_len}个字符，并混用不同的字符"),
    ErrorCode("E_PASSWORD_WRONG", "原密码不正确"),
    ErrorCode("E_PASSWORD_MISMATCH", "两次输入的密码不一致", "请重新输入。"),
    ErrorCode("E_PASSWORD_REQUIRED", "请通过环境变量 {env} 提供密码，或在终端中运行以便输入密码"),
    # --- the data folder and the database ---------------------------------------------------------
    ErrorCode("E_NOT_INITIALISED", "数据目录 {root} 中还没有数据库，请先运行 init 命令初始化"),
    ErrorCode("E_ALREADY_INITIALISED", "数据目录 {root} 已经初始化过，不能重复初始化"),
    ErrorCode("E_ALREADY_RUNNING", "调解工作台已经打开了数据目录 {root}", "请切换到已经打开的窗口；同一数据目录同时只能打开一个窗口。"),
    ErrorCode("E_NOT_READY", "数据库尚未打开，请稍候再试"),
    ErrorCode("E_DATABASE_BUSY", "数据库正被另一个程序（如已打开的调解工作台窗口或其他命令）写入，本次操作没有保存", "请稍后重试。"),
    ErrorCode("E_DATABASE_URL", "数据库地址不正确：{detail}", "地址应为 postgresql://用户名:密码@服务器:5432/数据库名；不填则使用数据目录中的本机数据库。"),
    ErrorCode("E_DATABASE_CONNECT", "无法连接数据库服务器 {url}：{reason}", "请确认服务器已启动、地址和端口正确、用户名和密码无误，且该数据库已由管理员建立。"),
    ErrorCode("E_BACKUP_PG_DUMP", "数据库在 PostgreSQL 服务器上，需要用 pg_dump 备份：{command}", "请安装 PostgreSQL 客户端（Debian：apt install postgresql-client）后重试，或请数据库管理员备份。"),
    ErrorCode("E_RESTORE_SERVER", "数据库在 PostgreSQL 服务器上，不能由本程序恢复", "请数据库管理员用 pg_restore 恢复（见 installer/postgres/README.md）。"),
    ErrorCode("E_DATABASE_DAMAGED", "数据库文件 {path} 已损坏（{detail}）", "请从备份恢复（restore），不要删除损坏的文件。"),
    ErrorCode("E_DATA_IN_USE", "数据库正被调解工作台的窗口或其他程序使用", "请先关闭调解工作台的其他窗口再试。"),
    ErrorCode("E_CHECK_FAILED", "数据库检查发现问题：{detail}", "请从最近的完好备份恢复（restore）。"),
    ErrorCode("E_DEMO_REAL_DATA", "这个数据目录中已有真实案件或已与其他节点交换过同步包，不能再加入模拟案件（它们会混入统计和上报）",
              "如需演示，请用一个新的空数据目录（--data-dir）。"),
    # --- the computer: disk, folders, permissions ---------------------------------------------------
    ErrorCode("E_DISK_FULL", "磁盘空间已满{where}，操作没有完成，已保存的数据不受影响",
              "请清理该磁盘（删除不需要的文件，或把旧备份移到别处）后重试。"),
    ErrorCode("E_IO", "读写磁盘时出错{where}，操作没有完成，已保存的数据不受影响",
              "磁盘或U盘可能已损坏或被拔出：请检查设备后重试，并运行“check”检查数据库，必要时从备份恢复。"),
    ErrorCode("E_READ_ONLY", "文件夹或磁盘是只读的{where}，无法写入，操作没有完成，已保存的数据不受影响",
              "请换一个可以写入的位置，或取消U盘、文件夹的写保护后重试。"),
    ErrorCode("E_NO_ACCESS", "没有权限读写{where}，操作没有完成，已保存的数据不受影响",
              "请确认当前登录的系统账户对这个文件夹有读写权限（数据目录应属于本人账户）。"),
    ErrorCode("E_PATH_MISSING", "找不到文件或文件夹{where}，操作没有完成，已保存的数据不受影响",
              "请确认路径存在（U盘或网络共享是否已连接）后重试。"),
    ErrorCode("E_FILE_NOT_FOUND", "找不到文件或无法读取：{path}"),
    ErrorCode("E_FILE_WRITE", "无法写入文件 {path}：{reason}"),
    ErrorCode("E_FILE_IN_USE", "无法写入“{path}”：该文件可能正被 Word 或 WPS 打开", "请关闭该文件后重试。"),
    ErrorCode("E_OUTPUT_PATH", "输出文件的位置不能使用：{detail}", "请换一个已存在、可写入的文件夹，并给出文件名。"),
    # --- backups and restore ----------------------------------------------------------------------
    ErrorCode("E_BACKUP_TARGET", "备份文件的位置不正确：{detail}", "请给出一个新的备份文件名（不能是文件夹或数据库本身）。"),
    ErrorCode("E_BACKUP_UNSUPPORTED", "只有本机 SQLite 数据库可以这样备份", "PostgreSQL 数据库请用其自带的备份工具。"),
    ErrorCode("E_BACKUP_CHECK", "备份文件未通过完整性检查：{problems}", "请检查磁盘后重新备份。"),
    ErrorCode("E_NO_GOOD_BACKUP", "在 {folder} 中没有找到完好的备份，无法自动恢复", "请把损坏的数据库文件交给技术人员处理，不要删除它。"),
    ErrorCode("E_RESTORE_SOURCE", "备份文件不能用于恢复：{detail}", "请选择一个已有的备份文件（不是数据库本身）。"),
    ErrorCode("E_RESTORE_DAMAGED", "备份文件 {name} 已损坏，不能用于恢复：{problems}", "请选择另一份备份。"),
    ErrorCode("E_RESTORE_SCHEMA", "{name} 不能用于恢复：{problems}", "请选择本软件制作的备份。"),
    ErrorCode("E_RESTORE_OTHER_NODE", "这个备份来自另一台电脑（另一个节点）的数据库，不能覆盖本机数据",
              "如需在本机使用它，请把它恢复到一个新的空数据目录（--data-dir）。"),
    # --- ledgers, attachments, reports --------------------------------------------------------------
    ErrorCode("E_LEDGER_FORMAT", "台账文件无法读取：{detail}"),
    ErrorCode("E_LEDGER_HEADER", "台账的表头不正确：{detail}"),
    ErrorCode("E_LEDGER_PATH", "台账模板无法保存：{detail}", "请保存为 .xlsx 文件，并确认文件夹可写。"),
    ErrorCode("E_UNDO_NOTHING", "没有可以撤销的台账导入", "只有最近一次尚未撤销的导入可以撤销。"),
    ErrorCode("E_UNDO_REFUSED", "不能撤销“{file}”的导入：{cases}；没有任何案件被删除",
              "导入后已修改或已同步的案件须逐件处理；未修改的案件可在案件列表中核对。"),
    ErrorCode("E_REVIEW_EMPTY", "请至少选择一件待核实的案件", "在“历史在办案件，请核实”列表中勾选案件后再操作。"),
    ErrorCode("E_REVIEW_NOT_PENDING", "以下案件不在“历史在办案件，请核实”列表中：{cases}",
              "请刷新列表，只选择列表中的案件。"),
    ErrorCode("E_REVIEW_OUTCOME", "结案结果“{text}”无法识别", "可填：调解成功、和解、撤回、调解不成、不予受理、转办。"),
    ErrorCode("E_REVIEW_DATE", "结案日期早于案件的收案或受理日期", "请填写收案（受理）之后、今天或以前的日期。"),
    ErrorCode("E_ATTACHMENT_MISSING", "找不到附件文件：{path}", "请确认文件存在后重新选择，或从备份恢复。"),
    ErrorCode("E_ATTACHMENT_DAMAGED", "附件文件已损坏（校验值不符）", "请从备份恢复或重新添加。"),
    ErrorCode("E_ATTACHMENT_TOO_LARGE", "附件超过200MB", "请压缩或分页扫描后再添加。"),
    ErrorCode("E_REPORT_FORMAT", "不支持的报表格式“{suffix}”：请使用 .xlsx、.docx 或 .json"),
    ErrorCode("E_KEY_LIST_FORMAT", "重点企业名单无法读取：{detail}", "请保存为 UTF-8 或 GBK 编码的 CSV，第1行为表头，含“统一社会信用代码”和“名称”两列。"),
    ErrorCode("E_CALENDAR_FORMAT", "节假日表格式不正确：{detail}", "请按节假日表模板填写后重新导入。"),
    # --- the district's desk ------------------------------------------------------------------------
    ErrorCode("E_STALE_DAYS", "未报送提醒天数不正确：{detail}", "请填写1到366之间的整数天数。"),
    ErrorCode("E_RISK_SETTING", "同一用人单位案件数提醒不正确：{detail}", "请填写2到1000之间的整数。"),
    ErrorCode("E_ORG_NOT_FOUND", "没有代码为“{code}”的调解组织", "请用 rooms 命令或“调解组织”页查看已登记的组织代码。"),
    ErrorCode("E_PERIOD", "统计期间不正确：{detail}", "请选择正确的年份、季度或月份。"),
    ErrorCode("E_REMARK_NOT_FOUND", "找不到编号为“{id}”的区人社意见", "用 case show 案号 查看案件收到的意见及其编号。"),
    ErrorCode("E_REMARK_AMBIGUOUS", "有多条意见的编号以“{id}”开头", "请输入更长的意见编号。"),
    # --- documents --------------------------------------------------------------------------------
    ErrorCode("E_DOC_KIND", "未知的文书种类“{kind}”，可选：{kinds}"),
    ErrorCode("E_DOC_NOT_FOUND", "找不到这份文书", "请刷新文书列表后重试。"),
    ErrorCode("E_DOC_NOT_READY", "本案还不能生成这份文书：{reason}", "请先补全案件记录，再生成文书。"),
    ErrorCode("E_DOC_SERVES", "送达回证所送达的文书无效", "请选择本案已可出具的一种文书，如 agreement（调解协议书）。"),
    ErrorCode("E_DOC_STAGE", "不能为案件 {case_no} 生成{what}：{reason}。文书必须与案件记录一致",
              "请先记录相应的办案环节（受理、调解、延期、协议或结束调解），或选择与案件记录一致的文书。"),
    ErrorCode("E_DOC_PATH", "输出文件名应以 .docx 结尾"),
    ErrorCode("E_DOC_CONCURRENT", "另一位用户刚刚生成了同一文书", "请重试。"),
    ErrorCode("E_TEMPLATE", "{where}无法生成文书：{detail}", "请检查模板中的字段名和语法，或恢复为内置模板。"),
    ErrorCode("E_TEMPLATE_MISSING", "缺少内置文书模板“{name}”", "请重新安装本软件。"),
    ErrorCode("E_TEMPLATE_UNSAFE", "模板文件中的占位符“{placeholder}”不允许使用：{reason}",
              "模板只能使用文书模板说明（docs/documents/README.md）列出的字段、列表和过滤器；请改正或删除这个占位符。"
              "在此之前生成文书时使用内置模板。"),
    ErrorCode("E_TEMPLATE_OFFER_NOT_FOUND", "没有待处理的下发模板“{name}”", "运行 templates list 查看待处理的模板。"),
    ErrorCode("E_TEMPLATE_OFFER_DAMAGED", "下发模板“{name}”的内容与其摘要不符", "数据库可能已损坏，请运行 check。"),
    ErrorCode("E_NO_LIBREOFFICE", "未找到 LibreOffice，无法转换为 PDF", "请安装 LibreOffice 后重试，或直接用 Word/WPS 打开 .docx 文件打印。"),
    ErrorCode("E_PDF_CONVERT", "LibreOffice 未能转换为 PDF：{detail}", "请稍后重试；仍不成功时直接用 Word/WPS 打开 .docx 文件打印。"),
    # --- keys and trust ---------------------------------------------------------------------------
    ErrorCode("E_KEY_MISSING", "未找到或无法读取本机密钥（{path}）", "请先初始化本机（init）。"),
    ErrorCode("E_KEY_EXISTS", "本机密钥已存在（{path}），不会覆盖"),
    ErrorCode("E_KEY_CORRUPT", "本机密钥文件已损坏（{path}）", "请从备份恢复，或按密钥遗失流程重新生成并重新登记。"),
    ErrorCode("E_KEY_PASSPHRASE", "私钥口令不正确或未提供", "请把环境变量设为创建密钥时使用的口令后重试。"),
    ErrorCode("E_KEY_DPAPI", "本机密钥受 Windows 用户保护，只能在创建它的 Windows 账户下读取", "请使用创建密钥的账户登录。"),
    ErrorCode("E_KEY_MISMATCH", "本机密钥属于另一个节点（数据目录可能是拷贝来的）", "请按密钥遗失流程重新生成密钥并重新登记。"),
    ErrorCode("E_KEY_IDENTITY", "密钥中的节点身份（机构名称、代码或角色）不合格：{detail}"),
    ErrorCode("E_KEYS_SELF", "这是本机自己的名片，不需要登记。"),
    ErrorCode("E_KEYS_ROLE", "双方都是{role}：调解组织只与区人社监管交换同步包", "请登记对方（另一角色）的名片。"),
    ErrorCode("E_CARD_INVALID", "身份名片无效：{reason}", "请向对方重新索取名片文件。"),
    ErrorCode("E_FINGERPRINT_MISMATCH", "指纹与名片不一致，或不是 {digits} 位数字",
              "请通过电话与对方逐组核对指纹；不一致时不要信任该名片。"),
    ErrorCode("E_PEER_NOT_FOUND", "没有登记过节点“{ref}”（可用节点编号或机构代码）", "运行 keys list 查看已登记的节点。"),
    ErrorCode("E_PEER_REVOKED", "节点 {org_code} 已被吊销，不能再向它发送同步包。"),
    # --- sync packages ----------------------------------------------------------------------------
    ErrorCode("E_PKG_MAGIC", "这不是调解工作台的同步包文件。"),
    ErrorCode("E_PKG_VERSION", "同步包格式版本无效，或比本软件新", "如果对方的软件更新，请先升级本软件。"),
    ErrorCode("E_PKG_HEADER", "包头无效：{reason}"),
    ErrorCode("E_PKG_ARCHIVE", "包内的文件结构不合格：{reason}"),
    ErrorCode("E_PKG_SCHEMA", "包的数据版本 {version} 不受本软件支持", "如果对方的软件更新，请先升级本软件。"),
    ErrorCode("E_PKG_SIGNATURE", "签名校验失败：文件在传递中被改动或损坏，或并非由所称的发送方制作。已拒绝，未做任何改动。"),
    ErrorCode("E_PKG_DECRYPT", "无法解密：这个包不是用本机当前的密钥加密的（密钥已更换或安装被复制？）。"),
    ErrorCode("E_PKG_NOT_FOR_ME", "这个包不是发给本机的（接收方中没有本机）。", "请确认文件是否拿错。"),
    ErrorCode("E_PKG_REVOKED", "发送方（机构代码 {org_code}）的这把密钥已被吊销，不再接受它签名的新包。", "请对方使用新密钥重新导出。"),
    ErrorCode("E_PKG_UNKNOWN_SENDER", "发送方（机构代码 {org_code}，节点 {node}）尚未登记。", "请先核对指纹并登记对方的身份名片。"),
    ErrorCode("E_PKG_TRUNCATED", "文件不完整（可能在复制中途被中断或 U 盘被拔出）。", "请重新复制或让对方重新导出。"),
    ErrorCode("E_PKG_TOO_LARGE", "同步包超过大小上限（{size} 字节，上限 {max_size} 字节）", "请分批导出。"),
    ErrorCode("E_PKG_READ", "无法读取文件 {name}：{reason}。"),
    ErrorCode("E_PKG_WRITE", "无法写入包文件（{reason}）", "请检查 U 盘或文件夹是否可写、空间是否足够。"),
    ErrorCode("E_PKG_WRITE_VERIFY", "写出的包复读校验失败（{detail}）", "U 盘或磁盘可能有问题，请换一个位置重试。"),
    ErrorCode("E_PKG_EXISTS", "目标文件夹中已有同名文件 {name}。", "请换一个文件夹，或先移走同名文件。"),
    ErrorCode("E_JSON_SYNTAX", "JSON 格式错误：{detail}。"),
    ErrorCode("E_JSON_ENCODING", "文本编码不合格：{detail}（应为不带 BOM 的 UTF-8）。"),
    ErrorCode("E_JSON_DUPLICATE_KEY", "对象中键“{key}”出现了两次。"),
    ErrorCode("E_JSON_DEPTH", "嵌套层数超过 {max_depth} 层。"),
    ErrorCode("E_JSON_FLOAT", "不允许小数“{text}”：金额和数值必须是整数（金额以分为单位）或字符串。"),
    ErrorCode("E_JSON_INT_RANGE", "整数“{text}”超出允许范围（64 位有符号整数）。"),
    ErrorCode("E_JSON_NAN", "不允许 {text}：它不是合法的数值。"),
    ErrorCode("E_JSON_TOO_LARGE", "JSON 文本超过 {max_bytes} 字节的上限。"),
    ErrorCode("E_SYNC_RECORD", "包内记录不合格（{where}）：{detail}" + _SYNC_REFUSED, "请让对方核对该记录后重新导出。"),
    ErrorCode("E_SYNC_EXPORT_RECORD", "{what}的“{field}”不合格：{detail}对方会拒收这样的同步包，因此没有写出同步包。",
              "请修改该项后重新导出。"),
    ErrorCode("E_SYNC_OWNER", "包内的{what}{why}：发送方无权发送或修改这条记录。" + _SYNC_REFUSED),
    ErrorCode("E_SYNC_CHANNEL", "同一角色的节点之间不交换同步包。已拒绝。"),
    ErrorCode("E_SYNC_CLONED", "包内容与此前从同一节点收到的不一致：发送方可能是复制出来的安装。已拒绝。",
              "请对方重新生成密钥并重新登记，再发送完整数据包。"),
    ErrorCode("E_SYNC_AUDIT_CHAIN", "调解组织 {org_code} 的审计记录与本机已收到的不衔接：{reason}。其审计日志可能被截断或改写。" + _SYNC_REFUSED,
              "请核实对方电脑上的审计日志（check 命令）。"),
    ErrorCode("E_SYNC_FAST_FORWARD", "包的起始序号 {from_seq} 远超已收到的第 {high} 号，疑似伪造的跳号包。已拒绝。"),
    ErrorCode("E_SYNC_BATCH_SAVE", "保存这一批导入时出错（{cause}），这一批导入的包都没有保存，数据库与导入前相同。",
              "请排除问题（如磁盘空间不足）后重新导入。"),
    ErrorCode("E_SYNC_ORG_MISMATCH", "包内的机构代码或角色与发送方登记的不一致。已拒绝，未做任何改动。",
              "如对方改了名称或重装了软件，请重新核对指纹并登记其名片。"),
    ErrorCode("E_SYNC_NO_RECIPIENT", "还没有登记任何{who}的身份名片。", "请先用 keys trust 登记对方并核对指纹。"),
    ErrorCode("E_SYNC_RECIPIENT", "登记了多个区人社监管节点，请用 --to 指定接收方。"),
    # --- the programme's registers (mediators, training, outreach, screenings, reports, typical cases)
    ErrorCode("E_MEDIATOR_BACKGROUND", "调解员背景“{value}”不在可选范围内，可选：{choices}"),
    ErrorCode("E_MEDIATOR_EXISTS", "调解员“{name}”已在名册中", "如是同名的另一人，请在姓名后加以区分（如“张伟（二）”）。"),
    ErrorCode("E_MEDIATOR_NOT_FOUND", "名册中没有调解员“{name}”", "请先用 mediators add 或“队伍与工作→调解员”登记。"),
    ErrorCode("E_MEDIATOR_IN_USE", "调解员“{name}”已有培训记录或办理的案件，不能删除",
              "不再任职的调解员请标为不再任职（mediators retire），其记录和数字保留。"),
    ErrorCode("E_TRAINING_HOURS", "培训学时“{value}”应为大于 0 的数字，最多一位小数", "如 3 或 1.5。"),
    ErrorCode("E_TRAINING_TARGET", "年度培训目标应为 1 到 {max} 之间的整数学时"),
    ErrorCode("E_COUNT", "{what}“{value}”应为 {low} 到 {high} 之间的整数"),
    ErrorCode("E_SCREENING_LEVEL", "风险等级“{value}”不正确，可选：none、yellow、orange、red"),
    ErrorCode("E_SCREENING_CHECK", "排查项目“{value}”不在清单内，可选：{choices}"),
    ErrorCode("E_SEASON_START", "排查提醒的开始日期“{value}”应为 MM-DD（9月至12月），如 12-01"),
    ErrorCode("E_MEDIATION_ORG_TYPE", "调解组织类型“{value}”不正确，可选：{choices}"),
    ErrorCode("E_ALERT_NOT_URGENT", "“{what}”不是集体争议或红色风险，不需要报送情况快报",
              "一般案件按月随同步包报送即可；确需报送时请先在排查记录中登记风险。"),
    ErrorCode("E_TYPICAL_NOT_CLOSED", "案件“{case}”尚未结案，只能从已结案的案件整理典型案例"),
    ErrorCode("E_TYPICAL_LEAK", "典型案例的“{section}”仍含有原案件当事人的姓名、证件号、电话或单位全称",
              "请改为“张某”“某公司”等称呼后再保存。"),
    ErrorCode("E_TYPICAL_PROMOTE_ROLE", "只有区人社监管可以把典型案例标为推广"),
    ErrorCode("E_TYPICAL_PROMOTED", "这篇典型案例已经标为推广"),
    ErrorCode("E_PHOTO_TYPE", "“{name}”不是照片：只能添加图片文件", "请选择 jpg、png 等格式的照片。"),
    ErrorCode("E_CONFLICT_NOT_FOUND", "找不到待处理的冲突“{conflict_id}”（可能已经处理过）", "运行 sync conflicts 查看待处理的冲突。"),
)

REGISTRY: dict[str, ErrorCode] = {c.code: c for c in _CODES}
if len(REGISTRY) != len(_CODES):  # a code listed twice would silently lose one entry
    raise RuntimeError("error_codes: a code is registered twice")


def is_registered(code: str) -> bool:
    return code in REGISTRY


def message_template(code: str) -> str:
    """The registered template (the code itself when it is not registered: never a crash here)."""
    entry = REGISTRY.get(code)
    return entry.message if entry else code


def next_step(code: str) -> str:
    """What the user can do next: the code's own step, its family's, or the general advice."""
    entry = REGISTRY.get(code)
    if entry and entry.next_step:
        return entry.next_step
    for prefix, step in _FAMILY_NEXT_STEPS:
        if code.startswith(prefix):
            return step
    return DEFAULT_NEXT_STEP
