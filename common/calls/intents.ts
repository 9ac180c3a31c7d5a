/**
 * What a caller wants, as the agent classifies it during the call (BRIEF §4 and §6). The
 * classification picks the unified answers the desk suggests beside the script.
 */
export const callIntents = [
  'consultation',
  'complaint',
  'repair',
  'emergency',
  'business',
  'billing_dispute',
  'spam_report',
  'suggestion',
  'callback',
  'other',
] as const;

/** One of {@link callIntents}. */
export type CallIntent = (typeof callIntents)[number];

/**
 * The words a unified answer's category or tags carry when it serves an intent. Knowledge is
 * written in Chinese by team leads, so the match is on the words they use (in Simplified; the
 * store folds nothing, so a Traditional category needs its own tag).
 */
export const intentKnowledgeTerms: Readonly<Record<CallIntent, readonly string[]>> = {
  consultation: ['咨询'],
  complaint: ['投诉'],
  repair: ['报修', '维修', '故障'],
  emergency: ['报警', '抢修', '紧急'],
  business: ['业务办理', '办理', '业务'],
  billing_dispute: ['收费争议', '收费', '账单', '退费'],
  spam_report: ['不良信息举报', '不良信息', '举报'],
  suggestion: ['建议'],
  callback: ['回访'],
  other: [],
};
