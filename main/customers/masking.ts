/**
 * Masking of customer PII, done in main before anything crosses IPC: the renderer only ever sees
 * the masked forms. Every function is pure, total (never throws) and safe to apply to its own
 * output (masking a mask reveals nothing new).
 */

import type { Gender, IdType } from '../../common/ipc/customers';

const star = '*';

function stars(count: number): string {
  return star.repeat(Math.max(0, count));
}

/** NFKC (full-width digits and letters become ASCII) and trimmed. */
function normalise(text: string): string {
  return text.normalize('NFKC').trim();
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

/** Separators people type inside phone numbers. */
const phoneSeparators = /[\s\-–—().]/g;

/** `138****5678` for a mainland mobile. */
function maskMobile(digits: string): string {
  return `${digits.slice(0, 3)}${stars(4)}${digits.slice(-4)}`;
}

/**
 * The area code and subscriber number of a mainland landline written with its leading 0
 * (`01062345678`, `075588881234`), or `undefined`. 010 and 02X are the only three-digit codes.
 */
function splitLandline(digits: string): Readonly<{ areaCode: string; number: string }> | undefined {
  const match = /^(0[12]\d|0[3-9]\d{2})([2-9]\d{6,7})$/.exec(digits);
  if (match === null) return undefined;
  return { areaCode: match[1] ?? '', number: match[2] ?? '' };
}

/**
 * Masks a phone number.
 * - Mainland mobile (11 digits starting with 1; spaces, hyphens and a +86 / 0086 prefix
 *   tolerated): first 3, four stars, last 4 → `138****5678`.
 * - Mainland landline with area code (`010-62345678`, `0755 8888 1234`, `(010)62345678`,
 *   `+86 10 62345678`): area code, a hyphen, four stars, last 4 → `010-****5678`,
 *   `0755-****1234`. The area code names a region, not the subscriber.
 * - Anything else: four stars and the last 4 characters when it has at least 7, else four stars
 *   only; so never more than 4 of its characters and never its middle.
 * Empty input gives `''`.
 */
export function maskPhone(phone: string): string {
  const compact = normalise(phone).replace(phoneSeparators, '');
  if (compact === '') return '';
  const countryPrefix = /^(?:\+86|0086|86(?=1\d{10}$))/.exec(compact)?.[0] ?? '';
  const national = compact.slice(countryPrefix.length);
  if (/^1\d{10}$/.test(national)) return maskMobile(national);
  // After +86 the trunk 0 of a landline is dropped (+86 10 …); put it back.
  const landline = splitLandline(countryPrefix !== '' && !national.startsWith('0') ? `0${national}` : national);
  if (landline !== undefined) return `${landline.areaCode}-${stars(4)}${landline.number.slice(-4)}`;
  const characters = [...compact];
  return characters.length >= 7 ? `${stars(4)}${characters.slice(-4).join('')}` : stars(4);
}

// ---------------------------------------------------------------------------------------------
// Identity documents

/**
 * Masks an identity document number. A resident ID (18 characters, the last may be X; or an old
 * 15-digit one) keeps its first 4 and last 4 → `1101**********1234`, `1101*******1234`. Other
 * documents (and a resident ID that is not well-formed) keep the first character and the last
 * 2 (the last 1 when only 5 or 6 characters long), all of it starred at 4 characters or fewer;
 * the length is kept. Spaces are ignored; empty input gives `''`.
 */
export function maskIdNumber(idType: IdType, idNumber: string): string {
  const compact = normalise(idNumber).replace(/\s/g, '').toUpperCase();
  if (idType === 'resident_id') {
    if (/^\d{17}[\dX]$/.test(compact)) return `${compact.slice(0, 4)}${stars(10)}${compact.slice(-4)}`;
    if (/^\d{15}$/.test(compact)) return `${compact.slice(0, 4)}${stars(7)}${compact.slice(-4)}`;
  }
  const characters = [...compact];
  const length = characters.length;
  if (length <= 4) return stars(length);
  // Keep at least 3 characters hidden however short the number is.
  const keptAtEnd = length <= 6 ? 1 : 2;
  return `${characters[0] ?? ''}${stars(length - 1 - keptAtEnd)}${characters.slice(-keptAtEnd).join('')}`;
}

// ---------------------------------------------------------------------------------------------
// Addresses

/**
 * Provincial-level divisions: short name and the full suffixes it may carry. Municipalities and
 * special administrative regions have no prefecture level, so no city is looked for after them.
 */
const provinces: ReadonlyArray<Readonly<{ name: string; suffixes: readonly string[]; hasCities: boolean }>> = [
  ...['河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾'].map(
    (name) => ({ name, suffixes: ['省'], hasCities: true }),
  ),
  { name: '内蒙古', suffixes: ['自治区'], hasCities: true },
  { name: '广西', suffixes: ['壮族自治区', '自治区'], hasCities: true },
  { name: '西藏', suffixes: ['自治区'], hasCities: true },
  { name: '宁夏', suffixes: ['回族自治区', '自治区'], hasCities: true },
  { name: '新疆', suffixes: ['维吾尔自治区', '自治区'], hasCities: true },
  ...['北京', '上海', '天津', '重庆'].map((name) => ({ name, suffixes: ['市'], hasCities: false })),
  ...['香港', '澳门'].map((name) => ({ name, suffixes: ['特别行政区'], hasCities: false })),
];

/**
 * Characters of streets, estates and buildings that do not occur in the names of cities and
 * districts as the desk recognises them: a name containing one is not taken as a division, so
 * the detail after a missing district is never kept. A few real districts (绿园区) are lost that
 * way and the address is cut at the city instead: the safe side. `市区县旗盟省` end divisions and
 * so never occur inside a name either.
 */
const neverInDivisionNames = '省市区县旗盟巷弄号栋幢座层室园院苑场0-9A-Za-z';

/**
 * Characters that end street and village names (…路, …大道, …镇, …乡, …街, …村) but begin some
 * division names (路桥区, 道里区, 镇江市, 乡宁县): allowed as a name's first character only.
 */
const onlyFirstInDivisionNames = '路道镇乡街村';

/** A division name before its suffix: 1 to `maximumLength` characters, lazily (the first suffix wins). */
function divisionNamePattern(maximumLength: number): string {
  const inner = `[^${neverInDivisionNames}${onlyFirstInDivisionNames}]`;
  return `(?:[${onlyFirstInDivisionNames}]|${inner})${inner}{0,${maximumLength - 1}}?`;
}

/** Prefecture level: …市, …自治州, …地区, …盟 (a county-level city directly under a province is taken here too). */
const cityPattern = new RegExp(`^${divisionNamePattern(12)}(?:市|自治州|地区|盟)`);

/** County level: …区, …县 (…自治县), …旗 (…自治旗), or a county-level …市. */
const districtPattern = new RegExp(`^${divisionNamePattern(14)}(?:区|县|旗|市)`);

/** Areas inside a district that end like one (幸福小区, 某某社区, 大学城校区, 景区, 厂区, 片区). */
const subDistrictArea = /[小社校景厂片]区$/;

/** Country names some addresses start with. */
const countryPrefix = /^(?:中华人民共和国|中国)/;

function matchProvince(address: string): Readonly<{ text: string; hasCities: boolean }> | undefined {
  for (const province of provinces) {
    if (!address.startsWith(province.name)) continue;
    const afterName = address.slice(province.name.length);
    const suffix = province.suffixes.find((candidate) => afterName.startsWith(candidate));
    if (suffix !== undefined) return { text: province.name + suffix, hasCities: province.hasCities };
    // A bare 吉林 followed by 市 is the city of 吉林, not the province.
    if (afterName.startsWith('市')) continue;
    return { text: province.name, hasCities: province.hasCities };
  }
  return undefined;
}

function matchDistrict(rest: string): string | undefined {
  const district = districtPattern.exec(rest)?.[0];
  return district === undefined || subDistrictArea.test(district) ? undefined : district;
}

/**
 * Masks an address down to the district: the province (…省, …自治区, 北京市 上海市 天津市
 * 重庆市, 香港, 澳门), the city (…市, …自治州, …地区, …盟), the district or county (…区, …县,
 * …旗, a county-level …市), then `****`:
 * `北京市朝阳区建国路88号` → `北京市朝阳区****`, `江苏省昆山市玉山镇…` → `江苏省昆山市****`.
 * Each level must follow the previous one directly, so a `区` later in the street part
 * (科技园南区) is never taken for the district. Without a district the province and city found
 * are kept (a city alone only after a province, since a bare …市 at the start may be an estate
 * name); without any of them the result is `****`. Whitespace is dropped; empty input gives `''`.
 */
export function maskAddress(address: string): string {
  const compact = normalise(address).replace(/\s/g, '').replace(countryPrefix, '');
  if (compact === '') return '';
  const province = matchProvince(compact);
  let kept = province?.text ?? '';
  const afterProvince = compact.slice(kept.length);
  const city = province === undefined || province.hasCities ? cityPattern.exec(afterProvince)?.[0] : undefined;
  const afterCity = city === undefined ? afterProvince : afterProvince.slice(city.length);
  const found = matchDistrict(afterCity);
  // Without a province or city in front, only a short name is taken for a district (朝阳区,
  // 浦东新区): a long one is more likely an estate or a sentence (世纪花城南区, 张三家住在朝阳区).
  const district = found !== undefined && (province !== undefined || city !== undefined || found.length <= 5) ? found : undefined;
  if (district !== undefined) return `${kept}${city ?? ''}${district}${stars(4)}`;
  if (province !== undefined && city !== undefined) kept += city;
  return `${kept}${stars(4)}`;
}

// ---------------------------------------------------------------------------------------------
// Names

/** Common two-character surnames, recognised in names of three characters or more. */
const compoundSurnames: ReadonlySet<string> = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '百里', '呼延', '东郭', '闻人', '澹台',
  '公羊', '太史', '申屠', '万俟', '钟离', '宗政', '濮阳', '淳于', '单于', '赫连', '拓跋', '第五',
  '司空', '亓官', '司寇', '仉督', '子车', '颛孙', '巫马', '公西', '漆雕', '乐正', '壤驷', '公良',
  '谷梁', '段干', '左丘', '东门', '梁丘', '羊舌', '微生', '公冶', '南门', '鲜于', '乐正',
]);

