import { describe, expect, it } from 'vitest';
import { genders, idTypes, protectedFields as maskedCustomerFields, type Gender, type IdType } from '../../common/ipc/customers';
import {
  maskAccountNumber,
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
} from './masking';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['+8613812345678', '138****5678'],
    ['0086-138-1234-5678', '138****5678'],
    ['8613812345678', '138****5678'],
    ['１３８１２３４５６７８', '138****5678'],
    ['010-62345678', '010-****5678'],
    ['0755 8888 1234', '0755-****1234'],
    ['(010)62345678', '010-****5678'],
    ['021-6234567', '021-****4567'],
    ['+86 10 62345678', '010-****5678'],
    ['+86 755 8888 1234', '0755-****1234'],
    ['62345678', '****5678'],
    ['1234567', '****4567'],
    ['123456', '****'],
    ['+1 415 555 0100', '****0100'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never returns more than 4 characters of an unrecognised number', () => {
    const masked = maskPhone('12345678901234567890');
    expect(masked).toBe('****7890');
  });
});

describe('maskIdNumber', () => {
  it.each<[IdType, string, string]>([
    ['resident_id', '110105194912310021', '1101**********0021'],
    ['resident_id', '11010519491231002X', '1101**********002X'],
    ['resident_id', '11010519491231002x', '1101**********002X'],
    ['resident_id', '110105 19491231 0021', '1101**********0021'],
    ['resident_id', '110105491231002', '1101*******1002'],
    ['resident_id', '1101051949', '1*******49'],
    ['passport', 'E12345678', 'E******78'],
    ['hk_macau_permit', 'C12345678', 'C******78'],
    ['taiwan_permit', '12345678', '1*****78'],
    ['other', '1234567', '1****67'],
    ['other', '123456', '1****6'],
    ['other', '12345', '1***5'],
    ['other', '1234', '****'],
    ['other', 'A1', '**'],
    ['passport', '', ''],
  ])('%s %j → %j', (idType, idNumber, masked) => {
    expect(maskIdNumber(idType, idNumber)).toBe(masked);
  });

  it('knows the document kinds', () => {
    expect(idTypes).toEqual(['resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other']);
  });
});

