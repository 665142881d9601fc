// .docx output, for officers who edit a document before it is signed: the same structured document as the PDF,
// written with the `docx` library (Office Open XML, no office suite needed), in the same order and type sizes.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { DocumentBlock, DocumentBody } from '../../schema/document.js';

const SERIF = 'Noto Serif CJK SC';
const SANS = 'Noto Sans CJK SC';
/** Half-points, as Word counts type sizes: 22 pt (size 2), 16 pt (size 3), 14 pt (size 4), 12 pt (small 4). */
const PT = (pt: number) => pt * 2;

const run = (text: string, size = 16, font = SERIF, bold = false) =>
  new TextRun({ text, size: PT(size), font: { eastAsia: font, ascii: font, hAnsi: font }, bold });
const para = (
  text: string,
  opts: { indent?: boolean; align?: 'left' | 'center' | 'right'; size?: number } = {},
) =>
  new Paragraph({
    children: [run(text, opts.size ?? 16)],
    alignment:
      opts.align === 'center'
        ? AlignmentType.CENTER
        : opts.align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: PT(16) * 10 * 2 },
    spacing: { line: 580, lineRule: 'exact' },
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cell = (text: string, size = 12, font = SERIF) =>
  new TableCell({
    children: text.split('\n').map((t) => new Paragraph({ children: [run(t, size, font)] })),
    borders: { top: border, bottom: border, left: border, right: border },
  });
const table = (rows: string[][], headFont = SANS) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) =>
        new TableRow({ children: r.map((t, j) => cell(t, 12, i === 0 || j === 0 ? headFont : SERIF)) }),
    ),
  });

function blockOf(b: DocumentBlock): (Paragraph | Table)[] {
  switch (b.type) {
    case 'para':
      return b.text.split('\n').map((t) => para(t));
    case 'heading':
      return [new Paragraph({ children: [run(b.text, 16, SANS)] })];
    case 'fields':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map(([k, v]) => new TableRow({ children: [cell(k, 12, SANS), cell(v)] })),
        }),
      ];
    case 'table':
      return [table([b.head, ...b.rows])];
    case 'opinion':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              children: [
                cell(b.label, 12, SANS),
                cell(`${b.text}\n${b.signer ? `签名：${b.signer}  ` : ''}${dateZh(b.date)}`),
              ],
            }),
          ],
        }),
      ];
  }
}

export function dateZh(d?: string): string {
  if (!d) return '    年  月  日';
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** One document as a .docx file. */
export async function documentDocx(d: DocumentBody): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    para(d.authority, { align: 'center', indent: false }),
    new Paragraph({ children: [run(d.title, 22, SERIF, true)], alignment: AlignmentType.CENTER }),
    para(d.number, { align: 'right', indent: false, size: 14 }),
  ];
  if (d.addressee) children.push(para(`${d.addressee}：`, { indent: false }));
  for (const b of d.blocks) children.push(...blockOf(b));
  if (d.signedOn) {
    children.push(para(d.authority, { align: 'right', indent: false }));
    children.push(para(dateZh(d.signedOn), { align: 'right', indent: false }));
  }
  for (const n of d.notes) children.push(para(n, { indent: false, size: 12 }));
  const doc = new Document({
    creator: d.authority,
    title: `${d.title} ${d.number}`,
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: PT(14) })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
