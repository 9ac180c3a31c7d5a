// Seeded data for the banned-phrase benchmark (bench/phrase-engine.ts): a generated rulebook,
// a customer-service-like corpus with planted banned phrases and planted evasions of them, and
// an agent note for the re-check measurement. The same seed always gives the same data.
import { Converter } from 'opencc-js';
import { defaultRulebook } from '../common/phrase-engine/default-rulebook';
import type { PhraseRule } from '../common/phrase-engine/rulebook';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** A small seeded generator (mulberry32): the only source of randomness here. */
export type Random = Readonly<{
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [minimum, maximum]. */
  integer: (minimum: number, maximum: number) => number;
  /** Whether an event of the given probability happens. */
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** Picks by weight: `weights[index]` is the relative weight of `items[index]`. */
  weighted: <T>(items: readonly T[], weights: readonly number[]) => T;
  digits: (count: number) => string;
}>;

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
  const integer = (minimum: number, maximum: number): number => minimum + Math.floor(next() * (maximum - minimum + 1));
  return {
    next,
    integer,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[integer(0, items.length - 1)]!,
    weighted: <T>(items: readonly T[], weights: readonly number[]): T => {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let target = next() * total;
      for (let index = 0; index < items.length; index++) {
        target -= weights[index] ?? 0;
        if (target < 0) return items[index]!;
      }
      return items[items.length - 1]!;
    },
    digits: (count) => Array.from({ length: count }, () => String(integer(0, 9))).join(''),
  };
}

// ---------------------------------------------------------------------------------------------
// Customer-service language: the corpus is made of it, and the rule phrases draw on its characters

/**
 * Free-running customer-service prose (call notes, scripts, policy wording). Its characters,
 * weighted by frequency, are what generated rule phrases are mostly made of, so that the corpus
 * walks deep into the automaton without matching.
 */
const serviceProse = `
您好，欢迎致电客户服务中心，我是客服专员，工号一零二四，很高兴为您服务。请问您是要查询订单、办理业务，还是反映问题？
为了保障您的账户安全，在办理业务之前需要先核实您的身份，请您提供开户时登记的姓名、手机号码和身份证号码的后四位。
感谢您的配合，身份已经核实成功。您刚才提到上个月的话费账单比平时多了将近五十元，我这边帮您调取一下详细的消费记录，请您稍等片刻。
经过查询，您在本月十二日开通了一项视频会员的增值服务，每月费用是十五元，另外还有一笔国际漫游的流量费用，是在您出差期间产生的。
如果您对这项增值服务没有印象，我可以先为您办理退订，同时提交一份费用核查申请，由后台的同事在三个工作日内给您回复处理结果。
非常抱歉给您带来了不便，我们会认真对待您反映的每一个问题。您的意见我已经详细记录下来，会如实反馈给相关部门，尽快给您一个满意的答复。
关于您咨询的宽带提速业务，目前我们有三种套餐可以选择：基础套餐每月八十九元，包含三百兆宽带；家庭套餐每月一百二十九元，包含五百兆宽带和两张副卡；尊享套餐每月一百九十九元，包含千兆宽带、高清电视和一年的云存储服务。
您可以通过手机营业厅、官方网站或者就近的营业网点办理，新办理的用户首月还可以享受半价优惠，具体的活动规则以页面公示为准。
您反映的快递一直没有送达的情况，我已经联系了物流公司，对方表示包裹目前在转运中心，由于近期天气原因运输有所延误，预计后天可以派送，届时快递员会提前给您打电话。
如果您着急使用，我们也可以为您安排加急配送，或者您选择到附近的自提点领取，自提点的营业时间是每天早上八点到晚上九点。
商品签收后七天内，在不影响二次销售的前提下，您可以申请无理由退货；如果商品存在质量问题，十五天内可以申请换货，一年内享受免费保修。
退款会在我们收到退回商品并检验完成后的三到五个工作日内，按照您的原支付方式退回，银行卡到账时间以各家银行的处理为准。
请您保持电话畅通，维修工程师会在上门前半小时与您确认具体地址和时间。上门服务不收取任何费用，如需更换配件，工程师会先向您说明价格，经您同意后再进行更换。
信用卡的账单日是每月五号，还款日是每月二十三号。如果您暂时无法全额还款，可以选择最低还款额，也可以申请账单分期，分期手续费按照每期零点六的费率计算。
您的积分可以在会员中心兑换礼品、抵扣话费或者兑换航空里程，积分有效期为两年，到期前系统会通过短信提醒您。
很抱歉让您久等了，刚才系统比较繁忙。您提到的密码重置问题，我这边已经给您的手机发送了验证码，请您在五分钟之内按照提示完成操作。
为了更好地改进我们的服务，通话结束后会有一条满意度调查短信，请您抽出一点时间对本次服务进行评价，感谢您的支持与理解。
我理解您的心情，换作是我遇到这样的情况也会着急。请您放心，我会一直跟进这个问题，直到为您妥善解决为止。
这是我们应该做的，也谢谢您对我们工作的理解和包容。祝您生活愉快，工作顺利，再见。
`;

