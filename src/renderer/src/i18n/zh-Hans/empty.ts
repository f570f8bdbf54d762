import type { Messages } from '../messages';
import type { empty as en } from '../en/empty';

export const empty: Messages<typeof en> = {
  heading: '此档案库为空',
  about:
    '城市档案用于保管城市国际合作交流的档案：新闻稿、已签署的备忘录和协议、媒体报道、照片、信函和报告等。每条记录都著录其日期、参考编号，以及所涉及的人物、机构、地点和事件。',
  sample:
    '如需先行浏览，可载入示例目录：根据利兹市议会的一篇新闻稿整理的 2018 年利兹城市区域代表团访问杭州的档案记录。也可以直接开始著录您自己的档案。',
  loading: '正在载入示例…',
  load: '载入示例目录',
  create: '新建记录',
  failed: '无法载入示例',
  library: '档案库：{{path}}',
};