const titleOfGender: Readonly<Record<Gender, string>> = { male: '先生', female: '女士' };

/** The surname of a name written in Chinese order, as code points. */
function surnameOf(characters: readonly string[]): string {
  const firstTwo = characters.slice(0, 2).join('');
  return characters.length >= 3 && compoundSurnames.has(firstTwo) ? firstTwo : (characters[0] ?? '');
}

/**
 * Masks a person's name. A Chinese name keeps its surname (compound surnames such as 欧阳 or
 * 司马 recognised) followed by 先生 / 女士 when the gender is known (`王先生`, `欧阳女士`), else
 * by one star per remaining character (`王*`, `王**`, `欧阳*`). A name in Latin letters keeps
 * the first letter of each word and stars the rest (`J*** S****`), whatever the gender, since
 * which word is the surname is unknown. Empty input gives `''`.
 */
export function maskName(fullName: string, gender: Gender | null): string {
  const name = normalise(fullName);
  if (name === '') return '';
  if (/^[A-Za-z][A-Za-z\s.'-]*$/.test(name)) {
    return name
      .split(/\s+/)
      .map((word) => `${word.slice(0, 1)}${stars(word.length - 1)}`)
      .join(' ');
  }
  const characters = [...name.replace(/\s/g, '')];
  const surname = surnameOf(characters);
  if (gender !== null) return `${surname}${titleOfGender[gender]}`;
  return `${surname}${stars(characters.length - [...surname].length)}`;
}

// ---------------------------------------------------------------------------------------------
// Account numbers

/**
 * Masks a bank card or account number the way banks print it, keeping the length: first 4,
 * stars, last 4 from 12 characters on (`6222************1234`); stars and the last 4 from 5 to
 * 11; all stars at 4 or fewer. Spaces and hyphens are ignored; empty input gives `''`.
 */
export function maskAccountNumber(accountNumber: string): string {
  const characters = [...normalise(accountNumber).replace(/[\s-]/g, '')];
  const length = characters.length;
  if (length >= 12) return `${characters.slice(0, 4).join('')}${stars(length - 8)}${characters.slice(-4).join('')}`;
  if (length >= 5) return `${stars(length - 4)}${characters.slice(-4).join('')}`;
  return stars(length);
}

/**
 * Masks number runs that look like phone, ID or account numbers (7 digits or more, spaces and
 * hyphens allowed between them) inside free text an agent typed: notes, reasons. All but the
 * last 4 digits become `*`, so "新号码13900001111" reads "新号码*******1111".
 */
export function maskFreeText(text: string): string {
  return text.replace(/\d[\d\s-]{5,}[\dXx]/g, (run) => {
    const digits = run.replace(/[^\dXx]/g, '').length;
    if (digits < 7) return run;
    let keep = 4;
    return [...run]
      .reverse()
      .map((character) => {
        if (!/[\dXx]/.test(character)) return character;
        if (keep > 0) {
          keep -= 1;
          return character;
        }
        return '*';
      })
      .reverse()
      .join('');
  });
}