const companies = ['星联通信', '安家保险', '顺达物流', '云购商城', '华信银行', '易行出行', '光明燃气', '新禾电器'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'];
const titles = ['先生', '女士'];
const products = [
  'iPhone 15 Pro',
  'MacBook Air',
  'Galaxy S24',
  'Kindle Paperwhite',
  'AirPods Pro',
  'HUAWEI Mate 60',
  'Xbox Series X',
  'Switch OLED',
  'iPad mini',
  'ThinkPad X1',
  '千兆宽带套餐',
  '白金信用卡',
  '视频会员',
  '智能路由器',
  '扫地机器人',
  '变频空调',
  '智能电视',
  '燃气热水器',
];
const channels = ['App', '小程序', '官网', '门店', '电话', '直播间'];
const cities = ['北京市朝阳区', '上海市浦东新区', '广州市天河区', '深圳市南山区', '杭州市西湖区', '成都市武侯区', '武汉市洪山区', '南京市鼓楼区'];
const roads = ['建国路', '世纪大道', '天河路', '科技园南路', '文三路', '人民南路', '珞喻路', '中山北路'];
const emoji = ['😊', '🙏', '👍', '😂', '💡', '📦'];

const agentSentences = [
  '您好，这里是{company}客服中心，工号{agentId}很高兴为您服务，请问有什么可以帮您？',
  '请问您是{name}本人吗？',
  '为了核实您的身份，麻烦您提供一下登记的手机号码。',
  '好的，您登记的手机号是{maskedPhone}，对吗？',
  '我这边查询到您的订单{orderId}已经在{date}发出，预计{date}送达。',
  '非常抱歉给您带来不便，我马上帮您核实处理。',
  '请您稍等，我帮您查询一下相关记录。',
  '感谢您的耐心等待，{name}。',
  '您反映的{product}无法开机的问题，我已经为您登记了售后工单{ticket}。',
  '维修师傅会在{date}{time}之前联系您，请保持电话畅通。',
  '您的退款{amount}元将在三到五个工作日内原路退回。',
  '这边已经为您申请了一张{coupon}元的优惠券，下次购物可以直接使用。',
  '请问您的收货地址是{address}吗？',
  '如果您还有其他问题，可以随时拨打我们的客服热线{hotline}。',
  '建议您先把{product}恢复出厂设置，然后重新连接Wi-Fi试一下。',
  '您的意见我已经如实记录，会尽快反馈给相关部门。',
  '按照规定，这项业务需要您本人携带身份证到营业厅办理。',
  '感谢您的来电，祝您生活愉快，再见！',
  '请问还有其他可以帮您的吗？',
  '您的会员等级是VIP{level}，可以享受免费上门服务。',
  '系统显示您的账户余额为{amount}元，本月账单将于{date}出账。',
  '我理解您的心情，我会尽力为您解决。',
  '您购买的{product}在保修期内，可以免费检测。',
  '我这边帮您把工单升级为加急处理，请您留意短信通知。',
  '您可以在{channel}的“我的订单”页面查看物流进度。',
  '很抱歉让您久等了，刚才系统有点卡。',
];

const customerSentences = [
  '你好，我想查一下我的订单，到现在还没收到货。',
  '我上周在你们{channel}买的{product}，用了两天就坏了。',
  '订单号是{orderId}，你帮我看看到底怎么回事。',
  '我的手机号是{phone}，登记的名字是{name}。',
  '地址是{address}，麻烦快点安排。',
  '为什么我的账户多扣了{amount}元？',
  '你们的{product}连不上Wi-Fi，重启了好几次都不行。',
  '我已经打了三次电话了，每次都说会有人联系我。',
  '好的，那我再等等看吧。',
  '能帮我申请退货退款吗？',
  '快递员说{date}送到，结果一直没来。',
  '那这个运费谁来承担？',
  '我要投诉你们的配送服务。',
  '嗯，明白了，谢谢你。',
  '信用卡账单上有一笔{amount}元的消费，我没有印象。',
  '我想把套餐改成每月{plan}元的那个。',
  '行，那就这样吧，谢谢。',
  '你们周末有人上门维修吗？',
  '我的{product}屏幕有一条竖线，是质量问题吧？',
  '上次的工单{ticket}到现在都没人跟进。',
];

/** Free-text agent notes, for the re-check text (what an agent types after a call). */
const noteSentences = [
  '客户{name}于{date}{time}来电，反映{product}在使用过程中频繁断网，已指导客户重启设备并检查线路。',
  '客户表示在{channel}下单的订单{orderId}物流停滞超过三天，已联系物流公司核实，预计{date}派送。',
  '经核实，客户账户本月多扣费{amount}元，系增值业务自动续费所致，已为客户办理退订并提交退费申请。',
  '客户要求上门维修，已预约{date}{time}，联系电话{maskedPhone}，地址{address}。',
  '已向客户说明退换货政策：签收后七天内可无理由退货，十五天内质量问题可换货。',
  '客户对处理时效不满意，已安抚情绪并承诺在两个工作日内回电告知进展。',
  '已为客户申请{coupon}元补偿券，客户表示接受。',
  '后续跟进：请二线同事核查工单{ticket}的处理记录，确认是否已派单。',
  '客户咨询宽带提速业务，已介绍三档套餐及首月半价活动，客户表示考虑后再办理。',
  '本次来电已完成身份核验，客户同意接收满意度调查短信。',
];

/** Turns that frame a planted phrase: the plant never touches a sentence end. */
const plantLeads = ['说实话，', '这件事', '您这个情况', '我跟您说，', '反正', '其实', '听我说，', '那', '这个问题我看', '唉，'];
const plantTails = ['，您看着办吧', '，就这样', '这种事情', '，先这样处理', '，明白吗', '这个情况', '，下次注意', '，别再打了', '，我们再看', '，随便'];
const sentenceEnds = ['。', '！', '？', '。', '。'];

function fillTemplate(template: string, random: Random): string {
  return template.replace(/\{(\w+)\}/g, (_whole, slot: string) => {
    switch (slot) {
      case 'company':
        return random.pick(companies);
      case 'agentId':
        return random.digits(4);
      case 'name':
        return random.pick(surnames) + random.pick(titles);
      case 'phone':
        return `1${random.pick(['3', '5', '7', '8', '9'])}${random.digits(9)}`;
      case 'maskedPhone':
        return `1${random.pick(['3', '5', '8'])}${random.digits(1)}****${random.digits(4)}`;
      case 'orderId':
        return `DD${random.digits(12)}`;
      case 'ticket':
        return `GD2024${random.digits(8)}`;
      case 'date':
        return `${random.integer(1, 12)}月${random.integer(1, 28)}日`;
      case 'time':
        return `${String(random.integer(8, 20)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`;
      case 'amount':
        return `${random.integer(1, 2999)}.${random.digits(2)}`;
      case 'coupon':
        return String(random.pick([5, 10, 20, 30, 50]));
      case 'plan':
        return String(random.pick([39, 59, 89, 129, 199]));
      case 'level':
        return String(random.integer(1, 8));
      case 'product':
        return random.pick(products);
      case 'channel':
        return random.pick(channels);
      case 'hotline':
        return `400-${random.digits(3)}-${random.digits(4)}`;
      case 'address':
        return `${random.pick(cities)}${random.pick(roads)}${random.integer(1, 300)}号${random.integer(1, 30)}栋${random.integer(1, 6)}单元${random.integer(1, 32)}0${random.integer(1, 4)}室`;
      default:
        return slot;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The character pool and generated rules

const hanPattern = /\p{Script=Han}/u;
const serviceText = [serviceProse, ...agentSentences, ...customerSentences, ...noteSentences, ...products, ...companies, ...cities, ...roads].join('\n');
/** Runs of Han characters in the service text: sources of near-miss phrases. */
const serviceRuns = serviceText.split(/[^\p{Script=Han}]+/u).filter((run) => run.length >= 3);
/** Every Han character of the service text, once per occurrence (so frequency-weighted). */
const serviceCharacters = [...serviceText].filter((character) => hanPattern.test(character));

/** Every template filled a few times, as it appears in the corpus: after a speaker label, after a plant's lead, before its tail. */
function filledSamples(): string[] {
  const random = createRandom(1);
  const samples: string[] = [];
  for (const template of [...agentSentences, ...customerSentences, ...noteSentences]) {
    for (let round = 0; round < 6; round++) {
      const filled = fillTemplate(template, random);
      samples.push(`坐席：${filled}`, `客户：${filled}`, random.pick(plantLeads) + filled, filled + random.pick(plantTails));
    }
  }
  return samples;
}

/** Drops what the engine skips between a phrase's characters: spaces, punctuation, symbols, zero-width characters. */
function withoutSeparators(text: string): string {
  return text.replace(/[\s\p{P}\p{S}\p{Cf}]/gu, '');
}

/**
 * The service text (with the words around plants) as the engine reads it: sentence by sentence,
 * separators dropped. A generated phrase found in it would be a common word pair such as 好，我,
 * which no centre bans.
 */
const serviceSentences = [serviceText, ...defaultRulebook.flatMap((rule) => rule.phrases), ...filledSamples()]
  .join('\n')
  .split(/[。！？!?\n]/u)
  .map(withoutSeparators)
  .join('\n');

/** GB2312 level-1 (3,755 common characters): rows 0xB0–0xD7, decoded with the platform's GBK decoder. */
function gb2312LevelOne(): string[] {
  const bytes: number[] = [];
  for (let row = 0xb0; row <= 0xd7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
  }
  return [...new TextDecoder('gbk').decode(new Uint8Array(bytes))].filter((character) => hanPattern.test(character));
}

let cachedPool: readonly string[] | undefined;

/**
 * About 2,500 distinct common characters: every character of the service text, then GB2312
 * level-1 characters in a fixed shuffled order.
 */
export function characterPool(size = 2_500): readonly string[] {
  if (cachedPool !== undefined && cachedPool.length === size) return cachedPool;
  const pool = [...new Set(serviceCharacters)];
  const seen = new Set(pool);
  const levelOne = gb2312LevelOne();
  const random = createRandom(0x2312);
  for (let index = levelOne.length - 1; index > 0; index--) {
    const other = random.integer(0, index);
    [levelOne[index], levelOne[other]] = [levelOne[other]!, levelOne[index]!];
  }
  for (const character of levelOne) {
    if (pool.length >= size) break;
    if (!seen.has(character)) {
      seen.add(character);
      pool.push(character);
    }
  }
  cachedPool = pool;
  return pool;
}

const phraseLengths = [2, 3, 4, 5, 6, 7, 8];
const phraseLengthWeights = [20, 20, 24, 12, 10, 8, 6];

/** One generated phrase: near-misses of real service text, or characters weighted by how common they are. */
function generatePhrase(random: Random, pool: readonly string[]): string {
  const length = random.weighted(phraseLengths, phraseLengthWeights);
  if (random.chance(0.25)) {
    // A stretch of real text with its last character changed: the corpus walks deep into it.
    const run = random.pick(serviceRuns);
    const start = random.integer(0, Math.max(0, run.length - length));
    return run.slice(start, start + length - 1) + random.pick(pool);
  }
  let phrase = '';
  for (let index = 0; index < length; index++) phrase += random.chance(0.55) ? random.pick(serviceCharacters) : random.pick(pool);
  return phrase;
}

/**
 * `count` generated rules (IDs `G-00001`…, category `custom`, severity `warn`) of 2–8-character
 * Chinese phrases, unique and never found in the service text the corpus is made of (not even
 * across a comma), followed by the real default rulebook.
 */
export function generateRules(count: number, seed: number): PhraseRule[] {
  const random = createRandom(seed);
  const pool = characterPool();
  const taken = new Set<string>(defaultRulebook.flatMap((rule) => rule.phrases));
  const rules: PhraseRule[] = [];
  while (rules.length < count) {
    const phrase = generatePhrase(random, pool);
    if (taken.has(phrase) || serviceSentences.includes(phrase)) continue;
    taken.add(phrase);
    rules.push({
      id: `G-${String(rules.length + 1).padStart(5, '0')}`,
      phrases: [phrase],
      category: 'custom',
      severity: 'warn',
      exceptions: [],
      suggestions: [],
      enabled: true,
      note: '',
    });
  }
  return [...rules, ...defaultRulebook];
}

// ---------------------------------------------------------------------------------------------
// Planted phrases and their evasions

/** How a planted phrase is written in the text. */
export const plantKinds = ['exact', 'traditional', 'spaced', 'punctuated', 'zeroWidth', 'fullWidth', 'mixedCase', 'combined'] as const;
export type PlantKind = (typeof plantKinds)[number];

/** One planted phrase: `start`/`end` are UTF-16 offsets of the planted text (end exclusive). */
export type Plant = Readonly<{ kind: PlantKind; start: number; end: number; ruleId: string; phrase: string; text: string }>;

const plantKindWeights: Record<PlantKind, number> = {
  exact: 20,
  traditional: 12,
  spaced: 12,
  punctuated: 12,
  zeroWidth: 12,
  fullWidth: 10,
  mixedCase: 8,
  combined: 14,
};

type Evasion = Exclude<PlantKind, 'exact' | 'combined'>;
type Candidate = Readonly<{ ruleId: string; phrase: string; exceptions: readonly string[] }>;

const spaces = [' ', ' ', '  ', '\u3000'];
const punctuation = ['，', '、', '·', '*', '-'];
const zeroWidth = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
/** Full-width punctuation that is not a sentence end. */
const fullWidthPunctuation = ['＊', '～', '－', '＿', '／', '＃', '＋', '，'];
const latinPattern = /[A-Za-z]/;
const toTaiwan = Converter({ from: 'cn', to: 'tw' });

function hasLatin(phrase: string): boolean {
  return latinPattern.test(phrase);
}

function fullWidthLetters(text: string): string {
  return [...text]
    .map((character) => {
      const code = character.charCodeAt(0);
      if (character === ' ') return '\u3000';
      return code > 0x20 && code < 0x7f ? String.fromCharCode(code + 0xfee0) : character;
    })
    .join('');
}

function alternateCase(text: string, random: Random): string {
  for (;;) {
    let upper = random.chance(0.5);
    let result = '';
    for (const character of text) {
      if (latinPattern.test(character)) {
        result += upper ? character.toUpperCase() : character.toLowerCase();
        upper = random.chance(0.75) ? !upper : upper;
      } else {
        result += character;
      }
    }
    if (result !== text && result !== text.toUpperCase()) return result;
  }
}

/** Puts a separator from `separators` into some of the gaps between characters (at least one). */
function separate(text: string, separators: readonly string[], random: Random): string {
  const characters = [...text];
  if (characters.length < 2) return text;
  const forced = random.integer(1, characters.length - 1);
  let result = characters[0]!;
  for (let index = 1; index < characters.length; index++) {
    if (index === forced || random.chance(0.5)) result += random.pick(separators);
    result += characters[index]!;
  }
  return result;
}

/** The evasions that make sense for a phrase. */
function applicableEvasions(phrase: string): Evasion[] {
  const evasions: Evasion[] = ['spaced', 'punctuated', 'zeroWidth', 'fullWidth'];
  if (hasLatin(phrase)) evasions.push('mixedCase');
  if (toTaiwan(phrase) !== phrase) evasions.push('traditional');
  return evasions;
}

/** Writes `phrase` with the given evasions: character changes first, then separators between characters. */
function evade(phrase: string, evasions: readonly Evasion[], random: Random): string {
  let text = phrase;
  if (evasions.includes('traditional')) text = toTaiwan(text);
  if (evasions.includes('mixedCase')) text = alternateCase(text, random);
  if (evasions.includes('fullWidth') && hasLatin(phrase)) text = fullWidthLetters(text);
  const separators: string[] = [];
  if (evasions.includes('spaced')) separators.push(...spaces);
  if (evasions.includes('punctuated')) separators.push(...punctuation);
  if (evasions.includes('zeroWidth')) separators.push(...zeroWidth);
  if (evasions.includes('fullWidth') && !hasLatin(phrase)) separators.push(...fullWidthPunctuation);
  return separators.length > 0 ? separate(text, separators, random) : text;
}

function candidatesOf(rules: readonly PhraseRule[]): Candidate[] {
  return rules.flatMap((rule) => rule.phrases.map((phrase) => ({ ruleId: rule.id, phrase, exceptions: rule.exceptions })));
}

/** Chooses what to plant: real (default-rulebook) phrases half the time, generated ones otherwise. */
class PlantChooser {
  private readonly real: Candidate[];
  private readonly generated: Candidate[];
  private readonly latin: Candidate[];

  constructor(
    rules: readonly PhraseRule[],
    private readonly random: Random,
    generatedSample: number,
  ) {
    const defaultIds = new Set(defaultRulebook.map((rule) => rule.id));
    this.real = candidatesOf(rules.filter((rule) => defaultIds.has(rule.id) && rule.enabled));
    const generated = candidatesOf(rules.filter((rule) => !defaultIds.has(rule.id) && rule.enabled));
    this.generated = Array.from({ length: Math.min(generatedSample, generated.length) }, () => random.pick(generated));
    this.latin = [...this.real, ...this.generated].filter((candidate) => hasLatin(candidate.phrase));
  }

  /** A phrase and its planted text for `kind`, from the given source or either. */
  choose(kind: PlantKind, from?: 'real' | 'generated'): { candidate: Candidate; text: string } {
    for (;;) {
      const real = from === undefined ? this.random.chance(0.5) || this.generated.length === 0 : from === 'real';
      const source = kind === 'mixedCase' ? this.latin : real ? this.real : this.generated;
      const candidate = this.random.pick(source);
      const evasions = applicableEvasions(candidate.phrase);
      if (kind === 'exact') return { candidate, text: candidate.phrase };
      if (kind === 'combined') {
        const chosen: Evasion[] = [];
        const count = Math.min(evasions.length, this.random.integer(2, 3));
        while (chosen.length < count) {
          const evasion = this.random.pick(evasions);
          if (!chosen.includes(evasion)) chosen.push(evasion);
        }
        return { candidate, text: evade(candidate.phrase, chosen, this.random) };
      }
      if (evasions.includes(kind)) return { candidate, text: evade(candidate.phrase, [kind], this.random) };
    }
  }

  /** Context around a plant that does not turn it into one of its rule's exceptions. */
  frame(candidate: Candidate): { lead: string; tail: string } {
    for (;;) {
      const lead = this.random.pick(plantLeads);
      const tail = this.random.pick(plantTails);
      // Exceptions match across spaces and punctuation too (不管，您 is the exception 不管您).
      const plain = withoutSeparators(lead + candidate.phrase + tail);
      if (!candidate.exceptions.some((exception) => plain.includes(withoutSeparators(exception)))) return { lead, tail };
    }
  }
}

/** Appends text and plants while keeping UTF-16 offsets and the UTF-8 size. */
class TextBuilder {
  private readonly parts: string[] = [];
  readonly plants: Plant[] = [];
  length = 0;
  byteLength = 0;

  append(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    this.byteLength += Buffer.byteLength(text, 'utf8');
  }

  plant(kind: PlantKind, candidate: Candidate, text: string): void {
    this.plants.push({ kind, start: this.length, end: this.length + text.length, ruleId: candidate.ruleId, phrase: candidate.phrase, text });
    this.append(text);
  }

  toString(): string {
    return this.parts.join('');
  }
}

function plantSentence(builder: TextBuilder, chooser: PlantChooser, kind: PlantKind, random: Random, from?: 'real' | 'generated'): void {
  const { candidate, text } = chooser.choose(kind, from);
  const { lead, tail } = chooser.frame(candidate);
  builder.append(lead);
  builder.plant(kind, candidate, text);
  builder.append(tail + random.pick(sentenceEnds));
}

/** A generated corpus: `text`, its UTF-8 size and where the phrases were planted. */
export type Corpus = Readonly<{ text: string; byteLength: number; plants: readonly Plant[] }>;

/**
 * About `bytes` UTF-8 bytes of call transcripts (agent and customer turns, one per line, calls
 * headed by a record line) with about one planted phrase per 1,200 bytes: the default
 * rulebook's phrases and a sample of the generated ones, exact or evaded.
 */
export function generateCorpus(bytes: number, seed: number, rules: readonly PhraseRule[]): Corpus {
  const random = createRandom(seed);
  const chooser = new PlantChooser(rules, random, 400);
  const kinds = [...plantKinds];
  const kindWeights = kinds.map((kind) => plantKindWeights[kind]);
  const builder = new TextBuilder();
  while (builder.byteLength < bytes) {
    builder.append(
      `【通话记录 2024-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')} ` +
        `${fillTemplate('{time}', random)}｜工单号 ${fillTemplate('{ticket}', random)}｜坐席 ${random.digits(4)}】\n`,
    );
    const turns = random.integer(4, 12);
    for (let turn = 0; turn < turns; turn++) {
      const agent = turn % 2 === 0;
      builder.append(agent ? '坐席：' : '客户：');
      const sentences = random.integer(1, 3);
      const plantAt = random.chance(0.11) ? random.integer(0, sentences - 1) : -1;
      let previous = '';
      for (let sentence = 0; sentence < sentences; sentence++) {
        let template = random.pick(agent ? agentSentences : customerSentences);
        while (template === previous) template = random.pick(agent ? agentSentences : customerSentences);
        previous = template;
        if (sentence === plantAt) plantSentence(builder, chooser, random.weighted(kinds, kindWeights), random);
        else builder.append(fillTemplate(template, random));
        if (random.chance(0.03)) builder.append(random.pick(emoji));
      }
      builder.append('\n');
    }
    builder.append('\n');
  }
  return { text: builder.toString(), byteLength: builder.byteLength, plants: builder.plants };
}

/**
 * A 2,000-character agent note (the text re-checked on every keystroke) with three banned
 * phrases: a real one as written, a real one in Traditional characters, a generated one spaced.
 */
export function generateRecheckText(seed: number, rules: readonly PhraseRule[], length = 2_000): Corpus {
  const random = createRandom(seed);
  const chooser = new PlantChooser(rules, random, 400);
  const builder = new TextBuilder();
  const plantsAt = new Map<number, [PlantKind, 'real' | 'generated']>([
    [3, ['exact', 'real']],
    [9, ['traditional', 'real']],
    [16, ['spaced', 'generated']],
  ]);
  for (let sentence = 0; builder.length < length + 200; sentence++) {
    const plant = plantsAt.get(sentence);
    if (plant !== undefined) plantSentence(builder, chooser, plant[0], random, plant[1]);
    else builder.append(fillTemplate(random.pick(noteSentences), random));
    if (sentence % 6 === 5) builder.append('\n');
  }
  const text = builder.toString().slice(0, length);
  return { text, byteLength: Buffer.byteLength(text, 'utf8'), plants: builder.plants.filter((plant) => plant.end <= length) };
}
