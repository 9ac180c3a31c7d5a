import type { PhraseRule } from './rulebook';

type DefaultRule = Pick<PhraseRule, 'id' | 'phrases' | 'exceptions' | 'suggestions'> & Partial<Pick<PhraseRule, 'severity' | 'note'>>;

// BRIEF §3 (standard 004 §4.5): the fifteen banned items, every phrase, with suggestions drawn
// from the standard's softer wording (§4.1, §4.2).
const serviceLanguage: DefaultRule[] = [
  {
    id: 'SL-01',
    phrases: ['不知道', '不管'],
    exceptions: ['不管怎样', '不管怎么样', '不管您', '不管是', '不管多', '不管什么', '不管如何', '不知道您'],
    suggestions: ['请您稍等，我帮您查询一下', '我理解您的心情，我会尽力为您解决'],
  },
  {
    id: 'SL-02',
    phrases: ['找领导去', '你找我没用，要解决就去找领导'],
    exceptions: [],
    suggestions: ['请稍等！我将与××部门联系，由他为您进行解释（答复）', '我会把您的意见如实反映，尽快给您答复'],
  },
  {
    id: 'SL-03',
    phrases: ['不能办就是不能办，没有为什么，这是规矩'],
    exceptions: [],
    suggestions: ['很抱歉，按照规定暂时不能办理，我能做到的是……', '我理解您的要求，我为您解释一下相关规定'],
  },
  {
    id: 'SL-04',
    phrases: ['不是告诉你了吗，怎么还问'],
    exceptions: [],
    suggestions: ['很抱歉没有为您说清楚，我再为您解释一遍', '您能告诉我哪一点还不清楚吗'],
  },
  {
    id: 'SL-05',
    phrases: ['急也没用，我太忙了'],
    exceptions: [],
    suggestions: ['我理解您的心情，我会尽快为您处理', '请您稍等'],
  },
  {
    id: 'SL-06',
    phrases: ['有意见，告去', '你尽管投诉好了'],
    exceptions: [],
    suggestions: ['谢谢您的建议，我会如实记录并反映', '给您添麻烦了，我会尽量考虑您的要求'],
  },
  {
    id: 'SL-07',
    phrases: ['我没工夫'],
    exceptions: [],
    suggestions: ['请您稍等，我马上为您处理', '麻烦您等一下'],
  },
  {
    id: 'SL-08',
    phrases: ['我就这态度', '你问我，我问谁'],
    exceptions: [],
    suggestions: ['很抱歉，我帮您查询一下', '这是我们应该做的'],
  },
  {
    id: 'SL-09',
    phrases: ['快下班了，明天再来'],
    exceptions: [],
    suggestions: ['我会尽量为您办理完', '我能做到的是……'],
  },
  {
    id: 'SL-10',
    phrases: ['我解决不了'],
    exceptions: [],
    suggestions: ['我能做到的是……', '我会把您的问题转给负责的部门，尽快给您答复'],
  },
  {
    id: 'SL-11',
    phrases: ['我不是为你一个人服务的'],
    exceptions: [],
    suggestions: ['请您稍等，我会尽快为您办理', '对不起，让您久等了'],
  },
  {
    id: 'SL-12',
    phrases: ['嫌贵，就别用'],
    exceptions: [],
    suggestions: ['我理解您对价格的顾虑，我为您介绍一下其他方案'],
  },
  {
    id: 'SL-13',
    phrases: ['现在才说，干吗不早说', '你怎么这么多毛病', '我们一向都是这样'],
    exceptions: [],
    suggestions: ['我理解……，我们一起看看怎么处理', '您能再详细说一下吗', '我会尽量考虑您的要求'],
  },
  {
    id: 'SL-14',
    phrases: ['自己看着办'],
    exceptions: [],
    suggestions: ['我建议您……', '我能做到的是……'],
  },
  {
    id: 'SL-15',
    phrases: ['没看到我在忙吗'],
    exceptions: [],
    suggestions: ['请您稍等', '对不起，让您久等了'],
  },
];

// BRIEF §3 (standard 004 §4.4.2): no rude or dirty words. Short on purpose: the centre adds
// its own; each entry is specific enough not to collide with polite sentences.
const rudeWords: DefaultRule[] = [
  { id: 'RW-01', phrases: ['他妈的', '你妈的', '尼玛'], exceptions: [], suggestions: ['很抱歉'] },
  { id: 'RW-02', phrases: ['傻逼', '傻B', '白痴', '笨蛋', '蠢货'], exceptions: [], suggestions: ['我理解……'] },
  { id: 'RW-03', phrases: ['滚蛋', '滚出去', '去死吧'], exceptions: [], suggestions: ['请您稍等'] },
  { id: 'RW-04', phrases: ['混蛋', '王八蛋', '神经病'], exceptions: ['神经病学', '神经病变'], suggestions: ['我理解您的心情'] },
  { id: 'RW-05', phrases: ['shut up', 'stupid', 'idiot', 'damn'], exceptions: [], suggestions: ['I understand…', 'Please hold on a moment'] },
];

/** The rulebook a new desk starts with: BRIEF §3's fifteen banned items and a short list of rude words. */
export const defaultRulebook: readonly PhraseRule[] = [
  ...serviceLanguage.map((rule) => ({
    ...rule,
    category: 'service' as const,
    severity: rule.severity ?? ('warn' as const),
    enabled: true,
    note: rule.note ?? `禁忌用语第 ${Number(rule.id.slice(3))} 条（服务规范 004 §4.5.${Number(rule.id.slice(3))}）`,
  })),
  ...rudeWords.map((rule) => ({
    ...rule,
    category: 'rude' as const,
    severity: rule.severity ?? ('block' as const),
    enabled: true,
    note: rule.note ?? '不说粗话、脏话（服务规范 004 §4.4.2）',
  })),
];