describe('maskAddress', () => {
  it.each([
    ['北京市朝阳区建国路88号SOHO现代城2号楼1801', '北京市朝阳区****'],
    ['广东省深圳市南山区科技园南区深南大道10000号', '广东省深圳市南山区****'],
    ['浙江省杭州市西湖区文三路90号东部软件园', '浙江省杭州市西湖区****'],
    ['江苏省昆山市玉山镇前进中路1号', '江苏省昆山市****'],
    ['新疆维吾尔自治区乌鲁木齐市天山区解放南路100号', '新疆维吾尔自治区乌鲁木齐市天山区****'],
    ['江苏省苏州市昆山市玉山镇前进中路1号', '江苏省苏州市昆山市****'],
    ['吉林省延边朝鲜族自治州延吉市光明街', '吉林省延边朝鲜族自治州延吉市****'],
    ['内蒙古自治区锡林郭勒盟锡林浩特市额尔敦路', '内蒙古自治区锡林郭勒盟锡林浩特市****'],
    ['内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇', '内蒙古自治区呼伦贝尔市鄂温克族自治旗****'],
    ['黑龙江省大兴安岭地区漠河市西林吉镇', '黑龙江省大兴安岭地区漠河市****'],
    ['广西壮族自治区南宁市青秀区民族大道', '广西壮族自治区南宁市青秀区****'],
    ['重庆市石柱土家族自治县南宾街道', '重庆市石柱土家族自治县****'],
    ['湖北省神农架林区松柏镇', '湖北省神农架林区****'],
    ['香港特别行政区九龙城区太子道西', '香港特别行政区九龙城区****'],
    ['福建省厦门市思明区鹭江道8号', '福建省厦门市思明区****'],
    ['黑龙江省哈尔滨市道里区中央大街', '黑龙江省哈尔滨市道里区****'],
    ['江苏省镇江市京口区中山东路', '江苏省镇江市京口区****'],
    ['江苏省南京市鼓楼区中山路', '江苏省南京市鼓楼区****'],
    ['广东深圳市南山区粤海街道', '广东深圳市南山区****'],
    ['深圳市南山区粤海街道', '深圳市南山区****'],
    ['吉林市船营区北京路', '吉林市船营区****'],
    ['中国上海市浦东新区世纪大道100号', '上海市浦东新区****'],
    ['北京市 朝阳区 建国路88号', '北京市朝阳区****'],
    ['朝阳区建国路88号', '朝阳区****'],
  ])('%j → %j', (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });

  it.each([
    // No district: keep the province and city, never the street part that follows.
    ['广东省深圳市科技园南区深南大道10000号', '广东省深圳市****'],
    ['广东省深圳市幸福小区3栋', '广东省深圳市****'],
    ['北京市朝阳路1号', '北京市****'],
    ['香港九龙尖沙咀弥敦道100号', '香港****'],
    ['湖北省仙桃市干河街道', '湖北省仙桃市****'],
    // No province: a bare …市 may be an estate, so nothing is kept without a district.
    ['万科城市花园3栋2单元501', '****'],
    ['建国路88号', '****'],
    ['深南大道10000号', '****'],
    ['Room 1801, 88 Jianguo Road', '****'],
    ['', ''],
  ])('%j → %j', (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each<[string, Gender | null, string]>([
    ['王小明', 'male', '王先生'],
    ['王小红', 'female', '王女士'],
    ['欧阳娜娜', 'female', '欧阳女士'],
    ['司马光', 'male', '司马先生'],
    ['王明', null, '王*'],
    ['王小明', null, '王**'],
    ['欧阳锋', null, '欧阳*'],
    ['诸葛孔明', null, '诸葛**'],
    ['欧阳', null, '欧*'],
    ['王', null, '王'],
    [' 王 小明 ', null, '王**'],
    ['John Smith', null, 'J*** S****'],
    ['John Smith', 'male', 'J*** S****'],
    ['', 'male', ''],
    ['', null, ''],
  ])('%j (%s) → %j', (fullName, gender, masked) => {
    expect(maskName(fullName, gender)).toBe(masked);
  });

  it('knows the genders', () => {
    expect(genders).toEqual(['male', 'female']);
  });
});

describe('maskAccountNumber', () => {
  it.each([
    ['6222021234567890123', '6222***********0123'],
    ['6222 0212 3456 7890', '6222********7890'],
    ['622202123456', '6222****3456'],
    ['12345678901', '*******8901'],
    ['12345', '*2345'],
    ['1234', '****'],
    ['', ''],
  ])('%j → %j', (accountNumber, masked) => {
    expect(maskAccountNumber(accountNumber)).toBe(masked);
  });
});

describe('maskedCustomerFields', () => {
  it('lists the masked fields', () => {
    expect(maskedCustomerFields).toEqual(['name', 'phone', 'idNumber', 'address', 'accountNumber']);
  });
});

// ---------------------------------------------------------------------------------------------
// Property test over generated customers

/** mulberry32: a small seeded PRNG, so a failure reproduces. Returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = Readonly<{
  integer: (minimum: number, maximum: number) => number;
  pick: <T>(items: readonly T[]) => T;
  digits: (count: number) => string;
}>;

function randomFrom(seed: number): Random {
  const next = mulberry32(seed);
  const integer = (minimum: number, maximum: number): number => minimum + Math.floor(next() * (maximum - minimum + 1));
  return {
    integer,
    pick: <T>(items: readonly T[]): T => items[integer(0, items.length - 1)]!,
    digits: (count) => Array.from({ length: count }, () => String(integer(0, 9))).join(''),
  };
}

const singleSurnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '南宫'];
const surnameAndTitleCharacters = new Set([...singleSurnames, ...compoundSurnames, '先生女士'].join(''));
// Given-name characters never occur in a surname or title, so "the mask does not contain the
// given name" tests the masking and not a coincidence such as 王王.
const givenNameCharacters = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧建国平红玉兰霞婷雪梅晨宇轩浩然欣怡子涵佳琪思源嘉'].filter(
  (character) => !surnameAndTitleCharacters.has(character),
);

/** Province, city ('' for municipalities and Hong Kong) and districts. */
const divisions: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['北京市', '', ['朝阳区', '海淀区', '东城区', '西城区', '丰台区', '门头沟区', '通州区']],
  ['上海市', '', ['浦东新区', '黄浦区', '徐汇区', '闵行区']],
  ['天津市', '', ['滨海新区', '和平区', '南开区']],
  ['重庆市', '', ['渝中区', '江北区', '石柱土家族自治县']],
  ['广东省', '深圳市', ['南山区', '福田区', '宝安区', '龙岗区']],
  ['广东省', '广州市', ['天河区', '越秀区', '番禺区']],
  ['浙江省', '杭州市', ['西湖区', '上城区', '建德市', '淳安县']],
  ['江苏省', '苏州市', ['昆山市', '姑苏区', '吴中区']],
  ['江苏省', '南京市', ['鼓楼区', '玄武区', '江宁区']],
  ['福建省', '厦门市', ['思明区', '湖里区', '同安区']],
  ['黑龙江省', '哈尔滨市', ['道里区', '南岗区', '道外区']],
  ['黑龙江省', '大兴安岭地区', ['漠河市', '呼玛县']],
  ['吉林省', '延边朝鲜族自治州', ['延吉市', '和龙市']],
  ['四川省', '凉山彝族自治州', ['西昌市', '木里藏族自治县']],
  ['新疆维吾尔自治区', '乌鲁木齐市', ['天山区', '沙依巴克区']],
  ['内蒙古自治区', '呼伦贝尔市', ['鄂温克族自治旗', '海拉尔区']],
  ['内蒙古自治区', '锡林郭勒盟', ['锡林浩特市', '东乌珠穆沁旗']],
  ['广西壮族自治区', '南宁市', ['青秀区', '兴宁区']],
  ['宁夏回族自治区', '银川市', ['兴庆区', '金凤区']],
  ['湖北省', '武汉市', ['洪山区', '江夏区', '武昌区']],
  ['陕西省', '西安市', ['雁塔区', '长安区']],
  ['香港特别行政区', '', ['九龙城区', '中西区', '油尖旺区']],
];
const streets = ['建国路', '深南大道', '科技园南区', '中关村大街', '人民路', '解放西路', '文三路', '玉山镇前进路', '长安街', '幸福小区', '世纪大道', '民族大道', '粤海街道', '滨江路'];
const buildings = ['SOHO现代城2号楼', 'A座', '3栋2单元', '花园小区5幢', '国际大厦', '科技园', '金地广场B座', '明珠花园', ''];

type Customer = Readonly<{
  surname: string;
  givenName: string;
  gender: Gender | null;
  phone: string;
  phoneNational: string;
  phoneKind: 'mobile' | 'landline';
  landlineAreaCode: string;
  residentId: string;
  addressPrefix: string;
  addressDetail: string;
  accountNumber: string;
}>;

function formatWithSeparators(random: Random, groups: readonly string[]): string {
  return groups.join(random.pick(['', ' ', '-']));
}

function randomCustomer(random: Random): Customer {
  const surname = random.integer(0, 4) === 0 ? random.pick(compoundSurnames) : random.pick(singleSurnames);
  const givenName = Array.from({ length: random.integer(1, 2) }, () => random.pick(givenNameCharacters)).join('');
  const gender = random.pick<Gender | null>(['male', 'female', null]);

  const isMobile = random.integer(0, 2) > 0;
  let phone: string;
  let phoneNational: string;
  let landlineAreaCode = '';
  if (isMobile) {
    phoneNational = `1${random.integer(3, 9)}${random.digits(9)}`;
    const grouped = formatWithSeparators(random, [phoneNational.slice(0, 3), phoneNational.slice(3, 7), phoneNational.slice(7)]);
    phone = `${random.pick(['', '+86 ', '+86', '0086-', '86'])}${grouped}`;
  } else {
    landlineAreaCode = random.pick(['010', '020', '021', '022', '0755', '0571', '0512', '0991', '0471']);
    const number = `${random.integer(2, 9)}${random.digits(random.integer(6, 7))}`;
    phoneNational = `${landlineAreaCode}${number}`;
    phone = random.pick([
      `${landlineAreaCode}-${number}`,
      `${landlineAreaCode} ${number.slice(0, 4)} ${number.slice(4)}`,
      `(${landlineAreaCode})${number}`,
      `+86 ${landlineAreaCode.slice(1)} ${number}`,
    ]);
  }

  const birth = `${random.integer(1940, 2005)}${String(random.integer(1, 12)).padStart(2, '0')}${String(random.integer(1, 28)).padStart(2, '0')}`;
  const residentId = `${random.integer(11, 65)}${random.digits(4)}${birth}${random.digits(3)}${random.pick(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'])}`;

  const [province, city, districts] = random.pick(divisions);
  const addressPrefix = `${province}${city}${random.pick(districts)}`;
  const addressDetail = `${random.pick(streets)}${random.integer(1, 9999)}号${random.pick(buildings)}${random.integer(1, 40)}${String(random.integer(1, 30)).padStart(2, '0')}室`;

  const accountNumber = `62${random.digits(random.integer(14, 17))}`;
  return {
    surname,
    givenName,
    gender,
    phone,
    phoneNational,
    phoneKind: isMobile ? 'mobile' : 'landline',
    landlineAreaCode,
    residentId,
    addressPrefix,
    addressDetail,
    accountNumber,
  };
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function bigramsOf(text: string): string[] {
  const characters = [...text];
  return characters.slice(0, -1).map((character, index) => `${character}${characters[index + 1]}`);
}

/** How many characters of the mask are not stars: what it reveals at most. */
function revealedCount(masked: string): number {
  return [...masked].filter((character) => character !== '*').length;
}

describe('masking generated customers', () => {
  const random = randomFrom(20_260_302);
  const customers = Array.from({ length: 2_500 }, () => randomCustomer(random));

  it('generates varied customers', () => {
    expect(new Set(customers.map((customer) => customer.phone)).size).toBeGreaterThan(2_400);
    expect(customers.some((customer) => customer.residentId.endsWith('X'))).toBe(true);
    expect(customers.some((customer) => compoundSurnames.includes(customer.surname))).toBe(true);
    expect(customers.some((customer) => customer.phoneKind === 'landline')).toBe(true);
  });

  it('never reveals the middle of a phone number', () => {
    for (const customer of customers) {
      const masked = maskPhone(customer.phone);
      const maskedDigits = digitsOf(masked);
      expect(masked).not.toContain(digitsOf(customer.phone));
      expect(masked).not.toContain(customer.phoneNational);
      if (customer.phoneKind === 'mobile') {
        expect(masked).toBe(`${customer.phoneNational.slice(0, 3)}****${customer.phoneNational.slice(-4)}`);
        expect(masked.slice(3, 7)).toBe('****');
        expect(maskedDigits.length).toBeLessThanOrEqual(7);
      } else {
        const subscriber = customer.phoneNational.slice(customer.landlineAreaCode.length);
        expect(masked).toBe(`${customer.landlineAreaCode}-****${subscriber.slice(-4)}`);
        expect(masked.slice(customer.landlineAreaCode.length + 1, customer.landlineAreaCode.length + 5)).toBe('****');
      }
      const twice = maskPhone(masked);
      expect(revealedCount(twice)).toBeLessThanOrEqual(4);
      expect(customer.phoneNational.endsWith(digitsOf(twice))).toBe(true);
    }
  });

  it('never reveals the middle of a resident ID', () => {
    for (const customer of customers) {
      const masked = maskIdNumber('resident_id', customer.residentId);
      expect(masked).not.toContain(customer.residentId);
      expect(masked).not.toContain(customer.residentId.slice(4, 14));
      expect(masked.slice(4, 14)).toBe('**********');
      expect(masked).toHaveLength(18);
      const twice = maskIdNumber('resident_id', masked);
      expect(revealedCount(twice)).toBeLessThanOrEqual(revealedCount(masked));
      expect(twice.slice(1, -2)).toMatch(/^\*+$/);
      for (const idType of idTypes) expect(maskIdNumber(idType, customer.residentId)).not.toContain(customer.residentId.slice(4, 14));
    }
  });

  it('keeps an address down to the district only', () => {
    for (const customer of customers) {
      const masked = maskAddress(`${customer.addressPrefix}${customer.addressDetail}`);
      expect(masked).toBe(`${customer.addressPrefix}****`);
      expect(masked).not.toContain(customer.addressDetail);
      for (const bigram of bigramsOf(customer.addressDetail)) {
        if (!customer.addressPrefix.includes(bigram)) expect(masked).not.toContain(bigram);
      }
      expect(maskAddress(masked)).toBe(masked);
    }
  });

  it('never reveals the given name', () => {
    for (const customer of customers) {
      const fullName = `${customer.surname}${customer.givenName}`;
      const masked = maskName(fullName, customer.gender);
      expect(masked).not.toContain(customer.givenName);
      expect(masked.startsWith(customer.surname)).toBe(true);
      for (const character of customer.givenName) expect(masked).not.toContain(character);
      for (const gender of [null, 'male', 'female'] as const) {
        const twice = maskName(masked, gender);
        expect(twice).not.toContain(customer.givenName);
        expect(twice.startsWith([...customer.surname][0]!)).toBe(true);
      }
    }
  });

  it('keeps only the ends of an account number', () => {
    for (const customer of customers) {
      const masked = maskAccountNumber(customer.accountNumber);
      expect(masked).toHaveLength(customer.accountNumber.length);
      expect(masked).not.toContain(customer.accountNumber.slice(4, -4));
      expect(masked.slice(4, -4)).toMatch(/^\*+$/);
      expect(revealedCount(masked)).toBe(8);
      expect(revealedCount(maskAccountNumber(masked))).toBeLessThanOrEqual(8);
    }
  });

  it('does not throw on arbitrary text, and masks it', () => {
    const alphabet = [...'0123456789 -+()X*省市区县路号王欧阳abcＡ１　·\u0000😀'];
    for (let index = 0; index < 2_000; index += 1) {
      const text = Array.from({ length: random.integer(0, 30) }, () => random.pick(alphabet)).join('');
      expect(() => {
        maskPhone(text);
        for (const idType of idTypes) maskIdNumber(idType, text);
        maskAddress(text);
        maskName(text, null);
        maskName(text, 'female');
        maskAccountNumber(text);
      }).not.toThrow();
      expect(revealedCount(maskAccountNumber(text))).toBeLessThanOrEqual(8);
      expect(digitsOf(maskPhone(text)).length).toBeLessThanOrEqual(8);
    }
  });
});

describe('maskFreeText', () => {
  it('masks number runs that look like phones, IDs or accounts in typed text', async () => {
    const { maskFreeText } = await import('./masking');
    expect(maskFreeText('客户说新号码13900001111，请回电')).toBe('客户说新号码*******1111，请回电');
    expect(maskFreeText('身份证 11010519491231002X 已核实')).toBe('身份证 **************002X 已核实');
    expect(maskFreeText('卡号 6222 0212 3456 7890')).toBe('卡号 **** **** **** 7890');
    expect(maskFreeText('订单 123456 已处理，明天 10 点回电')).toBe('订单 123456 已处理，明天 10 点回电');
    expect(maskFreeText('')).toBe('');
  });
});

describe('maskAddress without a province or city', () => {
  it('keeps a short district name only', async () => {
    const { maskAddress } = await import('./masking');
    expect(maskAddress('朝阳区建国路88号')).toBe('朝阳区****');
    expect(maskAddress('世纪花城南区5栋')).toBe('****');
    expect(maskAddress('张三家住在朝阳区')).toBe('****');
  });
});
