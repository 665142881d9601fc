// The public text of a decision (docs/rules.md, "Publicity": secrets and personal data removed): names as
// surname + 某, ID, phone and bank numbers, e-mail addresses and given strings masked, the reporter never shown;
// credit codes, dates and amounts kept.
import { describe, expect, it } from 'vitest';
import type { Respondent } from '../../schema/case.js';
import type { DecisionOutcome } from '../../schema/decision.js';
import {
  assertNoLeak,
  MASK,
  maskName,
  PUBLIC_TEXT_MAX,
  publicText,
  redact,
  type PublicTextInput,
  type RedactionTargets,
} from './redaction.js';

const none: RedactionTargets = { personNames: [], literals: [] };
const USCC = '91310000MA1FL8XQ30';
const penalty = (
  ...penalties: Extract<DecisionOutcome, { kind: 'penalty' }>['penalties']
): DecisionOutcome => ({ kind: 'penalty', penalties });

describe('redact', () => {
  it('a natural person’s name → surname + 某, everywhere, also inside longer words', () => {
    const t = '当事人张三于2026-01-15在张三水果店销售过期食品，张三承认。';
    expect(redact(t, { personNames: ['张三'], literals: [] })).toBe(
      '当事人张某于2026-01-15在张某水果店销售过期食品，张某承认。',
    );
  });

  it('two-character compound surnames keep both characters', () => {
    expect(maskName('欧阳小明')).toBe('欧阳某');
    expect(maskName('司马光')).toBe('司马某');
    expect(maskName('诸葛孔明')).toBe('诸葛某');
    expect(maskName('张三')).toBe('张某');
    expect(maskName('欧阳')).toBe('欧某'); // a two-character name is a surname and a given name
    expect(maskName('John Smith')).toBe('某某');
    expect(redact('经查，欧阳小明系实际经营者。', { personNames: ['欧阳小明'], literals: [] })).toBe(
      '经查，欧阳某系实际经营者。',
    );
  });

  it('resident ID numbers, with a check digit or X', () => {
    for (const id of ['110101199003071234', '11010119900307123X', '11010119900307123x'])
      expect(redact(`身份证号码${id}，`, none)).toBe(`身份证号码${MASK}，`);
  });

  it('mobile numbers, also with spaces, dashes or +86', () => {
    for (const m of ['13812345678', '138-1234-5678', '138 1234 5678', '+86 13812345678', '19912345678'])
      expect(redact(`电话：${m}。`, none)).toBe(`电话：${MASK}。`);
  });

  it('landlines with an area code', () => {
    for (const l of [
      '021-12345678',
      '010-1234567',
      '0571-87654321',
      '02112345678',
      '(021)12345678',
      '（0571）87654321',
    ])
      expect(redact(`座机${l}。`, none)).toBe(`座机${MASK}。`);
  });

  it('bank card and account numbers, also grouped by spaces', () => {
    for (const b of ['6222021234567890123', '6222 0212 3456 7890 123', '622202123456', '1001 2345 6789 0123'])
      expect(redact(`账号：${b}。`, none)).toBe(`账号：${MASK}。`);
  });

  it('e-mail addresses', () => {
    expect(redact('邮箱wang.wu+report@mail.example.com.cn，', none)).toBe(`邮箱${MASK}，`);
  });

  it('given literal strings, in any form (spaces, dashes, case)', () => {
    const targets = {
      personNames: [],
      literals: ['上海市浦东新区世纪大道100号', '0571-8765-4321', 'WangWu@Example.com', ''],
    };
    expect(redact('住所上海市浦东新区 世纪大道100号，', targets)).toBe(`住所${MASK}，`);
    expect(redact('电话057187654321', targets)).toBe(`电话${MASK}`);
    expect(redact('wangwu@example.com', targets)).toBe(MASK);
  });

  it('keeps credit codes, dates, amounts and licence numbers', () => {
    const t =
      `统一社会信用代码${USCC}，另一代码91310000132200821X，于2026-01-15（2026年1月15日）销售，` +
      '货值150000元，罚款150,000.00元，食品经营许可证JY13101010012345，第3条，邮编200120。';
    expect(redact(t, none)).toBe(t);
  });

  it('assertNoLeak names what is still there, in any form; nothing after redaction', () => {
    const targets = { personNames: ['王五', '李'], literals: ['138-1234-5678', '北京市朝阳区建国路1号'] };
    const t = '举报人王五（电话13812345678）住北京市朝阳区建国路1号。';
    expect(assertNoLeak(t, targets)).toEqual(['王五', '138-1234-5678', '北京市朝阳区建国路1号']);
    expect(assertNoLeak(redact(t, targets), targets)).toEqual([]);
  });
});

const reporter = {
  name: '王五',
  phone: '13812345678',
  email: 'wangwu@example.com',
  idNumber: '310101198001011234',
  address: '上海市黄浦区人民路8号',
};
const base = (respondent: Respondent, more: Partial<PublicTextInput> = {}): PublicTextInput => ({
  documentNumber: '沪市监处罚〔2026〕12号',
  unitName: '上海市某区市场监督管理局',
  decidedOn: '2026-03-15',
  respondent,
  outcome: penalty({ kind: 'fine', amountFen: 15_000_000 }),
  facts: '当事人于2026-01-15销售过期食品，货值150000元。',
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  ...more,
});

