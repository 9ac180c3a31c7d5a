import type { Db } from '../connection';

type SeedStep = Readonly<{ id: string; title: string; template: string; required: boolean; targetSeconds: number | null }>;
type SeedScript = Readonly<{ id: string; name: string; kind: 'phone' | 'counter' | 'callback'; steps: readonly SeedStep[] }>;

// A copy of the default scripts as this step released them (common/call-scripts/default-scripts.ts
// at the time): a released migration never changes when the defaults do later.
const seedScripts: readonly SeedScript[] = [
  {
    id: 'phone',
    name: '电话接听',
    kind: 'phone',
    steps: [
      { id: 'greeting', title: '问候', template: '您好，{company}，工号 {agentId} 为您服务。', required: true, targetSeconds: 10 },
      { id: 'identify', title: '询问称呼', template: '请问您贵姓？……{customerTitle}，您好！', required: true, targetSeconds: 20 },
      { id: 'confirm-identity', title: '核实身份', template: '请问您是住在 {customerAddress} 的{customerTitle}吗？', required: true, targetSeconds: 30 },
      { id: 'classify', title: '确认诉求', template: '{customerTitle}，请问您是需要咨询、投诉、报修，还是办理业务？', required: true, targetSeconds: 30 },
      { id: 'handle', title: '处理', template: '我帮您查询一下，请您稍等。（查询超过一分钟：{customerTitle}，这个问题需要进一步核实，我们会在两个工作日内给您回电，请您先挂机。）', required: true, targetSeconds: 180 },
      { id: 'closing', title: '结束语', template: '请问您还有其他问题吗？感谢您的来电，如果有问题，请拨打 {hotline} 与我们联系，再见！', required: true, targetSeconds: 15 },
    ],
  },
  {
    id: 'counter',
    name: '柜台接待',
    kind: 'counter',
    steps: [
      { id: 'greeting', title: '问候', template: '{timeOfDay}，欢迎光临{company}！工号 {agentId} 为您服务，请问您需要办理什么业务？', required: true, targetSeconds: 10 },
      { id: 'identify', title: '核实身份', template: '麻烦您出示一下身份证件，{customerTitle}，我为您核实一下。', required: true, targetSeconds: 60 },
      { id: 'handle', title: '办理', template: '请您稍等，我马上为您办理。', required: true, targetSeconds: null },
      { id: 'closing', title: '送别', template: '您的业务已经办好了，请问还有其他需要吗？再见，欢迎下次再来！', required: true, targetSeconds: 15 },
    ],
  },
  {
    id: 'callback',
    name: '回访',
    kind: 'callback',
    steps: [
      { id: 'opening', title: '开场', template: '您好，{company}为您服务！请问是{customerTitle}吗？', required: true, targetSeconds: 10 },
      { id: 'consent', title: '征得同意', template: '关于您反映的问题（工单 {ticketNumber}），想占用您几分钟做个回访，请问现在方便吗？（不方便：抱歉，打扰了，再见！）', required: true, targetSeconds: 20 },
      { id: 'result', title: '回访内容', template: '请问您反映的问题解决了吗？您对处理结果满意吗？', required: true, targetSeconds: 120 },
      { id: 'closing', title: '结束语', template: '感谢您的支持，如有需要请拨打 {hotline}，再见！', required: true, targetSeconds: 15 },
    ],
  },
];

/**
 * The call scripts (话术脚本), one row a script in display order (`position`); `steps` is the
 * JSON array of the script's steps. Seeded with the default phone, counter and call-back
 * scripts; `updated_by` is the agent ID of the last editor, NULL for the seed.
 */
export function migrate(db: Db): void {
  db.exec(`
    CREATE TABLE call_scripts (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('phone', 'counter', 'callback')),
      steps TEXT NOT NULL CHECK (json_valid(steps) AND json_type(steps) = 'array'),
      position INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT
    ) STRICT;
    CREATE INDEX call_scripts_by_position ON call_scripts (position);
  `);
  const insert = db.prepare(
    `INSERT INTO call_scripts (id, name, kind, steps, position, updated_at, updated_by)
     VALUES (@id, @name, @kind, @steps, @position, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL)`,
  );
  seedScripts.forEach((script, index) => {
    insert.run({ id: script.id, name: script.name, kind: script.kind, steps: JSON.stringify(script.steps), position: index + 1 });
  });
}
