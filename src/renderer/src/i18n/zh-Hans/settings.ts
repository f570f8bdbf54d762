import type { Messages } from '../messages';
import type { settings as en } from '../en/settings';

export const settings: Messages<typeof en> = {
  open: '设置…',
  title: '设置',
  saved: '设置已保存。',
  failed: '无法保存设置',
  loadFailed: '无法载入设置',
  save: '保存设置',
  library: {
    heading: '档案库',
    current: '当前档案库',
    records_one: '{{count, number}} 条记录',
    records_other: '{{count, number}} 条记录',
    other: '其他档案库',
    otherDesktop: '在桌面应用中，通过“文件 → 打开档案库…”可打开其他档案库文件夹，或将空文件夹作为新档案库打开。',
    folder: '档案库文件夹（完整路径）',
    folderHelp: '已有档案库的文件夹，或用于新建档案库的空文件夹（或新文件夹）。当前档案库会先关闭，其中内容不会改变。',
    openOther: '打开此档案库',
    create: '在此新建档案库',
    opening: '正在打开…',
    openFailed: '未能打开该档案库',
    atStart: '浏览器服务启动时打开由以下参数指定的档案库：',
    otherEnv: '或环境变量',
  },
  citations: {
    heading: '引文',
    archiveName: '收藏机构（档案馆）',
    archiveNameHelp: '在每条引文中作为档案馆名称输出。',
    archivePlace: '所在地',
    defaultStyle: '默认引文格式',
  },
  documents: {
    heading: '文件',
    maxFile: '可导入的最大文件（MB）',
    maxFileHelp: '超过此大小的文件在导入时会被拒绝，并说明原因。留空：使用默认值（{{size}}）。',
    maxFileEnvironment: '本次运行由 CIVIC_ARCHIVE_MAX_FILE_BYTES 设定（{{size}}）；未设定时使用档案库自身的设置。',
    notNumber: '最大文件：“{{value}}”不是以 MB 为单位的数字',
    ocr: 'OCR 识别语种',
    ocrHelp:
      '扫描件按英文和简体中文识别。如需增加语种，请将相应的 Tesseract .traineddata 文件放入档案库的 ocr/ 文件夹；环境变量 CIVIC_ARCHIVE_OCR_LANGS（例如 eng+chi_sim）可限定某次运行所用的语种。',
  },
  backups: {
    heading: '备份',
    kept: '保留的目录自动备份份数',
    keptHelp:
      '档案库在有改动后被打开时，于其 backups/ 文件夹中自动备份，每天至多一份。0：不自动备份。升级前或手动制作的备份永不删除。',
    notCount: '自动备份份数：“{{value}}”不是 0 至 365 之间的整数',
  },
  interface: {
    heading: '界面',
    help: '语言、主题和列表行距即时生效，并保存在本机上。',
    density: { label: '列表行距', comfortable: '宽松', compact: '紧凑' },
  },
};
