// The public text of a penalty decision (docs/rules.md, "Publicity": the decision text and a summary, with secrets
// and personal data removed). Pure: masks names, ID, phone and bank numbers, e-mail addresses and the literal
// strings it is given (addresses, the reporter in any form), and builds the text published on the national
// enterprise credit information system (市场监督管理行政处罚信息公示规定).
import type { Respondent } from '../../schema/case.js';
import type { DecisionOutcome, Penalty } from '../../schema/decision.js';
import type { IsoDate } from '../../schema/values/dates.js';
import { formatYuan } from './surcharge.js';

/** What replaces a number, an e-mail address or a literal string. */
export const MASK = '＊＊＊';
/** The published text is cut to this many characters. */
export const PUBLIC_TEXT_MAX = 20_000;

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '夏侯',
  '轩辕',
  '令狐',
  '宇文',
];
const HAN = /^\p{Script=Han}/u;

/** What a text must not show: natural persons' names (shown as surname + 某) and literal strings (masked). */
export interface RedactionTargets {
  personNames: string[];
  literals: string[];
}

/** A natural person's name as published: the surname and 某 (张三 → 张某, 欧阳小明 → 欧阳某); a name not in Chinese
 * characters → 某某. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (!chars.length || !HAN.test(chars[0]!)) return '某某';
  const compound = chars.length > 2 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join(''));
  return `${chars.slice(0, compound ? 2 : 1).join('')}某`;
}

// Numbers stand alone: never part of a longer run of letters and digits (a credit code, a licence number).
const B = '(?<![0-9A-Za-z])';
const E = '(?![0-9A-Za-z])';
const PATTERNS: RegExp[] = [
  // E-mail addresses, matched only from the start of a run (a long run without @ is scanned once).
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  // Resident ID numbers: 6-digit region, a birth date 18xx–20xx, 3 digits and a check digit or X. The birth date
  // keeps a credit code of 17 digits and X (e.g. 91310000132200821X) out; an all-digit one is masked below.
  new RegExp(`${B}\\d{6}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]${E}`, 'g'),
  // Bank card and account numbers: 12–25 digits, or groups of four separated by spaces.
  new RegExp(`${B}(?:\\d{12,25}|\\d{4}(?: \\d{4}){2,5}(?: \\d{1,4})?)${E}`, 'g'),
  // Mobile numbers, also with +86 or spaces or dashes: 138 1234 5678.
  new RegExp(`${B}(?:\\+?86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}${E}`, 'g'),
  // Landlines: an area code of 0 and 2–3 digits, a dash or brackets, 7–8 digits.
  new RegExp(`${B}(?:[(（]0\\d{2,3}[)）] ?|0\\d{2,3}-?)\\d{7,8}${E}`, 'g'),
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const NUMERIC = /^[\d\s()（）+\-－Xx]+$/;

/** A literal as a pattern, in any form: spaces ignored; for a number, also dashes and brackets. */
function literalPattern(literal: string): RegExp | undefined {
  const numeric = NUMERIC.test(literal) && /\d/.test(literal);
  const chars = Array.from(numeric ? literal.replace(/[^\dXx]/g, '') : literal.replace(/\s+/g, ''));
  if (chars.length < 2) return undefined;
  return new RegExp(chars.map(escape).join(numeric ? '[\\s\\-－()（）]*' : '\\s*'), 'giu');
}

/** Distinct, trimmed, of two characters or more, in the order given (anything not a string is skipped). */
const usable = (xs: readonly unknown[]) => [
  ...new Set(
    xs
      .filter((x): x is string => typeof x === 'string')
      .map((x) => x.trim())
      .filter((x) => Array.from(x).length >= 2),
  ),
];
/** Longest first, so that a longer target is replaced before a shorter one inside it. */
const longestFirst = (xs: string[]) => usable(xs).sort((a, b) => b.length - a.length);

/** Every occurrence of each name → surname + 某 (also inside longer words). */
function maskNames(text: string, names: string[]): string {
  return longestFirst(names).reduce((t, n) => t.replaceAll(n, maskName(n)), text);
}

/**
 * The text with personal data removed: the literal strings (in any form) → ＊＊＊, each person's name → surname +
 * 某, then every ID, bank, mobile and landline number and e-mail address → ＊＊＊. Dates, amounts and an
 * organisation's credit code (with letters) stay.
 */
export function redact(text: string, targets: RedactionTargets): string {
  let t = maskLiterals(text, targets.literals);
  t = maskNames(t, targets.personNames);
  for (const p of PATTERNS) t = t.replace(p, MASK);
  return t;
}

/** Only the given strings (a reporter's name, numbers, address) masked, in any of the forms `redact` knows; the
 * rest of the text as it is (an enforcement document keeps the party's own numbers). */
export function maskLiterals(text: string, literals: string[]): string {
  let t = text;
  for (const literal of longestFirst(literals)) {
    const p = literalPattern(literal);
    if (p) t = t.replace(p, MASK);
  }
  return t;
}