describe('publicText', () => {
  it('an organisation: the GSXT fields, the credit code, the reporter never shown', () => {
    const input = base(
      {
        kind: 'organisation',
        name: '上海某某食品有限公司',
        uscc: USCC,
        address: '上海市浦东新区世纪大道100号',
      },
      {
        facts:
          '举报人王五（电话13812345678，邮箱wangwu@example.com，身份证号310101198001011234，住上海市黄浦区人民路8号）' +
          '反映，当事人于2026-01-15在上海市浦东新区世纪大道100号销售过期食品，货值150000元。王五另称…',
        outcome: penalty(
          { kind: 'occupational_ban', years: 3 },
          { kind: 'licence_revocation', licence: '食品经营许可证' },
          { kind: 'confiscate_gains', amountFen: 200_000 },
          { kind: 'fine', amountFen: 15_000_000 },
          { kind: 'warning' },
        ),
        correctiveOrder: '责令当事人立即改正，联系人王五。',
        reporter,
      },
    );
    const out = publicText(input);
    expect(out.respondentShown).toBe('上海某某食品有限公司');
    expect(out.penaltySummary).toBe(
      '警告；罚款人民币150,000.00元；没收违法所得人民币2,000.00元；吊销许可证件（食品经营许可证）；限制从业3年',
    );
    for (const leaked of [reporter.name, reporter.phone, reporter.email, reporter.idNumber, reporter.address])
      expect(out.text).not.toContain(leaked);
    expect(
      assertNoLeak(out.text, { personNames: [reporter.name], literals: Object.values(reporter) }),
    ).toEqual([]);
    expect(out.text.split('\n')).toEqual([
      '行政处罚决定书文号：沪市监处罚〔2026〕12号',
      '当事人：上海某某食品有限公司',
      `统一社会信用代码：${USCC}`,
      `违法事实：举报人${MASK}（电话${MASK}，邮箱${MASK}，身份证号${MASK}，住${MASK}）反映，当事人于2026-01-15在${MASK}销售过期食品，货值150000元。${MASK}另称…`,
      '处罚依据：《中华人民共和国食品安全法》第一百二十四条',
      `处罚内容：${out.penaltySummary}`,
      '责令改正：责令当事人立即改正，联系人＊＊＊。',
      '作出处罚决定机关：上海市某区市场监督管理局',
      '作出处罚决定日期：2026-03-15',
    ]);
    expect(out.title).toContain('沪市监处罚〔2026〕12号');
  });

  it('a natural person: surname + 某 everywhere, the address masked, no credit code line', () => {
    const out = publicText(
      base(
        { kind: 'natural_person', name: '张三', address: '杭州市西湖区文三路1号' },
        { facts: '张三于2026-01-15在杭州市西湖区文三路1号无照经营，张三手机13912345678。' },
      ),
    );
    expect(out.respondentShown).toBe('张某');
    expect(out.text).toContain('当事人：张某\n');
    expect(out.text).toContain(`违法事实：张某于2026-01-15在${MASK}无照经营，张某手机${MASK}。`);
    expect(out.text).not.toContain('张三');
    expect(out.text).not.toContain('统一社会信用代码');
    expect(out.text).not.toContain('责令改正');
    expect(out.title).not.toContain('张三');
  });

  it('a compound surname', () => {
    const out = publicText(
      base({ kind: 'natural_person', name: '欧阳小明' }, { facts: '欧阳小明销售假冒商品。' }),
    );
    expect(out.respondentShown).toBe('欧阳某');
    expect(out.text).toContain('违法事实：欧阳某销售假冒商品。');
  });

  it('an individual business: the trade name, with the operator’s name masked wherever it is', () => {
    const shop = publicText(
      base(
        { kind: 'individual_business', name: '张三水果店', operator: '张三', uscc: '92330106MA2CDEF12X' },
        { facts: '经营者张三销售过期水果。' },
      ),
    );
    expect(shop.respondentShown).toBe('张某水果店');
    expect(shop.text).toContain('统一社会信用代码：92330106MA2CDEF12X');
    expect(shop.text).toContain('违法事实：经营者张某销售过期水果。');
    expect(
      publicText(base({ kind: 'individual_business', name: '李四', operator: '李四' })).respondentShown,
    ).toBe('李某');
    expect(publicText(base({ kind: 'individual_business', name: '鲜果坊' })).respondentShown).toBe('鲜果坊');
  });

  it('the other penalties in Chinese; no penalty', () => {
    const out = publicText(
      base(
        { kind: 'organisation', name: '某公司' },
        {
          outcome: penalty(
            { kind: 'closure' },
            { kind: 'business_suspension' },
            { kind: 'business_restriction' },
            { kind: 'licence_downgrade', licence: '资质证书' },
            { kind: 'licence_suspension', licence: '许可证' },
            { kind: 'confiscate_property', amountFen: 123_456, items: '假冒商品20箱' },
            { kind: 'circulated_criticism' },
          ),
        },
      ),
    );
    expect(out.penaltySummary).toBe(
      '通报批评；没收非法财物（假冒商品20箱，价值人民币1,234.56元）；暂扣许可证件（许可证）；降低资质等级（资质证书）；' +
        '限制开展生产经营活动；责令停产停业；责令关闭',
    );
    expect(
      publicText(
        base(
          { kind: 'organisation', name: '某公司' },
          { outcome: { kind: 'no_penalty', ground: 'no_fault' } },
        ),
      ).penaltySummary,
    ).toBe('不予行政处罚');
  });

  it('the text is cut at 20,000 characters', () => {
    const out = publicText(base({ kind: 'organisation', name: '某公司' }, { facts: '事'.repeat(30_000) }));
    expect(out.text).toHaveLength(PUBLIC_TEXT_MAX);
    expect(out.text.endsWith('…')).toBe(true);
  });
});
