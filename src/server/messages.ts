import type { Locale } from "../domain/people.js";

/** Server messages in both languages. Keys are what clients may match on; the text is for people. */
const MESSAGES = {
  invalid_input: { "zh-CN": "输入有误", en: "Invalid input" },
  not_signed_in: { "zh-CN": "请先登录", en: "Please sign in" },
  session_expired: { "zh-CN": "登录已过期，请重新登录", en: "Your session has expired; please sign in again" },
  forbidden: { "zh-CN": "无权执行此操作", en: "You are not allowed to do this" },
  not_found: { "zh-CN": "记录不存在或无权查看", en: "Not found, or not yours to see" },
  too_many_attempts: { "zh-CN": "尝试次数过多，请 {seconds} 秒后再试", en: "Too many attempts; try again in {seconds} s" },
  bad_credentials: { "zh-CN": "用户名或密码错误", en: "Wrong username or password" },
  account_inactive: { "zh-CN": "该账号已停用", en: "This account has been deactivated" },
  csrf: { "zh-CN": "请求校验失败，请刷新页面后重试", en: "The request could not be verified; reload the page and try again" },
  stale_version: {
    "zh-CN": "记录已被他人修改，请刷新后重试",
    en: "Someone else changed this record; reload and try again",
  },
  server_error: { "zh-CN": "服务器内部错误", en: "Internal server error" },
  route_not_found: { "zh-CN": "接口不存在", en: "No such route" },
  // Field messages
  required: { "zh-CN": "必填", en: "Required" },
  database_unavailable: {
    "zh-CN": "数据库暂时无法连接，请稍后重试",
    en: "The database cannot be reached just now; please try again shortly",
  },
  nul_character: { "zh-CN": "不能包含空字符（\\0）", en: "Must not contain a NUL character (\\0)" },
  unknown_field: { "zh-CN": "未知字段", en: "Unknown field" },
  code_format_region: {
    "zh-CN": "行政区划代码应为 6 位数字（乡镇为 9 或 12 位）",
    en: "An administrative code has 6 digits (9 or 12 for a township)",
  },
  code_format_unit: {
    "zh-CN": "单位代码只能包含字母、数字、点、下划线或连字符",
    en: "A unit code has letters, digits, dots, underscores or hyphens",
  },
  code_taken: { "zh-CN": "代码“{code}”已被使用", en: "The code “{code}” is already in use" },
  username_taken: { "zh-CN": "用户名“{username}”已被使用", en: "The username “{username}” is already taken" },
  username_format: {
    "zh-CN": "用户名为 3–40 位字母、数字、点、下划线或连字符",
    en: "A username has 3–40 letters, digits, dots, underscores or hyphens",
  },
  parent_level: {
    "zh-CN": "上级区划应为“{expected}”级",
    en: "The parent region must be of level “{expected}”",
  },
  parent_required: { "zh-CN": "该级别的区划必须有上级区划", en: "A region of this level needs a parent region" },
  parent_not_allowed: { "zh-CN": "省级区划不能有上级", en: "A province has no parent region" },
  cycle: { "zh-CN": "不能把记录移到它自己或其下级之下", en: "A record cannot be moved under itself or its descendants" },
  parent_missing: { "zh-CN": "上级记录不存在", en: "The parent record does not exist" },
  parent_inactive: { "zh-CN": "上级记录已停用", en: "The parent record is deactivated" },
  region_missing: { "zh-CN": "区划不存在", en: "The region does not exist" },
  unit_missing: { "zh-CN": "单位不存在", en: "The unit does not exist" },
  unit_inactive: { "zh-CN": "单位已停用", en: "The unit is deactivated" },
  has_active_children: {
    "zh-CN": "仍有 {count} 个启用的下级记录，请先停用或迁移它们",
    en: "{count} active records still depend on this one; deactivate or move them first",
  },
  has_active_users: {
    "zh-CN": "该单位仍有 {count} 个启用的用户，请先停用或调走他们",
    en: "{count} active users still belong to this unit; deactivate or move them first",
  },
  last_admin: {
    "zh-CN": "不能停用或降级最后一个管理员",
    en: "The last active admin cannot be deactivated or lose the admin role",
  },
  self_deactivate: { "zh-CN": "不能停用自己的账号", en: "You cannot deactivate your own account" },
  password_too_short: { "zh-CN": "密码至少 {min} 位", en: "A password has at least {min} characters" },
  password_too_simple: {
    "zh-CN": "密码须包含小写字母、大写字母、数字、符号中的至少两类",
    en: "A password mixes at least two of: lower-case, upper-case, digits, symbols",
  },
  password_contains_username: { "zh-CN": "密码不能包含用户名", en: "A password must not contain the username" },
  password_wrong: { "zh-CN": "当前密码不正确", en: "The current password is wrong" },
  password_same: { "zh-CN": "新密码不能与当前密码相同", en: "The new password must differ from the current one" },
  roles_empty: { "zh-CN": "至少选择一个角色", en: "Choose at least one role" },
  meeting_duplicate: { "zh-CN": "该报道已登记为会议“{title}”", en: "This report is already registered as the meeting “{title}”" },
  meeting_missing: { "zh-CN": "所链接的会议不存在", en: "The linked meeting does not exist" },
  directive_missing: { "zh-CN": "该部署事项不属于此会议", en: "No such directive in this meeting" },
  report_empty: { "zh-CN": "报道内容为空", en: "The report is empty" },
  report_language: { "zh-CN": "无法识别报道语言（仅支持中文和英文）", en: "The report is in neither Chinese nor English" },
  file_missing: { "zh-CN": "文件不存在", en: "no such file" },
  file_empty: { "zh-CN": "文件为空", en: "the file is empty" },
  file_too_large: { "zh-CN": "文件超过上传大小限制", en: "the file is larger than the upload limit" },
  file_not_docx: { "zh-CN": "不是有效的 .docx 文档", en: "not a .docx document" },
  file_binary: { "zh-CN": "不是文本文件", en: "not a text file" },
  file_type: { "zh-CN": "只支持 .txt、.html、.docx 文件", en: "Only .txt, .html and .docx files are read" },
  co_unit_is_lead: { "zh-CN": "牵头单位不能同时是配合单位", en: "The lead unit cannot also be a co-operating unit" },
  directive_not_found: { "zh-CN": "部署事项不存在", en: "No such directive" },
  directive_has_tasks: {
    "zh-CN": "该部署事项已分解为任务，不能删除",
    en: "This directive has tasks implementing it and cannot be removed",
  },
  campaign_missing: { "zh-CN": "专项行动不存在", en: "No such campaign" },
  task_missing: { "zh-CN": "任务不存在", en: "No such task" },
  milestone_outside: { "zh-CN": "节点日期须在任务起止日期之内", en: "A milestone falls between the task's start and due dates" },
  task_finished: { "zh-CN": "任务已办结或已撤销，不能修改", en: "The task is closed or cancelled and cannot be changed" },
  deadline_reason: { "zh-CN": "调整完成时限须说明理由", en: "Give a reason for changing the deadline" },
  step_not_allowed: { "zh-CN": "任务当前状态（{state}）不能进行此操作", en: "Not possible while the task is {state}" },
  report_not_open: { "zh-CN": "任务当前状态（{state}）不能报送进展", en: "No progress report while the task is {state}" },
  report_reviewed: { "zh-CN": "该报送已审核", en: "This report has already been reviewed" },
  period_format: {
    "zh-CN": "报送周期格式应为 2023-05、2023-W19 或 2023-Q2",
    en: "A period looks like 2023-05, 2023-W19 or 2023-Q2",
  },
  attachment_missing: { "zh-CN": "附件不存在或不是您上传的", en: "No such attachment of yours" },
  attachment_type: {
    "zh-CN": "只接受与扩展名相符的图片、视频、PDF、Word 或 Excel 文件",
    en: "Only photos, videos, PDF, Word or Excel files whose content matches their name",
  },
  attachment_body: {
    "zh-CN": "请以 application/octet-stream 上传文件内容",
    en: "Send the file's bytes as application/octet-stream",
  },
  attachment_file_missing: {
    "zh-CN": "该附件的文件已不在服务器上，请联系管理员从备份中恢复",
    en: "This attachment's file is no longer on the server; ask an administrator to restore it from a backup",
  },
  storage_full: { "zh-CN": "服务器存储空间已满，文件未保存", en: "The server's storage is full; the file was not saved" },
  cursor_invalid: { "zh-CN": "分页游标无效", en: "Invalid page cursor" },
  date_range: { "zh-CN": "开始时间不能晚于结束时间", en: "The start cannot be after the end" },
  serious_above_behind: {
    "zh-CN": "“严重滞后”的百分点须大于“滞后”的百分点",
    en: "“Seriously behind” must be more points than “behind”",
  },
  date_future: { "zh-CN": "日期不能晚于今天", en: "The date cannot be after today" },
  date_past: { "zh-CN": "日期不能早于今天", en: "The date cannot be before today" },
  date_invalid: { "zh-CN": "日期格式应为 YYYY-MM-DD", en: "A date is written YYYY-MM-DD" },
  period_order: { "zh-CN": "期间结束日期不能早于开始日期", en: "The period cannot end before it begins" },
  period_future: { "zh-CN": "期间尚未开始，无法通报", en: "The period has not begun: there is nothing to report yet" },
  bulletin_empty: {
    "zh-CN": "该期间和范围内没有可通报的任务或通知，请调整期间或范围",
    en: "Nothing to report for this period and scope: no task and no notice; change the period or the scope",
  },
  geojson_shape: {
    "zh-CN": "请上传 GeoJSON 的 FeatureCollection，要素须为 Polygon 或 MultiPolygon",
    en: "Upload a GeoJSON FeatureCollection of Polygon or MultiPolygon features",
  },
  geojson_codes: {
    "zh-CN": "以下要素的 properties.code 不是该区划下级区划的代码：{codes}",
    en: "These features' properties.code name no part of the region: {codes}",
  },
  code_repeated: { "zh-CN": "项目编码在表中重复", en: "The code appears twice in the sheet" },
  kind_unknown: { "zh-CN": "无法识别的类别、级别、阶段或资金类型", en: "Not a known category, level, stage or funding type" },
  region_unknown: { "zh-CN": "找不到该区划（填写区划名称或代码）", en: "No such region (write its name or code)" },
  region_ambiguous: { "zh-CN": "有多个同名区划，请填写区划代码", en: "Several regions have this name: write the code" },
  project_unknown: { "zh-CN": "项目库中没有该编码的项目", en: "No project in the library has this code" },
  period_repeated: { "zh-CN": "同一项目同一月份在表中重复", en: "The same project and month appear twice" },
  sheet_no_header: {
    "zh-CN": "找不到项目库或月度投资表头（项目库须有“项目编码、项目名称、总投资”，月度投资须有“项目编码、月份、当月完成投资”）",
    en: "No project library or monthly investment header (the library needs Code, Project and Total investment; the monthly sheet Code, Month and Invested this month)",
  },
  sheet_rows: { "zh-CN": "表中有 {count} 处错误，未导入任何内容", en: "{count} problems in the file: nothing was imported" },
  red_after_yellow: { "zh-CN": "红色预警天数须大于黄色", en: "Red must come after yellow (more days)" },
  node_repeated: { "zh-CN": "同一节点只能出现一次", en: "Each node appears once" },
  year_repeated: { "zh-CN": "同一年度只能有一个计划投资额", en: "Each year has one planned amount" },
  period_invalid: { "zh-CN": "月份格式应为 YYYY-MM", en: "A month is written YYYY-MM" },
  period_not_quarter: {
    "zh-CN": "季度指标只能填 3、6、9、12 月",
    en: "A quarterly indicator takes March, June, September or December",
  },
  value_repeated: { "zh-CN": "同一地区同一期只能填一个值", en: "Each region and period takes one value" },
  indicator_has_values: {
    "zh-CN": "指标已有数据，不能再改报送周期或累计方式",
    en: "The indicator has values: its period kind and accumulation can no longer change",
  },
  sheet_no_period: {
    "zh-CN": "表名或标题中找不到月份（如“2026年1-10月”），请在导入时选择月份",
    en: "No month in the sheet's name or title (such as 2026年1-10月): choose the month when importing",
  },
  sheet_no_indicators: {
    "zh-CN": "找不到指标表头：须有一行列出地区（或指标），各行为指标（或地区）",
    en: "No header found: a row must list regions (or indicators) across, with an indicator (or region) on each row below",
  },
  indicator_unknown: { "zh-CN": "指标库中没有这个指标", en: "No such indicator in the catalog" },
  region_not_under: { "zh-CN": "不是本地区或其下级地区", en: "Not this region or one under it" },
  indicator_not_yours: { "zh-CN": "本单位不负责报送此指标", en: "Your unit does not publish this indicator" },
  evaluation_period_invalid: {
    "zh-CN": "考核期间应写作 2026、2026-H1、2026-Q3 或 2026-M05",
    en: "A period is written 2026, 2026-H1, 2026-Q3 or 2026-M05",
  },
  evaluation_published: {
    "zh-CN": "该期结果已发布并锁定；如需更正，请写明更正原因，生成新版本",
    en: "This period's result is published and locked: a correction, with its reason, makes a new version",
  },
  weight_positive: { "zh-CN": "权重须大于 0", en: "A weight is more than 0" },
  peers_too_few: { "zh-CN": "至少需要两个比较对象", en: "At least two peers to compare" },
  indicator_needs_regions: { "zh-CN": "指标类考核项只适用于地区之间比较", en: "Indicator criteria compare regions only" },
  points_zero: { "zh-CN": "加减分不能为 0", en: "Points cannot be 0" },
  code_invalid: {
    "zh-CN": "代码只能包含字母、数字、点、下划线或连字符",
    en: "A code has letters, digits, dots, underscores or hyphens",
  },
  media_type: { "zh-CN": "只能附照片或视频", en: "Only photos and videos can be attached" },
  not_negative: { "zh-CN": "不能为负数", en: "Cannot be negative" },
  number_invalid: { "zh-CN": "请输入数字", en: "Enter a number" },
  region_out_of_scope: {
    "zh-CN": "只能通报本单位所在区划及其下级区划",
    en: "A bulletin covers your own region or a region below it",
  },
  bulletin_exists: { "zh-CN": "该期间的定期通报已生成", en: "The scheduled bulletin for this period already exists" },
  bulletin_published: { "zh-CN": "通报已发布，不能再修改", en: "The bulletin is published and can no longer be changed" },
  notice_replied: { "zh-CN": "该通知已回复", en: "This notice has already been replied to" },
  notice_no_reply: { "zh-CN": "提醒无需回复", en: "A reminder needs no reply" },
  task_not_running: { "zh-CN": "任务 #{number} 未在办理中，不能催办", en: "Task #{number} is not running and cannot be urged" },
  no_units_concerned: {
    "zh-CN": "该事项暂无相关单位，请指定批示送达的单位",
    en: "Nothing names the units concerned yet: choose the units the instruction goes to",
  },
  instruction_acknowledged: { "zh-CN": "本单位已签收该批示", en: "Your unit has already acknowledged this instruction" },
  email_invalid: { "zh-CN": "邮箱地址格式不正确", en: "Not an e-mail address" },
  url_invalid: { "zh-CN": "请输入 http(s):// 开头的机器人地址", en: "Enter the robot's http(s):// address" },
  days_range: { "zh-CN": "天数应为 0 到 90 的整数", en: "Days are whole numbers from 0 to 90" },
  ladder_order: {
    "zh-CN": "升级天数须依次递增：催办 < 蓝色 < 黄色 < 红色",
    en: "The ladder must climb: urge < blue < yellow < red days",
  },
  date_before_start: { "zh-CN": "日期不能早于任务开始日期", en: "The date cannot be before the task starts" },
  ledger_not_xlsx: { "zh-CN": "请上传 .xlsx 格式的台账", en: "Upload the ledger as an .xlsx file" },
  ledger_unreadable: {
    "zh-CN": "无法读取该文件，请确认是 Excel 台账（.xlsx）",
    en: "The file cannot be read as an Excel ledger (.xlsx)",
  },
  ledger_no_header: {
    "zh-CN": "前 10 行中找不到表头（至少需要“任务”列）",
    en: "No header row in the first 10 rows (a “Task” column is needed)",
  },
  ledger_empty: { "zh-CN": "台账中没有任务行", en: "The ledger has no task rows" },
  import_running: {
    "zh-CN": "您已有一个台账正在导入，请等待其完成",
    en: "One of your ledger imports is still running; wait for it",
  },
  unit_unknown: { "zh-CN": "找不到该单位（请填写单位全称或代码）", en: "No such unit (write its full name or code)" },
  unit_ambiguous: {
    "zh-CN": "有多个同名单位，请写成“名称（代码）”",
    en: "Several units share this name; write it as “name (code)”",
  },
  campaign_ambiguous: { "zh-CN": "有多个同名专项行动", en: "Several campaigns share this name" },
  date_format: { "zh-CN": "日期格式应为 2026-12-31", en: "A date looks like 2026-12-31" },
  number_format: { "zh-CN": "序号应为任务编号（数字）", en: "The number is a task number (digits)" },
  number_repeated: { "zh-CN": "该序号在台账中重复出现", en: "This number appears more than once in the ledger" },
  too_long: { "zh-CN": "内容过长", en: "Too long" },
  cell_error: { "zh-CN": "单元格含有错误值", en: "The cell holds an error value" },
  changed_since_export: {
    "zh-CN": "该任务在导出后已被修改，请重新导出台账再修改",
    en: "The task changed after this ledger was exported; export it again and redo the change",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

export function translate(key: string, locale: Locale, params?: Record<string, string | number>): string {
  const text: string = isMessageKey(key) ? MESSAGES[key][locale] : key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m)) : text;
}

/** Picks zh-CN or en from an Accept-Language header; Chinese is the default. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return "zh-CN";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}