/** The targets (of two characters or more) a text still shows, in any form, in the order given: empty when
 * nothing leaks. */
export function assertNoLeak(text: string, targets: RedactionTargets): string[] {
  return usable([...targets.personNames, ...targets.literals]).filter((x) => {
    const p = literalPattern(x);
    return text.includes(x) || (p !== undefined && p.test(text));
  });
}

export interface PublicTextInput {
  documentNumber: string;
  unitName: string;
  decidedOn: IsoDate;
  respondent: Respondent;
  outcome: DecisionOutcome;
  facts: string;
  legalBasis: string;
  correctiveOrder?: string;
  reporter?: { name?: string; phone?: string; email?: string; idNumber?: string; address?: string } | null;
}

/** The order of 行政处罚法第九条. */
const KIND_ORDER: Penalty['kind'][] = [
  'warning',
  'circulated_criticism',
  'fine',
  'confiscate_gains',
  'confiscate_property',
  'licence_suspension',
  'licence_downgrade',
  'licence_revocation',
  'business_restriction',
  'business_suspension',
  'closure',
  'occupational_ban',
];

const rmb = (fen: number) => `人民币${formatYuan(fen).slice(1)}元`;

function penaltyText(p: Penalty, clean: (s: string) => string): string {
  switch (p.kind) {
    case 'warning':
      return '警告';
    case 'circulated_criticism':
      return '通报批评';
    case 'fine':
      return `罚款${rmb(p.amountFen)}`;
    case 'confiscate_gains':
      return `没收违法所得${rmb(p.amountFen)}`;
    case 'confiscate_property':
      return `没收非法财物（${clean(p.items)}，价值${rmb(p.amountFen)}）`;
    case 'licence_suspension':
      return `暂扣许可证件（${clean(p.licence)}）`;
    case 'licence_downgrade':
      return `降低资质等级（${clean(p.licence)}）`;
    case 'licence_revocation':
      return `吊销许可证件（${clean(p.licence)}）`;
    case 'business_restriction':
      return '限制开展生产经营活动';
    case 'business_suspension':
      return '责令停产停业';
    case 'closure':
      return '责令关闭';
    case 'occupational_ban':
      return `限制从业${p.years}年`;
  }
}

/** The penalties in Chinese, in the order of 行政处罚法第九条, e.g. "警告；罚款人民币150,000.00元；限制从业3年". */
export function penaltySummary(outcome: DecisionOutcome, clean: (s: string) => string = (s) => s): string {
  if (outcome.kind !== 'penalty') return '不予行政处罚';
  return [...outcome.penalties]
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
    .map((p) => penaltyText(p, clean))
    .join('；');
}

/** Cut to `max` characters, never in the middle of a surrogate pair, marking the cut with "…". */
function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * The public text of a decision, in the fields of the national enterprise credit information system. The
 * respondent: an organisation by its name; a natural person as surname + 某; an individual business by its trade
 * name, with the operator's name masked wherever it appears. Facts, legal basis and corrective order lose the
 * respondent's and the reporter's personal data (names, address, phone, e-mail, ID number).
 */
export function publicText(input: PublicTextInput): {
  title: string;
  respondentShown: string;
  penaltySummary: string;
  text: string;
} {
  const r = input.respondent;
  const rep = input.reporter ?? {};
  const person =
    r.kind === 'natural_person' ? r.name : r.kind === 'individual_business' ? r.operator : undefined;
  const targets: RedactionTargets = {
    personNames: [person].filter((x): x is string => !!x?.trim()),
    // The reporter is not even shown as surname + 某: their name is masked whole, like their numbers.
    literals: [rep.name, r.address, rep.phone, rep.email, rep.idNumber, rep.address].filter(
      (x): x is string => !!x?.trim(),
    ),
  };
  const clean = (s: string) => redact(s, targets);

  const respondentShown =
    r.kind === 'natural_person'
      ? maskName(r.name)
      : r.kind === 'individual_business' && r.operator
        ? r.name.trim() === r.operator.trim()
          ? maskName(r.name)
          : maskNames(r.name, [r.operator])
        : r.name;
  const summary = penaltySummary(input.outcome, clean);
  const uscc = r.kind !== 'natural_person' ? r.uscc : undefined;
  const lines = [
    `行政处罚决定书文号：${input.documentNumber}`,
    `当事人：${respondentShown}`,
    ...(uscc ? [`统一社会信用代码：${uscc}`] : []),
    `违法事实：${clean(input.facts)}`,
    `处罚依据：${clean(input.legalBasis)}`,
    `处罚内容：${summary}`,
    ...(input.correctiveOrder?.trim() ? [`责令改正：${clean(input.correctiveOrder)}`] : []),
    `作出处罚决定机关：${input.unitName}`,
    `作出处罚决定日期：${input.decidedOn}`,
  ];
  return {
    title: `${respondentShown}行政处罚决定书（${input.documentNumber}）`,
    respondentShown,
    penaltySummary: summary,
    text: cap(lines.join('\n'), PUBLIC_TEXT_MAX),
  };
}
